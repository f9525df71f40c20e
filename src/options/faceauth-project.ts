/** How Argos expires FaceAuth token ids for a project (its dashboard's "token expiration condition"). */
export type TokenExpirationSetting =
  { mode: 'off' } | { mode: 'count' } | { mode: 'time'; windowSeconds: number };

/**
 * One FaceAuth project as configured in the Argos dashboard. Each has its own project id, Add-on API key
 * and optionally a dedicated `secretKey` for URL encryption.
 */
export interface FaceAuthProject {
  /** Our name for the project (used in API calls and configuration). */
  name: string;
  /** The Argos FaceAuth project id (`pid`). */
  pid: string;
  /** The project's Add-on API key (`x-api-key`); also the encryption key string unless `secretKey` is set. */
  apiKey: string;
  /** A dedicated encryption key string issued in the dashboard, when the administrator issued one. */
  secretKey?: string;
  /** The dashboard's query-string cipher; default `aes-256-ecb` (the vendor's default). */
  cipher?: 'aes-256-ecb' | 'aes-256-gcm';
  /** How the query is written before encryption; default `json`. */
  plaintextFormat?: 'json' | 'querystring';
  /** The dashboard's token expiration condition; default `{mode: 'off'}` (the vendor's default). */
  tokenExpiration?: TokenExpirationSetting;
}

/** A project with the vendor's defaults filled in. */
export type ResolvedFaceAuthProject = Required<Omit<FaceAuthProject, 'secretKey'>> &
  Pick<FaceAuthProject, 'secretKey'>;
