import { FaceAuthResultEntity } from './faceauth-result.entity';
import { PolicyViolation } from './policy-violation';
import { IdentitySource } from './result-identity';

/** A stored result as the API shows it. */
export interface ResultView {
  authId: string;
  project: string;
  status: string;
  submissionId: string | null;
  authUserId: string | null;
  cf1: string | null;
  cf2: string | null;
  cf3: string | null;
  tokenId: string | null;
  linkId: string | null;
  identitySource: IdentitySource | null;
  /** Why the result did not count for its link; null when it counted or came through no link. */
  policyViolation: PolicyViolation | null;
  submitType: string | null;
  scores: Record<string, number> | null;
  failCodes: string[];
  rejectComments: string[];
  source: string;
  createdAt: Date;
  updatedAt: Date;
  purgedAt: Date | null;
  argosDeletedAt: Date | null;
  legalHold: boolean;
}

export function toResultView(row: FaceAuthResultEntity): ResultView {
  return {
    authId: row.authId,
    project: row.project,
    status: row.status,
    submissionId: row.submissionId,
    authUserId: row.authUserId,
    cf1: row.cf1,
    cf2: row.cf2,
    cf3: row.cf3,
    tokenId: row.tokenId,
    linkId: row.linkId,
    identitySource: row.identitySource as IdentitySource | null,
    policyViolation: row.policyViolation,
    submitType: row.submitType,
    scores: row.scores,
    failCodes: row.failCodes ?? [],
    rejectComments: row.rejectComments ?? [],
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    purgedAt: row.purgedAt,
    argosDeletedAt: row.argosDeletedAt,
    legalHold: row.legalHold,
  };
}
