import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Env } from '@faceauth/service';
import {
  createSandboxApp,
  DEFAULT_API_KEY,
  DEFAULT_PID,
  DEFAULT_POLICY,
  SandboxHandle,
  SEEDED_SUBMISSIONS,
} from '@faceauth/argos-sandbox';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { ResultRepository } from '@faceauth/results';

export const DAY = 24 * 3600 * 1000;
export const ADMIN_SECRET = 'retention-admin-secret-000000000001';
export const ADMIN = { 'x-api-key': ADMIN_SECRET };

/** The in-process Argos sandbox, quiet. */
export function startSandbox(): Promise<SandboxHandle> {
  return createSandboxApp({ logLevels: [] });
}

/** Environment pointing the service at the sandbox; the scheduler off (tests tick it themselves). */
export function retentionEnv(sandbox: SandboxHandle, extra: Env = {}): Env {
  return {
    FACEAUTH_PID: DEFAULT_PID,
    FACEAUTH_API_KEY: DEFAULT_API_KEY,
    ARGOS_API_BASE_URL: `${sandbox.url}/v3`,
    ARGOS_FORM_URL: `${sandbox.url}/face-auth`,
    INTERNAL_API_KEYS: `ops|admin|${ADMIN_SECRET}`,
    DEV_ADMIN_KEY: 'false',
    RECONCILE_ENABLED: 'false',
    CLEANUP_ENABLED: 'false',
    RETENTION_RESULT_DAYS: '30',
    CLEANUP_ARGOS_RATE_PER_SECOND: '1000',
    ...extra,
  };
}

export interface SeededResult {
  authId: string;
  userId: string;
  cf1: string;
  submissionId: string;
}

/** A record at the sandbox (with a selfie) and the same result stored by the service, created at `createdAt`. */
export async function seedResult(
  app: INestApplication,
  sandbox: SandboxHandle,
  createdAt: number,
  personal: Partial<Omit<SeededResult, 'authId'>> = {},
): Promise<SeededResult> {
  const tag = randomBytes(5).toString('hex');
  const fields = {
    userId: personal.userId ?? `user-${tag}`,
    cf1: personal.cf1 ?? `person-${tag}@example.com`,
    submissionId: personal.submissionId ?? SEEDED_SUBMISSIONS.approved,
  };
  const stored = sandbox.controls.records.add({
    pid: DEFAULT_PID,
    status: 'approved',
    createdAt: new Date(createdAt),
    submitType: 'api',
    submissionId: fields.submissionId,
    userId: fields.userId,
    cf1: fields.cf1,
    policy: { ...DEFAULT_POLICY },
    scores: {
      face_similarity: 0.97,
      liveness_score: 0.99,
      active_liveness_score: null,
      occluded_score: 0.01,
      face_cover_score: 0.01,
      head_cover_score: 0.01,
      detectOccluded: false,
      detectFaceCover: false,
      detectHeadCover: false,
    },
    failCodes: [],
    comments: [],
    image: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
  });
  const record: FaceAuthRecord = {
    authId: stored.authId,
    status: 'approved',
    createdAt: new Date(createdAt),
    submitType: 'api',
    submissionId: fields.submissionId,
    deleted: false,
    userId: fields.userId,
    cf1: fields.cf1,
    scores: { faceSimilarity: 0.97 },
    failCodes: [],
    rejectComments: [],
  };
  await app.get(ResultRepository).saveRecord(record, 'default', 'api', new Date(createdAt), {
    source: 'submission',
    authUserId: fields.userId,
    cf1: fields.cf1,
  });
  return { authId: stored.authId, ...fields };
}

/** DELETE calls the sandbox received per authId, and how many it answered 200. */
export function deleteCalls(sandbox: SandboxHandle, authId: string): { calls: number; ok: number } {
  const entry = sandbox.controls.stats.snapshot().deletes[authId];
  return { calls: entry?.calls ?? 0, ok: entry?.statuses['200'] ?? 0 };
}

export function deletedAtSandbox(sandbox: SandboxHandle, authId: string): boolean {
  return sandbox.controls.records.find(DEFAULT_PID, authId)?.deleted ?? false;
}

/** Polls until `check` holds (real time). */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
  label = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `POST /v1/faceauth` multipart body. */
export function faceAuthMultipart(
  fields: Record<string, string>,
  image: Buffer,
  type = 'image/jpeg',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----retention${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="faceImage"; filename="face"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
