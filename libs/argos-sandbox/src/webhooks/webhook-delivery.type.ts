/** Lifecycle of one webhook delivery. `skipped` = the project has no webhook URL. */
export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed' | 'dropped' | 'skipped';

export interface DeliveryAttempt {
  at: string;
  statusCode?: number;
  error?: string;
  durationMs: number;
}

/** One webhook as the control API lists it. */
export interface WebhookDelivery {
  id: string;
  pid: string;
  event: 'faceAuth' | 'token_expired';
  url?: string;
  /** The JSON before encryption, always shown so tests can compare it with what they decrypt. */
  payload: Record<string, unknown>;
  /** The exact body sent on the wire. */
  body: string;
  encrypted: boolean;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  createdAt: string;
  /** Set on the extra copies made by duplicate-next. */
  duplicateOf?: string;
  /** Set on deliveries made by the resend control. */
  resendOf?: string;
}
