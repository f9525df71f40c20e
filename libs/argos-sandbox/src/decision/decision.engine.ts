import { createHash } from 'node:crypto';
import type { PolicyThresholds } from '../config/sandbox-config.type';
import type { Decision, DecisionScores, FailCode } from './decision.type';

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

/** Similarity reported for a matching face, on the vendor's 0-100 scale (its POST sample shows 99.5). */
export const MATCH_SIMILARITY = 99.5;

/** `occluded_score` from which a face counts as occluded (`detectOccluded`); the policy has no number for it. */
export const OCCLUSION_DETECTION_SCORE = 50;

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
 * Scores and numeric thresholds are on the vendor's 0-100 scale (contract section 7).
 */
export function decide(input: DecisionInput): Decision {
  const magic = new Set(input.userFields.filter((v): v is string => v !== undefined));
  const same = magic.has(MAGIC_VALUES.match) || input.upload.equals(input.reference);
  const scores: DecisionScores = {
    face_similarity: same ? MATCH_SIMILARITY : mismatchSimilarity(input.upload),
    liveness_score: 99,
    active_liveness_score: input.method === 'form' ? 97.78 : null,
    occluded_score: magic.has(MAGIC_VALUES.occluded) ? 93 : 2,
    face_cover_score: magic.has(MAGIC_VALUES.faceCover) ? 91 : 1,
    head_cover_score: magic.has(MAGIC_VALUES.headCover) ? 89 : 1,
    detectOccluded: false,
    detectFaceCover: false,
    detectHeadCover: false,
  };
  const p = input.policy;
  scores.detectOccluded = scores.occluded_score >= OCCLUSION_DETECTION_SCORE;
  scores.detectFaceCover = scores.face_cover_score >= p.faceCover_threshold;
  scores.detectHeadCover = scores.head_cover_score >= p.headCover_threshold;

  const failCodes: FailCode[] = [];
  if (scores.face_similarity < p.faceSimilarity_threshold) failCodes.push('face_compare_underscore');
  if (scores.detectOccluded && !p.occluded_threshold) failCodes.push('Face_Occluded_fail');
  if (scores.detectFaceCover) failCodes.push('Face_cover_fail');
  if (scores.detectHeadCover) failCodes.push('Head_cover_fail');
  return {
    status: failCodes.length ? 'rejected' : 'approved',
    scores,
    failCodes,
    comments: failCodes.map((code) => COMMENTS[code]),
  };
}

// 5-45: always under any sensible threshold, but not a suspicious constant.
function mismatchSimilarity(upload: Buffer): number {
  const byte = createHash('sha256').update(upload).digest()[0];
  return Math.round((5 + (byte / 255) * 40) * 10) / 10;
}
