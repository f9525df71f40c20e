import { createHash } from 'node:crypto';
import type { PolicyThresholds } from '../config/sandbox-config.types';
import type { Decision, DecisionScores, FailCode } from './decision.types';

/**
 * Magic values: when any user field of an attempt (API `userId`/`cf1..3`, URL `authUserId`/
 * `authCf1..3`) equals one of these, the matching check fails (or, for `__match__`, the face
 * comparison passes whatever the image). Documented in the sandbox README.
 */
export const MAGIC_VALUES = {
  match: '__match__',
  occluded: '__occluded__',
  faceCover: '__face_cover__',
  headCover: '__head_cover__',
} as const;

/** Similarity reported for a matching face. */
export const MATCH_SIMILARITY = 0.97;

const COMMENTS: Record<FailCode, string> = {
  face_compare_underscore: 'The face similarity is under the threshold.',
  Face_Occluded_fail: 'The face is occluded (mask or helmet detected).',
  Face_cover_fail: 'Face protective equipment was detected.',
  Head_cover_fail: 'Head protective equipment was detected.',
};

export interface DecisionInput {
  upload: Buffer;
  reference: Buffer;
  userFields: Array<string | undefined>;
  policy: PolicyThresholds;
  method: 'form' | 'api';
}

/**
 * Deterministic stand-in for face matching: a byte-identical upload is the same face, anything
 * else is not. Non-matching similarity comes from a hash of the upload so it is stable per image.
 */
export function decide(input: DecisionInput): Decision {
  const magic = new Set(input.userFields.filter((v): v is string => v !== undefined));
  const same = magic.has(MAGIC_VALUES.match) || input.upload.equals(input.reference);
  const scores: DecisionScores = {
    face_similarity: same ? MATCH_SIMILARITY : mismatchSimilarity(input.upload),
    liveness_score: 0.99,
    active_liveness_score: input.method === 'form' ? 0.95 : null,
    occluded_score: magic.has(MAGIC_VALUES.occluded) ? 0.93 : 0.02,
    face_cover_score: magic.has(MAGIC_VALUES.faceCover) ? 0.91 : 0.01,
    head_cover_score: magic.has(MAGIC_VALUES.headCover) ? 0.89 : 0.01,
    detectOccluded: false,
    detectFaceCover: false,
    detectHeadCover: false,
  };
  const p = input.policy;
  scores.detectOccluded = scores.occluded_score >= p.occluded_threshold;
  scores.detectFaceCover = scores.face_cover_score >= p.faceCover_threshold;
  scores.detectHeadCover = scores.head_cover_score >= p.headCover_threshold;

  const failCodes: FailCode[] = [];
  if (scores.face_similarity < p.faceSimilarity_threshold) failCodes.push('face_compare_underscore');
  if (scores.detectOccluded) failCodes.push('Face_Occluded_fail');
  if (scores.detectFaceCover) failCodes.push('Face_cover_fail');
  if (scores.detectHeadCover) failCodes.push('Head_cover_fail');
  return {
    status: failCodes.length ? 'rejected' : 'approved',
    scores,
    failCodes,
    comments: failCodes.map((code) => COMMENTS[code]),
  };
}

// 0.05-0.45: always under any sensible threshold, but not a suspicious constant.
function mismatchSimilarity(upload: Buffer): number {
  const byte = createHash('sha256').update(upload).digest()[0];
  return Math.round((0.05 + (byte / 255) * 0.4) * 1000) / 1000;
}
