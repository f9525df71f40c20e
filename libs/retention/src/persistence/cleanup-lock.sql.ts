import { statementSet } from '@faceauth/core';

/** The lease row of the cleanup's cross-instance lock (`faceauth_cleanup_locks`): take, renew, release. */
export const cleanupLockStatements = statementSet(() => ({
  /** Takes the row when it is free or its lease ran out (its holder died or stalled); one statement. */
  acquire: `
INSERT INTO faceauth_cleanup_locks (name, holder, acquired_at, expires_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
WHERE faceauth_cleanup_locks.expires_at <= $3
RETURNING holder`,
  renew: 'UPDATE faceauth_cleanup_locks SET expires_at = $3 WHERE name = $1 AND holder = $2 RETURNING holder',
  release: 'DELETE FROM faceauth_cleanup_locks WHERE name = $1 AND holder = $2 RETURNING holder',
}));
