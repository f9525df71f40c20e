import { WebhookErrorCode } from '../webhook.error';
import { normalizeWebhookPayload } from './webhook-payload.normalizer';

const v3 = (data: Record<string, unknown>) => ({
  webhook_trigger: 'faceAuth',
  data: { Authentication_id: 'auth-1', Submission_id: 'sub-1', Auth_Status: 'approved', ...data },
});

describe('normalizeWebhookPayload: fields Argos could not have echoed from our URL', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a NUL in Token_id', { Token_id: 'tok\u0000abc12' }],
    ['a lone surrogate in Token_id', { Token_id: 'tok\uD800abc12' }],
    ['a Token_id over 64 characters', { Token_id: 'x'.repeat(65) }],
    ['a Token_id outside the token alphabet', { Token_id: 'tok en' }],
    ['a NUL in Submission_id', { Submission_id: 'sub\u0000' }],
    ['a lone surrogate in Auth_User_id', { Auth_User_id: 'user\uDC00' }],
    ['a NUL in Auth_cf2', { Auth_cf2: 'a\u0000' }],
    ['an Auth_User_id over 256 characters', { Auth_User_id: 'u'.repeat(257) }],
    ['an Auth_cf1 over 512 characters', { Auth_cf1: 'c'.repeat(513) }],
  ])('refuses %s as a malformed payload', (_case, data) => {
    expect(() => normalizeWebhookPayload(v3(data))).toThrow(
      expect.objectContaining({ code: WebhookErrorCode.MALFORMED_PAYLOAD }),
    );
  });

  it('keeps well-formed fields at their limits, surrogate pairs included', () => {
    expect(
      normalizeWebhookPayload(
        v3({ Token_id: 'T'.repeat(64), Auth_User_id: 'u'.repeat(256), Auth_cf1: '😀'.repeat(256) }),
      ),
    ).toMatchObject({ tokenId: 'T'.repeat(64), userId: 'u'.repeat(256), cf1: '😀'.repeat(256) });
  });
});
