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
  cipher: 'aes-256-ecb' | 'aes-256-gcm';
  plaintextFormat: 'json' | 'querystring';
  tokenExpiration: TokenExpirationSetting;
}
