import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/**
 * Retention: the cleanup state of each result (added to `faceauth_results`), the cleanup runs, the audit
 * trail (one row per subject and action) and the lease row that serialises runs on SQLite.
 */
export class Retention1764100000004 implements MigrationInterface {
  name = 'Retention1764100000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.addColumns(t.results, [
      // Set by "forget this user": due now, whatever the retention period says.
      new TableColumn({ name: 'cleanup_due_at', type: 'bigint', isNullable: true }),
      // Claim of one worker (fencing value: every later step is conditional on it).
      new TableColumn({ name: 'cleanup_lease_until', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'cleanup_attempts', type: 'integer', default: 0 }),
      new TableColumn({ name: 'cleanup_next_at', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'cleanup_first_failure_at', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'cleanup_failed_at', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'cleanup_last_error', type: 'varchar', length: '64', isNullable: true }),
      // A DELETE may have reached Argos without us hearing the answer: probe before sending another.
      new TableColumn({ name: 'argos_delete_sent_at', type: 'bigint', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      t.results,
      new TableIndex({
        name: 'idx_faceauth_results_cleanup_pending',
        columnNames: ['created_at', 'auth_id'],
        where: 'purged_at IS NULL OR argos_deleted_at IS NULL',
      }),
    );
    await queryRunner.createIndex(
      t.results,
      new TableIndex({
        name: 'idx_faceauth_results_cleanup_due',
        columnNames: ['cleanup_due_at'],
        where: 'cleanup_due_at IS NOT NULL',
      }),
    );
    // A purge strips the personal fields of the result's stored webhook events, found by authentication id.
    await queryRunner.createIndex(
      t.webhook_inbox,
      new TableIndex({ name: 'idx_webhook_inbox_auth', columnNames: ['auth_id'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: t.cleanup_runs,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'trigger', type: 'varchar', length: '16' },
          { name: 'dry_run', type: 'boolean', default: false },
          { name: 'instance_id', type: 'varchar', length: '64' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'started_at', type: 'bigint' },
          { name: 'finished_at', type: 'bigint', isNullable: true },
          { name: 'due', type: 'integer', default: 0 },
          { name: 'held', type: 'integer', default: 0 },
          { name: 'argos_deleted', type: 'integer', default: 0 },
          { name: 'already_gone', type: 'integer', default: 0 },
          { name: 'purged', type: 'integer', default: 0 },
          { name: 'retrying', type: 'integer', default: 0 },
          { name: 'failed', type: 'integer', default: 0 },
          { name: 'tokens_deleted', type: 'integer', default: 0 },
          { name: 'inbox_deleted', type: 'integer', default: 0 },
          { name: 'error_code', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_cleanup_runs_started', columnNames: ['started_at', 'id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: t.cleanup_audit,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'run_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'subject_type', type: 'varchar', length: '16' },
          { name: 'subject_id', type: 'varchar', length: '128' },
          { name: 'project', type: 'varchar', length: '64', isNullable: true },
          { name: 'action', type: 'varchar', length: '24' },
          { name: 'reason', type: 'varchar', length: '16' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'error_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'at', type: 'bigint' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_cleanup_audit_subject_action',
            columnNames: ['subject_type', 'subject_id', 'action'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_cleanup_audit_at', columnNames: ['at', 'id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: t.cleanup_locks,
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'holder', type: 'varchar', length: '64' },
          { name: 'acquired_at', type: 'bigint' },
          { name: 'expires_at', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropTable(t.cleanup_locks);
    await queryRunner.dropTable(t.cleanup_audit);
    await queryRunner.dropTable(t.cleanup_runs);
    await queryRunner.dropIndex(t.webhook_inbox, 'idx_webhook_inbox_auth');
    await queryRunner.dropIndex(t.results, 'idx_faceauth_results_cleanup_due');
    await queryRunner.dropIndex(t.results, 'idx_faceauth_results_cleanup_pending');
    for (const column of [
      'argos_delete_sent_at',
      'cleanup_last_error',
      'cleanup_failed_at',
      'cleanup_first_failure_at',
      'cleanup_next_at',
      'cleanup_attempts',
      'cleanup_lease_until',
      'cleanup_due_at',
    ]) {
      await queryRunner.dropColumn(t.results, column);
    }
  }
}
