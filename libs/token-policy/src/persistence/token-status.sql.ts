/**
 * The SQL forms of `tokenStatus()` (policy/token-status.ts), written once for the listing's status filters
 * and the outcome sweep. `t` is the table's alias ('' for none); `now` a placeholder for epoch ms. Boundaries
 * are half-open like `tokenStatus`: a deadline equal to `now` has passed. A test lists links of every status
 * (an Argos expiry ahead and one past included) and checks the SQL agrees with the function.
 */
const col = (t: string, name: string): string => (t ? `${t}.${name}` : name);

/** Used up: a count policy whose uses are all taken. */
export const usedUpSql = (t: string): string =>
  `(${col(t, 'policy_mode')} = 'count' AND ${col(t, 'use_count')} >= ${col(t, 'max_uses')})`;

/** Ended by time: an Argos expiry passed, a never-used link past its deadline, or its window closed. */
export const endedByTimeSql = (t: string, now: string): string =>
  `((${col(t, 'expired_at')} IS NOT NULL AND ${col(t, 'expired_at')} <= ${now})` +
  ` OR (${col(t, 'use_count')} = 0 AND ${col(t, 'expires_at')} <= ${now})` +
  ` OR (${col(t, 'window_ends_at')} IS NOT NULL AND ${col(t, 'window_ends_at')} <= ${now}))`;
