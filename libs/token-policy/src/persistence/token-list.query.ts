import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { TokenStatus } from '../policy/link-policy';
import { FaceAuthTokenEntity } from './faceauth-token.entity';

export interface TokenListFilter {
  sid?: string;
  authUserId?: string;
  project?: string;
  status?: TokenStatus;
  /** Keyset position: rows strictly older than this (createdAt desc, id desc). */
  after?: { createdAt: number; id: string };
  limit: number;
}

const USED = "(t.policy_mode = 'count' AND t.use_count >= t.max_uses)";
const EXPIRED =
  '(t.expired_at IS NOT NULL OR (t.use_count = 0 AND t.expires_at <= :now) OR (t.window_ends_at IS NOT NULL AND t.window_ends_at <= :now))';

/** SQL for each derived status; mirrors `tokenStatus()` (a test checks they agree). */
const STATUS_SQL: Record<TokenStatus, string> = {
  revoked: 't.revoked_at IS NOT NULL',
  used: `t.revoked_at IS NULL AND ${USED}`,
  expired: `t.revoked_at IS NULL AND NOT ${USED} AND ${EXPIRED}`,
  active: `t.revoked_at IS NULL AND NOT ${USED} AND NOT ${EXPIRED}`,
};

/** Newest first, keyset-paginated, filterable by derived status at `now`. */
export function listTokensQuery(
  rows: Repository<FaceAuthTokenEntity>,
  filter: TokenListFilter,
  now: Date,
): SelectQueryBuilder<FaceAuthTokenEntity> {
  const query = rows
    .createQueryBuilder('t')
    .orderBy('t.created_at', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .limit(filter.limit);
  if (filter.sid !== undefined) query.andWhere('t.sid = :sid', { sid: filter.sid });
  if (filter.authUserId !== undefined)
    query.andWhere('t.auth_user_id = :authUserId', { authUserId: filter.authUserId });
  if (filter.project !== undefined) query.andWhere('t.project = :project', { project: filter.project });
  if (filter.status !== undefined) query.andWhere(STATUS_SQL[filter.status], { now: now.getTime() });
  if (filter.after) {
    const { createdAt, id } = filter.after;
    query.andWhere(
      new Brackets((q) =>
        q
          .where('t.created_at < :cAt', { cAt: createdAt })
          .orWhere('(t.created_at = :cAt AND t.id < :cId)', { cAt: createdAt, cId: id }),
      ),
    );
  }
  return query;
}
