import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/**
 * Where a result's person comes from: the link it was reached through (`link_id`) and the source of its
 * person fields (`identity_source`: link, submission or webhook). Existing rows are backfilled from what
 * the table already proves: a token of ours for the same project and submission names the link; a direct
 * submission's fields are our own.
 */
export class ResultIdentity1764100000005 implements MigrationInterface {
  name = 'ResultIdentity1764100000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.addColumns(t.results, [
      new TableColumn({ name: 'link_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'identity_source', type: 'varchar', length: '16', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      t.results,
      new TableIndex({ name: 'idx_faceauth_results_link', columnNames: ['link_id'] }),
    );
    const matchingLink = `FROM ${t.tokens} tk WHERE tk.token = ${t.results}.token_id
      AND tk.project = ${t.results}.project AND tk.sid = ${t.results}.submission_id`;
    await queryRunner.query(
      `UPDATE ${t.results} SET link_id = (SELECT tk.id ${matchingLink}), identity_source = 'link'
       WHERE purged_at IS NULL AND token_id IS NOT NULL AND EXISTS (SELECT 1 ${matchingLink})`,
    );
    await queryRunner.query(
      `UPDATE ${t.results} SET identity_source = 'submission'
       WHERE purged_at IS NULL AND identity_source IS NULL AND source = 'api'`,
    );
    await queryRunner.query(
      `UPDATE ${t.results} SET identity_source = 'webhook'
       WHERE purged_at IS NULL AND identity_source IS NULL AND auth_user_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropIndex(t.results, 'idx_faceauth_results_link');
    await queryRunner.dropColumn(t.results, 'identity_source');
    await queryRunner.dropColumn(t.results, 'link_id');
  }
}
