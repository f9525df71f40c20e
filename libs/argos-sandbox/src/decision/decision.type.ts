/** Rejection codes exactly as Argos spells them (inconsistent case included). */
export type FailCode =
  'face_compare_underscore' | 'Face_Occluded_fail' | 'Face_cover_fail' | 'Head_cover_fail';

/** Scores of one attempt (0-100, as Argos reports them), as they appear in a record's `result`. */
export interface DecisionScores {
  face_similarity: number;
  liveness_score: number;
  /** Active liveness only exists on the hosted page (URL method); `null` for API submissions. */
  active_liveness_score: number | null;
  occluded_score: number;
  face_cover_score: number;
  head_cover_score: number;
  detectOccluded: boolean;
  detectFaceCover: boolean;
  detectHeadCover: boolean;
}

export interface Decision {
  status: 'approved' | 'rejected';
  scores: DecisionScores;
  failCodes: FailCode[];
  comments: string[];
}
