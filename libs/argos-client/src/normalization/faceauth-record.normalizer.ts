import { ArgosOperation } from '../errors/argos-operation.type';
import { isPlainObject } from '../shared/is-plain-object';
import { parseArgosTimestamp } from './argos-timestamp.parser';
import { FaceAuthRecord, FaceAuthStatus } from './faceauth-record.interface';
import { normalizePolicy, normalizeScores } from './faceauth-scores.normalizer';
import { malformedResponse } from './malformed-response.error';
import { asText, FieldReader } from './record-fields.reader';

const PENDING = new Set(['pending', 'processing', 'inprogress', 'in_progress', 'waiting']);

/**
 * Maps one Argos record, in any documented spelling, to a {@link FaceAuthRecord}:
 * id from `auth_id` / `authId` / `Authentication_id`; status from `auth_status` (or the misspelt
 * `aurh_status`), case-insensitive; scores from `score` or `result`; `fail_code` lower-cased;
 * `reject_comment` / `rejected_comment`. Unknown fields are ignored and optional ones may be missing.
 *
 * @throws ArgosClientError `ARGOS_BAD_RESPONSE` when `raw` is not an object or has no authentication id.
 */
export function normalizeRecord(raw: unknown, operation: ArgosOperation = 'getResult'): FaceAuthRecord {
  if (!isPlainObject(raw)) throw malformedResponse(operation, 'a record is not a JSON object');
  const f = new FieldReader(raw);
  const authId = f.string('authid', 'authenticationid');
  if (authId === undefined) throw malformedResponse(operation, 'a record has no authentication id');
  const record: FaceAuthRecord = {
    authId,
    status: normalizeStatus(f.value('authstatus', 'aurhstatus', 'status')),
    createdAt: parseArgosTimestamp(f.value('createtime', 'createdtime', 'createdat', 'createdate')),
    deleted: toBoolean(f.value('deletecheck', 'deleted', 'isdeleted')),
    scores: normalizeScores(f),
    failCodes: stringList(f.value('failcode', 'failcodes')).map((code) => code.toLowerCase()),
    rejectComments: stringList(
      f.value('rejectcomment', 'rejectedcomment', 'rejectcomments', 'rejectedcomments'),
    ),
  };
  assignDefined(record, {
    submitType: f.string('submittype'),
    submissionId: f.string('kycsubmissionid', 'submissionid'),
    userId: f.string('authuserid', 'userid'),
    cf1: f.string('authcf1', 'cf1'),
    cf2: f.string('authcf2', 'cf2'),
    cf3: f.string('authcf3', 'cf3'),
    tokenId: f.string('tokenid', 'authtokenid', 'token'),
    projectId: f.string('faceauthprojectid', 'projectid'),
    policy: normalizePolicy(f.object('policy')),
  });
  return record;
}

export function normalizeStatus(value: unknown): FaceAuthStatus {
  if (typeof value !== 'string') return 'unknown';
  const status = value.trim().toLowerCase();
  if (status.startsWith('approv')) return 'approved';
  if (status.startsWith('reject')) return 'rejected';
  return PENDING.has(status) ? 'pending' : 'unknown';
}

function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return typeof value === 'string' && ['true', 'y', 'yes', '1'].includes(value.trim().toLowerCase());
}

// Argos documents arrays; a lone string is accepted as a one-element list.
function stringList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(asText).filter((item): item is string => item !== undefined);
}

// Optional fields are left out rather than set to undefined, so records compare and serialise cleanly.
function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) Object.assign(target, { [key]: value });
  }
}
