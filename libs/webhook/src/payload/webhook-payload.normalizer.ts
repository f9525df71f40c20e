import { isUnsafeText } from '@faceauth/core';
import { WebhookError, WebhookErrorCode } from '../webhook.error';
import { ArgosWebhookEvent, FaceAuthWebhookEvent } from './argos-webhook-event';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first non-empty string among the given keys (Argos' casing differs between doc versions). */
function pick(source: Obj | undefined, ...keys: string[]): string | undefined {
  if (!source) return undefined;
  for (const key of keys) {
    const value = source[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

function malformed(reason: string): WebhookError {
  return new WebhookError(WebhookErrorCode.MALFORMED_PAYLOAD, `Malformed Argos webhook: ${reason}`);
}

/** Token ids as either pipeline may echo them (not only ours: the ID Check pipeline mints its own). */
const TOKEN_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Longest accepted person field, as our own inputs allow (ids 256, custom fields 512). */
const MAX_FIELD = { submissionId: 256, userId: 256, cf1: 512, cf2: 512, cf3: 512 } as const;

/** The event's text fields, checked: a field Argos could not have echoed from our URL is refused. */
function checkFields(event: FaceAuthWebhookEvent): FaceAuthWebhookEvent {
  if (event.tokenId !== undefined && !TOKEN_ID.test(event.tokenId))
    throw malformed('the token id is not a token id');
  for (const field of Object.keys(MAX_FIELD) as (keyof typeof MAX_FIELD)[]) {
    const value = event[field];
    if (value === undefined) continue;
    if (isUnsafeText(value)) throw malformed(`${field} holds a NUL or an unpaired surrogate`);
    if (value.length > MAX_FIELD[field])
      throw malformed(`${field} is longer than ${MAX_FIELD[field]} characters`);
  }
  return event;
}

function status(value: string | undefined): FaceAuthWebhookEvent['status'] {
  const v = value?.toLowerCase();
  return v === 'approved' || v === 'rejected' || v === 'pending' ? v : 'unknown';
}

/**
 * One typed event from any documented payload version:
 * v1 `{webhook_trigger, auth_id, data:{submission_id, auth_status, …}}`;
 * v2 `{webhook_trigger, Authentication_id, data:{Submission_id, Auth_Status, …}}`;
 * v3 `{webhook_trigger, data:{Authentication_id, Submission_id, Auth_Status, Auth_User_id, Token_id, …}}`;
 * `token_expired` `{token_id, expired_condition, expired_at | expected_expired_at, service}`.
 * Unknown fields are ignored; an unknown trigger becomes an `unknown` event.
 */
export function normalizeWebhookPayload(payload: unknown): ArgosWebhookEvent {
  if (!isObj(payload)) throw malformed('the body must be a JSON object');
  const trigger = pick(payload, 'webhook_trigger', 'webhookTrigger', 'Webhook_trigger');
  if (!trigger) throw malformed('webhook_trigger is missing');
  if (trigger.toLowerCase() === 'faceauth') return faceAuth(payload);
  if (trigger.toLowerCase() === 'token_expired') return tokenExpired(payload);
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(trigger)) throw malformed('webhook_trigger is not a trigger name');
  return { kind: 'unknown', trigger };
}

function faceAuth(payload: Obj): FaceAuthWebhookEvent {
  const data = isObj(payload.data) ? payload.data : undefined;
  const authId =
    pick(payload, 'auth_id', 'Authentication_id', 'authentication_id') ??
    pick(data, 'Authentication_id', 'auth_id', 'authentication_id');
  if (!authId) throw malformed('the authentication id is missing');
  if (!/^[A-Za-z0-9._:-]{1,128}$/.test(authId))
    throw malformed('the authentication id has unexpected characters');
  const version: FaceAuthWebhookEvent['version'] = pick(payload, 'auth_id')
    ? 'v1'
    : pick(payload, 'Authentication_id')
      ? 'v2'
      : 'v3';
  const event: FaceAuthWebhookEvent = {
    kind: 'faceAuth',
    version,
    authId,
    status: status(pick(data, 'auth_status', 'Auth_Status', 'Auth_status', 'aurh_status')),
    submissionId: pick(data, 'submission_id', 'Submission_id'),
    createdAt: pick(data, 'create_time', 'Create_Time', 'Create_time'),
    userId: pick(data, 'Auth_User_id', 'user_id', 'User_id'),
    cf1: pick(data, 'Auth_cf1', 'cf1'),
    cf2: pick(data, 'Auth_cf2', 'cf2'),
    cf3: pick(data, 'Auth_cf3', 'cf3'),
    tokenId: pick(data, 'Token_id', 'token_id', 'token'),
  };
  return checkFields(
    Object.fromEntries(
      Object.entries(event).filter(([, v]) => v !== undefined),
    ) as unknown as FaceAuthWebhookEvent,
  );
}

function tokenExpired(payload: Obj): ArgosWebhookEvent {
  const tokenId = pick(payload, 'token_id', 'Token_id');
  if (!tokenId || !TOKEN_ID.test(tokenId)) throw malformed('token_id is missing or invalid');
  const condition = pick(payload, 'expired_condition')?.toLowerCase();
  if (condition !== 'count' && condition !== 'time')
    throw malformed('expired_condition must be count or time');
  const at = pick(payload, 'expired_at', 'expected_expired_at');
  const service = pick(payload, 'service');
  return { kind: 'tokenExpired', tokenId, condition, ...(at ? { at } : {}), ...(service ? { service } : {}) };
}
