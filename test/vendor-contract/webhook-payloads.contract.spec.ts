import { normalizeWebhookPayload } from '@faceauth/webhook';
import {
  buildFaceAuthWebhookV1,
  buildFaceAuthWebhookV2,
  buildFaceAuthWebhookV3,
  FACEAUTH_WEBHOOK_V1_SAMPLE,
  FACEAUTH_WEBHOOK_V2_SAMPLE,
  FACEAUTH_WEBHOOK_V3_SAMPLE,
  FaceAuthWebhookValues,
} from './fixtures/faceauth-webhook.fixture';
import {
  buildTokenExpiredCount,
  buildTokenExpiredTime,
  TOKEN_EXPIRED_COUNT_SAMPLE,
  TOKEN_EXPIRED_TIME_SAMPLE,
} from './fixtures/token-expired.fixture';

// Pure function under test: the product's webhook normalizer, fed payloads in the vendor's published shapes.

/** Every key path of a JSON value (`data.reference.cf.cf1`, …), sorted. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value)
    .flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key))
    .sort();
}

// The target (what the Face Auth URL carried) and the reference (the original ID Check submission) differ
// in every field, so that reading one for the other shows.
const VALUES: FaceAuthWebhookValues = {
  authId: 'auth-7f1c2a',
  submissionId: 'sub-9d3e41',
  status: 'approved',
  createTime: '2026-03-01T10:00:00.000Z',
  userId: 'user-42',
  cf1: 'a@example.com',
  cf2: 'cf2-target',
  cf3: 'cf3-target',
  tokenId: 'tok-Ab3dE5gH7jK9mN1pQ3',
  reference: {
    userid: 'ref-user',
    email: 'ref@example.com',
    cf1: 'ref-cf1',
    cf2: 'ref-cf2',
    cf3: 'ref-cf3',
  },
};

describe('vendor webhook payloads through normalizeWebhookPayload', () => {
  describe('builders keep every documented field and add none', () => {
    it.each([
      ['faceAuth v1', FACEAUTH_WEBHOOK_V1_SAMPLE, buildFaceAuthWebhookV1(VALUES)],
      ['faceAuth v2', FACEAUTH_WEBHOOK_V2_SAMPLE, buildFaceAuthWebhookV2(VALUES)],
      ['faceAuth v3', FACEAUTH_WEBHOOK_V3_SAMPLE, buildFaceAuthWebhookV3(VALUES)],
      [
        'token_expired count',
        TOKEN_EXPIRED_COUNT_SAMPLE,
        buildTokenExpiredCount({ tokenId: 't-1', at: '2026-03-01T10:00:00Z', service: 'faceAuth' }),
      ],
      [
        'token_expired time',
        TOKEN_EXPIRED_TIME_SAMPLE,
        buildTokenExpiredTime({ tokenId: 't-1', at: '2026-03-02T10:00:00Z', service: 'faceAuth' }),
      ],
    ])('%s', (_name, sample, built) => {
      expect(keyPaths(built)).toEqual(keyPaths(sample));
    });
  });

  describe('faceAuth', () => {
    const common = {
      kind: 'faceAuth',
      authId: 'auth-7f1c2a',
      status: 'approved',
      submissionId: 'sub-9d3e41',
      createdAt: '2026-03-01T10:00:00.000Z',
    };

    it('v1: auth_id at the top, lower-case data fields, no token', () => {
      expect(normalizeWebhookPayload(buildFaceAuthWebhookV1(VALUES))).toEqual({
        ...common,
        version: 'v1',
        userId: 'user-42',
        cf1: 'a@example.com',
        cf2: 'cf2-target',
        cf3: 'cf3-target',
      });
    });

    it("v2: Authentication_id at the top, the target's User_id and cf1..3 (not the reference's)", () => {
      expect(normalizeWebhookPayload(buildFaceAuthWebhookV2(VALUES))).toEqual({
        ...common,
        version: 'v2',
        userId: 'user-42',
        cf1: 'a@example.com',
        cf2: 'cf2-target',
        cf3: 'cf3-target',
      });
    });

    it('v3: Authentication_id inside data, Auth_User_id, Auth_cf1..3 and Token_id', () => {
      expect(normalizeWebhookPayload(buildFaceAuthWebhookV3(VALUES))).toEqual({
        ...common,
        version: 'v3',
        userId: 'user-42',
        cf1: 'a@example.com',
        cf2: 'cf2-target',
        cf3: 'cf3-target',
        tokenId: 'tok-Ab3dE5gH7jK9mN1pQ3',
      });
    });

    it.each([
      ['v1', buildFaceAuthWebhookV1],
      ['v2', buildFaceAuthWebhookV2],
      ['v3', buildFaceAuthWebhookV3],
    ])('%s: a rejection, and URL parameters left unused, read as absent', (_version, build) => {
      const event = normalizeWebhookPayload(
        build({
          authId: 'auth-rej-1',
          submissionId: 'sub-rej-1',
          status: 'rejected',
          createTime: '2026-03-01T11:00:00.000Z',
        }),
      );
      expect(event).toMatchObject({ kind: 'faceAuth', authId: 'auth-rej-1', status: 'rejected' });
      for (const field of ['userId', 'cf1', 'cf2', 'cf3', 'tokenId']) expect(event).not.toHaveProperty(field);
    });
  });

  describe('token_expired', () => {
    it.each(['idCheck', 'faceAuth'] as const)(
      'count, service %s: token, condition, expired_at, service',
      (service) => {
        expect(
          normalizeWebhookPayload(
            buildTokenExpiredCount({
              tokenId: 'tok-Ab3dE5gH7jK9mN1pQ3',
              at: '2026-03-01T10:00:01.000Z',
              service,
            }),
          ),
        ).toEqual({
          kind: 'tokenExpired',
          tokenId: 'tok-Ab3dE5gH7jK9mN1pQ3',
          condition: 'count',
          at: '2026-03-01T10:00:01.000Z',
          service,
        });
      },
    );

    it.each(['idCheck', 'faceAuth'] as const)(
      'time, service %s: expected_expired_at is the instant',
      (service) => {
        expect(
          normalizeWebhookPayload(
            buildTokenExpiredTime({
              tokenId: 'tok-Ab3dE5gH7jK9mN1pQ3',
              at: '2026-03-02T10:00:00.000Z',
              service,
            }),
          ),
        ).toEqual({
          kind: 'tokenExpired',
          tokenId: 'tok-Ab3dE5gH7jK9mN1pQ3',
          condition: 'time',
          at: '2026-03-02T10:00:00.000Z',
          service,
        });
      },
    );

    it('the verbatim samples read as they are (service idCheck)', () => {
      expect(normalizeWebhookPayload(TOKEN_EXPIRED_COUNT_SAMPLE)).toEqual({
        kind: 'tokenExpired',
        tokenId: 'tok_abc123def456',
        condition: 'count',
        at: '2025-11-12T02:23:13.588Z',
        service: 'idCheck',
      });
      expect(normalizeWebhookPayload(TOKEN_EXPIRED_TIME_SAMPLE)).toMatchObject({
        tokenId: 'tok_xyz789ghi012',
        condition: 'time',
        service: 'idCheck',
      });
    });

    it('a body without service has none', () => {
      const event = normalizeWebhookPayload(
        buildTokenExpiredCount({
          tokenId: 'tok-Ab3dE5gH7jK9mN1pQ3',
          at: '2026-03-01T10:00:01.000Z',
          service: null,
        }),
      );
      expect(event).toEqual({
        kind: 'tokenExpired',
        tokenId: 'tok-Ab3dE5gH7jK9mN1pQ3',
        condition: 'count',
        at: '2026-03-01T10:00:01.000Z',
      });
    });
  });
});
