import { ms } from './sql-runner';

type Row = Record<string, unknown>;

/** A result claimed by one worker; `lease` fences every later write. */
export interface ClaimedResult {
  authId: string;
  project: string;
  createdAt: number;
  forcedDueAt: number | null;
  argosDeletedAt: number | null;
  purgedAt: number | null;
  /** A DELETE may have reached Argos (sent, answer unknown). */
  deleteSentAt: number | null;
  attempts: number;
  firstFailureAt: number | null;
  lease: number;
}

export interface OverdueResult {
  authId: string;
  project: string;
  createdAt: number;
  forcedDueAt: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  failedAt: number | null;
  lastError: string | null;
  argosDeleted: boolean;
  purged: boolean;
}

export interface HoldState {
  authId: string;
  createdAt: number;
  forcedDueAt: number | null;
  legalHold: boolean;
  argosDeleted: boolean;
  purged: boolean;
  deleteSent: boolean;
  leaseUntil: number | null;
}

/** A result of a person that is not deleted yet. */
export interface UserPendingResult {
  authId: string;
  legalHold: boolean;
  /** The stable code of the last failed deletion, if any. */
  lastError: string | null;
}

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const flag = (value: unknown): boolean => value === true || Number(value) === 1;

export const authIds = (rows: Row[]): string[] => rows.map((r) => String(r.auth_id));

/** A row of the `claim` statements. */
export function toClaimed(r: Row): ClaimedResult {
  return {
    authId: String(r.auth_id),
    project: String(r.project),
    createdAt: Number(r.created_at),
    forcedDueAt: ms(r.cleanup_due_at),
    argosDeletedAt: ms(r.argos_deleted_at),
    purgedAt: ms(r.purged_at),
    deleteSentAt: ms(r.argos_delete_sent_at),
    attempts: Number(r.cleanup_attempts ?? 0),
    firstFailureAt: ms(r.cleanup_first_failure_at),
    lease: Number(r.cleanup_lease_until),
  };
}

/** A row of `listOverdue`. */
export function toOverdue(r: Row): OverdueResult {
  return {
    authId: String(r.auth_id),
    project: String(r.project),
    createdAt: Number(r.created_at),
    forcedDueAt: ms(r.cleanup_due_at),
    attempts: Number(r.cleanup_attempts ?? 0),
    nextAttemptAt: ms(r.cleanup_next_at),
    failedAt: ms(r.cleanup_failed_at),
    lastError: text(r.cleanup_last_error),
    argosDeleted: r.argos_deleted_at !== null && r.argos_deleted_at !== undefined,
    purged: r.purged_at !== null && r.purged_at !== undefined,
  };
}

/** A row of `holdState`. */
export function toHoldState(row: Row): HoldState {
  return {
    authId: String(row.auth_id),
    createdAt: Number(row.created_at),
    forcedDueAt: ms(row.cleanup_due_at),
    legalHold: flag(row.legal_hold),
    argosDeleted: ms(row.argos_deleted_at) !== null,
    purged: ms(row.purged_at) !== null,
    deleteSent: ms(row.argos_delete_sent_at) !== null,
    leaseUntil: ms(row.cleanup_lease_until),
  };
}

/** A row of `userPending`. */
export function toUserPending(r: Row): UserPendingResult {
  return { authId: String(r.auth_id), legalHold: flag(r.legal_hold), lastError: text(r.cleanup_last_error) };
}
