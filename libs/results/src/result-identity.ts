/**
 * Where a result's person and link came from, strongest first. Argos' records carry no person
 * (ARGOS-CONTRACT §7): only what we sent (a link we minted, the fields of our own direct submission) or
 * the webhook's unsigned echo of them can say whose result it is.
 */
export type IdentitySource = 'link' | 'submission' | 'webhook';

export const IDENTITY_SOURCES: readonly IdentitySource[] = ['link', 'submission', 'webhook'];

/** The person and link of a result, with where they came from. Absent fields are unknown. */
export interface ResultIdentity {
  source: IdentitySource;
  authUserId?: string | null;
  cf1?: string | null;
  cf2?: string | null;
  cf3?: string | null;
  tokenId?: string | null;
  linkId?: string | null;
}
