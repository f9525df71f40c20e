import type { WebhookVersion } from '../config/sandbox-config.type';
import type { AuthRecord } from '../state/auth-record.type';
import type { Submission } from '../state/submission.type';

/** A JSON webhook body before optional encryption. */
export type WebhookPayload = Record<string, unknown>;

/**
 * The `faceAuth` result webhook in one of the three documented versions (ARGOS-CONTRACT.md
 * section 5). Absent optional values are sent as empty strings: every documented key is always
 * present, which is the harder case for a receiver that treats "" as a value.
 */
export function buildFaceAuthPayload(
  version: WebhookVersion,
  record: AuthRecord,
  submission: Submission,
): WebhookPayload {
  const createTime = record.createdAt.toISOString();
  const reference = {
    userid: s(submission.userid),
    email: s(submission.email),
    cf: { cf1: s(submission.cf1), cf2: s(submission.cf2), cf3: s(submission.cf3) },
  };
  switch (version) {
    case 'v1':
      return {
        webhook_trigger: 'faceAuth',
        auth_id: record.authId,
        data: {
          submission_id: record.submissionId,
          auth_status: record.status,
          create_time: createTime,
          user_id: s(record.userId),
          cf1: s(record.cf1),
          cf2: s(record.cf2),
          cf3: s(record.cf3),
        },
      };
    case 'v2':
      return {
        webhook_trigger: 'faceAuth',
        Authentication_id: record.authId,
        data: {
          Submission_id: record.submissionId,
          Auth_Status: record.status,
          Create_Time: createTime,
          User_id: s(record.userId),
          cf1: s(record.cf1),
          cf2: s(record.cf2),
          cf3: s(record.cf3),
          reference,
        },
      };
    case 'v3':
      return {
        webhook_trigger: 'faceAuth',
        data: {
          Submission_id: record.submissionId,
          Auth_Status: record.status,
          Create_Time: createTime,
          Auth_User_id: s(record.userId),
          Auth_cf1: s(record.cf1),
          Auth_cf2: s(record.cf2),
          Auth_cf3: s(record.cf3),
          Token_id: s(record.tokenId),
          reference,
          Authentication_id: record.authId,
        },
      };
    default:
      throw new RangeError(`unknown webhook version ${String(version satisfies never)}`);
  }
}

/** The `token_expired` webhook (contract section 3) for a FaceAuth token. */
export function buildTokenExpiredPayload(
  tokenId: string,
  condition: 'count' | 'time',
  at: Date,
): WebhookPayload {
  const when =
    condition === 'count' ? { expired_at: at.toISOString() } : { expected_expired_at: at.toISOString() };
  return {
    webhook_trigger: 'token_expired',
    token_id: tokenId,
    expired_condition: condition,
    ...when,
    service: 'faceAuth',
  };
}

function s(value: string | undefined): string {
  return value ?? '';
}
