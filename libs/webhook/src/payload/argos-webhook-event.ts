/** A `faceAuth` result notification, whatever payload version carried it. */
export interface FaceAuthWebhookEvent {
  kind: 'faceAuth';
  version: 'v1' | 'v2' | 'v3';
  authId: string;
  status: 'approved' | 'rejected' | 'pending' | 'unknown';
  submissionId?: string;
  createdAt?: string;
  userId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
  tokenId?: string;
}

/** Argos expired a token id (`token_expired`). */
export interface TokenExpiredWebhookEvent {
  kind: 'tokenExpired';
  tokenId: string;
  condition: 'count' | 'time';
  /** `expired_at` (count) or `expected_expired_at` (time), when readable. */
  at?: string;
  service?: string;
}

/** A trigger this version of the product does not process; stored and acknowledged. */
export interface UnknownWebhookEvent {
  kind: 'unknown';
  trigger: string;
}

export type ArgosWebhookEvent = FaceAuthWebhookEvent | TokenExpiredWebhookEvent | UnknownWebhookEvent;
