import fc from 'fast-check';
import { ArgosClientError } from '../errors/argos-client.error';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { normalizeRecord } from './faceauth-record.normalizer';

describe('normalizeRecord', () => {
  it.each([
    ['auth_id', { auth_id: 'a1' }],
    ['authId', { authId: 'a1' }],
    ['Authentication_id', { Authentication_id: 'a1' }],
    ['authentication_id', { authentication_id: 'a1' }],
    ['a numeric id', { auth_id: 7 }],
  ])('reads the id from %s', (_case, raw) => {
    expect(normalizeRecord(raw).authId).toBe(String(Object.values(raw)[0]));
  });

  it.each<[unknown, string]>([
    ['approved', 'approved'],
    ['APPROVED', 'approved'],
    [' Rejected ', 'rejected'],
    ['pending', 'pending'],
    ['something-new', 'unknown'],
    [42, 'unknown'],
  ])('maps status %p to %s', (status, expected) => {
    expect(normalizeRecord({ auth_id: 'a', auth_status: status }).status).toBe(expected);
  });

  it('reads the misspelt aurh_status and Auth_Status', () => {
    expect(normalizeRecord({ auth_id: 'a', aurh_status: 'approved' }).status).toBe('approved');
    expect(normalizeRecord({ auth_id: 'a', Auth_Status: 'rejected' }).status).toBe('rejected');
  });

  it('reads POST-style scores from score and GET-style scores from result', () => {
    expect(
      normalizeRecord({
        auth_id: 'a',
        score: { face_similarity_score: '91.5', occluded_score: 3, face_cover_score: 1, head_cover_score: 0 },
      }).scores,
    ).toEqual({ faceSimilarity: 91.5, occluded: 3, faceCover: 1, headCover: 0 });
    expect(
      normalizeRecord({
        auth_id: 'a',
        result: { face_similarity: 97, active_liveness_score: 88, liveness_score: 70, detectOccluded: true },
      }).scores,
    ).toEqual({ faceSimilarity: 97, activeLiveness: 88, liveness: 70 });
  });

  it('lower-cases fail codes and accepts both comment spellings and lone strings', () => {
    const record = normalizeRecord({
      auth_id: 'a',
      fail_code: ['Face_Occluded_fail', 'Head_cover_fail'],
      rejected_comment: 'masked',
    });
    expect(record.failCodes).toEqual(['face_occluded_fail', 'head_cover_fail']);
    expect(record.rejectComments).toEqual(['masked']);
    expect(normalizeRecord({ auth_id: 'a', reject_comment: ['x', '', null] }).rejectComments).toEqual(['x']);
  });

  it('maps every documented record field and ignores unknown ones', () => {
    expect(
      normalizeRecord({
        auth_id: 'a',
        auth_status: 'approved',
        create_time: 1_767_225_600,
        submit_type: 'form',
        kyc_submission_id: 'sub',
        delete_check: 'true',
        Auth_User_id: 'u',
        Auth_cf1: 'c1',
        cf2: 'c2',
        cf3: 3,
        Token_id: 't',
        faceAuth_projectId: 'pid',
        policy: { faceSimilarity_threshold: '80', note: 'ignored' },
        brand_new_field: { deep: [1, 2] },
      }),
    ).toEqual({
      authId: 'a',
      status: 'approved',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      submitType: 'form',
      submissionId: 'sub',
      deleted: true,
      userId: 'u',
      cf1: 'c1',
      cf2: 'c2',
      cf3: '3',
      tokenId: 't',
      projectId: 'pid',
      policy: { faceSimilarity_threshold: 80 },
      scores: {},
      failCodes: [],
      rejectComments: [],
    });
  });

  it('fills defaults for a minimal record', () => {
    expect(normalizeRecord({ auth_id: 'a' })).toEqual({
      authId: 'a',
      status: 'unknown',
      createdAt: null,
      deleted: false,
      scores: {},
      failCodes: [],
      rejectComments: [],
    });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [{ auth_id: 'a' }]],
    ['a string', 'a'],
    ['no id', { auth_status: 'approved' }],
    ['an empty id', { auth_id: '  ' }],
    ['an object id', { auth_id: { id: 'a' } }],
  ])('throws ARGOS_BAD_RESPONSE for %s', (_case, raw) => {
    expect(() => normalizeRecord(raw)).toThrow(
      expect.objectContaining({ code: ArgosErrorCode.BAD_RESPONSE }),
    );
  });

  it('never crashes: any JSON value gives a record or ARGOS_BAD_RESPONSE', () => {
    const withId = fc.dictionary(fc.string(), fc.jsonValue()).map((d) => ({ ...d, auth_id: 'x' }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), withId), (raw) => {
        try {
          const record = normalizeRecord(raw);
          return typeof record.authId === 'string' && Array.isArray(record.failCodes);
        } catch (error: unknown) {
          return error instanceof ArgosClientError && error.code === ArgosErrorCode.BAD_RESPONSE;
        }
      }),
      { numRuns: 500 },
    );
  });
});
