/**
 * The FaceAuth parameters that travel encrypted inside the `encrypted` URL parameter
 * (ARGOS-CONTRACT.md section 1).
 */
export interface FaceAuthQuery {
  /** Approved ID Check submission id to compare against (required). */
  sid: string;
  /** The administrator's own user id for this person. */
  authUserId?: string;
  authCf1?: string;
  authCf2?: string;
  authCf3?: string;
  /** FaceAuth token id that makes the URL unique to one user; see {@link TOKEN_ID_PATTERN}. */
  token?: string;
}

/** Field order of the serialized plaintext (Argos' examples use it; the test vector depends on it). */
export const FACEAUTH_QUERY_FIELDS = ['sid', 'authUserId', 'authCf1', 'authCf2', 'authCf3', 'token'] as const;

export type FaceAuthQueryField = (typeof FACEAUTH_QUERY_FIELDS)[number];
