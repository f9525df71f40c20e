import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/**
 * A verdict per link (outcome_*) and, per result, why it did not count for its link (policy_violation).
 * Links minted before start `pending`; results stored before carry no violation.
 */
export class LinkOutcome1764100000008 implements MigrationInterface {
  name = 'LinkOutcome1764100000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.addColumns(t.tokens, [
      new TableColumn({ name: 'outcome_status', type: 'varchar', length: '16', default: "'pending'" }),
      new TableColumn({ name: 'outcome_auth_id', type: 'varchar', length: '128', isNullable: true }),
      new TableColumn({ name: 'outcome_decided_at', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'outcome_reason', type: 'varchar', length: '32', isNullable: true }),
    ]);
    // The outcome sweep's candidates: pending links, by deadline.
    await queryRunner.createIndex(
      t.tokens,
      new TableIndex({
        name: 'idx_faceauth_tokens_pending',
        columnNames: ['expires_at'],
        where: "outcome_status = 'pending'",
      }),
    );
    await queryRunner.addColumn(
      t.results,
      new TableColumn({ name: 'policy_violation', type: 'varchar', length: '32', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropColumn(t.results, 'policy_violation');
    await queryRunner.dropIndex(t.tokens, 'idx_faceauth_tokens_pending');
    await queryRunner.dropColumns(t.tokens, [
      'outcome_reason',
      'outcome_decided_at',
      'outcome_auth_id',
      'outcome_status',
    ]);
  }
}
