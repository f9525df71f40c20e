import type { PolicyThresholds } from '../config/sandbox-config.type';
import type { DecisionScores, FailCode } from '../decision/decision.type';

/** One FaceAuth attempt as the sandbox stores it. */
export interface AuthRecord {
  authId: string;
  pid: string;
  status: 'approved' | 'rejected';
  createdAt: Date;
  /** `form` = hosted page (URL method), `api` = `POST /v3/faceauth`. */
  submitType: 'form' | 'api';
  submissionId: string;
  userId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
  tokenId?: string;
  policy: PolicyThresholds;
  scores: DecisionScores;
  failCodes: FailCode[];
  comments: string[];
  /** The uploaded selfie; dropped by DELETE. */
  image?: Buffer;
  deleted: boolean;
}
