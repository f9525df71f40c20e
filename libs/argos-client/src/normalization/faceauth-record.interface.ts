/** Final status of a FaceAuth attempt; anything Argos sends that we do not recognise is 'unknown'. */
export type FaceAuthStatus = 'approved' | 'rejected' | 'pending' | 'unknown';

/** Scores Argos computed, whichever response shape they came in (`score` or `result`). */
export interface FaceAuthScores {
  faceSimilarity?: number;
  occluded?: number;
  faceCover?: number;
  headCover?: number;
  liveness?: number;
  activeLiveness?: number;
}

/** One FaceAuth authentication, normalised across every documented Argos response shape. */
export interface FaceAuthRecord {
  authId: string;
  status: FaceAuthStatus;
  /** Parsed `create_time`; null when absent or unreadable. Zone-less timestamps are read as UTC. */
  createdAt: Date | null;
  /** `form` for the hosted URL method. */
  submitType?: string;
  /** The ID Check submission compared against (`kyc_submission_id`). */
  submissionId?: string;
  /** True once the record was deleted at Argos (`delete_check`). */
  deleted: boolean;
  userId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
  tokenId?: string;
  /** The FaceAuth project id (`faceAuth_projectId`), from the record or its enclosing group. */
  projectId?: string;
  scores: FaceAuthScores;
  /** Thresholds of the project's policy, numeric values only. */
  policy?: Record<string, number>;
  /** Rejection codes, lower-cased (Argos' casing is inconsistent). */
  failCodes: string[];
  rejectComments: string[];
}

/** Continuation key of a listing (`nextPage_key`), sent back as `nextKey_id` / `nextKey_date`. */
export interface FaceAuthListKey {
  authId: string;
  createTime: string;
}

/** One page of `GET /faceauth`. `next` is absent on the last page. */
export interface FaceAuthListPage {
  records: FaceAuthRecord[];
  next?: FaceAuthListKey;
}
