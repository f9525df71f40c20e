export { Clock, SystemClock, ManualClock } from './clock';
export { DomainError, DomainErrorKind } from './domain.error';
export { TimestampColumn, epochMsTransformer } from './persistence/timestamp.column';
export { databaseKind, type DatabaseKind } from './persistence/database-kind';
export { encodeKeysetCursor, decodeKeysetCursor, type KeysetPosition } from './pagination/keyset-cursor';
export {
  FaceAuthMetrics,
  NoopFaceAuthMetrics,
  NOOP_METRICS,
  type WebhookMetricEvent,
  type TokenMetricEvent,
  type CleanupMetricEvent,
} from './metrics/faceauth-metrics';
export {
  RawInsert,
  insertStatement,
  type InsertStatement,
  type RawConflictAssignment,
  type RawInsertOptions,
  type RawInsertConflict,
} from './persistence/raw-insert';
export { RawSql, type AtomicWork, type SqlStep, type SqlSteps } from './persistence/raw-sql';
export {
  leaseClaimSql,
  leaseReleaseSql,
  lockedPick,
  type LeaseClaim,
  type LeaseQueue,
  type LockedPick,
} from './persistence/locked-pick';
export { entityRows, type EntityRows } from './persistence/entity-rows';
export {
  FACEAUTH_TABLES,
  DEFAULT_TABLE_PREFIX,
  TABLE_PREFIX_PATTERN,
  assertTablePrefix,
  faceAuthTable,
  faceAuthNamingStrategy,
  tableOf,
  type FaceAuthTable,
} from './persistence/table-names';
export {
  statementSet,
  sqlFamily,
  placeholders,
  type StatementSet,
  type SqlFamily,
  type SqlStatement,
  type SqlStatements,
} from './persistence/statement-set';
export {
  DriverInternalsError,
  SUPPORTED_TYPEORM_MAJORS,
  assertTypeormVersion,
  installedTypeormVersion,
  sqliteConnectionOf,
  postgresPoolOf,
  discardPostgresConnection,
  type SqliteConnectionHandle,
  type SqliteStatementHandle,
  type PostgresPoolHandle,
} from './persistence/driver-handles';
export { enableSecureDelete, truncateSqliteWal } from './persistence/sqlite-erasure';
export { usePreparedStatements, preparedStatementsOn } from './persistence/prepared-statements';
export { type BucketTimer, realTimer, TokenBucket } from './pacing/token-bucket';
export { fullJitterBackoffMs, type FullJitterBackoff } from './pacing/full-jitter-backoff';
export { isDatabaseUnavailable } from './persistence/database-failure.classifier';
export {
  DatabaseUnavailableError,
  DATABASE_RETRY_AFTER_SECONDS,
  type ReadinessChecks,
} from './persistence/database-unavailable.error';
export {
  DatabaseOutageBackoff,
  type OutageBackoffOptions,
  type OutageLogger,
} from './pacing/database-outage.backoff';
export { isUnsafeText } from './text/unsafe-text';
export { ModuleOptionsError } from './options/module-options.error';
export { validateModuleOptions } from './options/module-options.validator';
export { OptionGroup, OptionRange, OptionRule } from './options/option-rules';
export { SAFE_NAME_PATTERN, SAFE_NAME_RULE } from './text/safe-name';
