import type { SandboxProject } from '../state/project.registry';
import type { RecordPage } from '../state/auth-record.store';
import type { AuthRecord } from '../state/auth-record.type';

type Json = Record<string, unknown>;

/**
 * A record as `GET /v3/faceauth` returns it: exactly the documented fields, in the vendor's sample
 * order (contract section 7: no person, no token). After DELETE only id, status, time and the flag
 * remain. `extraRecordFields` appends the undocumented ones.
 */
export function presentRecord(r: AuthRecord, extraRecordFields: boolean): Json {
  const base = { auth_id: r.authId, auth_status: r.status, create_time: r.createdAt.toISOString() };
  if (r.deleted) return { ...base, delete_check: true };
  const documented = {
    policy: { ...r.policy },
    ...base,
    submit_type: r.submitType,
    kyc_submission_id: r.submissionId,
    delete_check: false,
    result: { ...r.scores },
    reject_comment: [...r.comments],
  };
  return extraRecordFields ? { ...documented, ...undocumentedFields(r) } : documented;
}

// NOT documented by Argos: the sandbox's own echo of what the caller sent, opt-in per project.
function undocumentedFields(r: AuthRecord): Json {
  return {
    user_id: r.userId ?? null,
    cf1: r.cf1 ?? null,
    cf2: r.cf2 ?? null,
    cf3: r.cf3 ?? null,
    token_id: r.tokenId ?? null,
    fail_code: [...r.failCodes],
  };
}

/**
 * The listing in the project's shape. Newest (`grouped`): `[{faceAuth_projectId, data, nextPage_key?}]`,
 * the key inside the project object. Older (`flat`): the records, then `{nextPage_key}` as a last
 * element when more pages exist (an array cannot carry it otherwise).
 */
export function presentList(project: SandboxProject, page: RecordPage): unknown[] {
  const data = page.records.map((r) => presentRecord(r, project.extraRecordFields));
  const key = page.nextKey ? { nextPage_key: { ...page.nextKey } } : {};
  if (project.listShape === 'flat') return page.nextKey ? [...data, key] : data;
  return [{ faceAuth_projectId: project.pid, data, ...key }];
}

/** The `POST /v3/faceauth` response: a rejection is a 200 too. */
export function presentSubmission(r: AuthRecord): Json {
  const body: Json = {
    authentication_id: r.authId,
    auth_status: r.status,
    score: {
      face_similarity_score: r.scores.face_similarity,
      occluded_score: r.scores.occluded_score,
      face_cover_score: r.scores.face_cover_score,
      head_cover_score: r.scores.head_cover_score,
    },
    create_time: r.createdAt.toISOString(),
  };
  if (r.status === 'rejected') {
    body.fail_code = [...r.failCodes];
    body.rejected_comment = [...r.comments];
  }
  return body;
}
