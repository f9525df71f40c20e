import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/** FaceAuth results, one row per Argos authentication id. No image column: images stay at Argos. */
export class FaceAuthResults1764100000002 implements MigrationInterface {
  name = 'FaceAuthResults1764100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: t.results,
        columns: [
          { name: 'auth_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'project', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'submission_id', type: 'varchar', length: '256', isNullable: true },
          { name: 'auth_user_id', type: 'varchar', length: '256', isNullable: true },
          { name: 'cf1', type: 'text', isNullable: true },
          { name: 'cf2', type: 'text', isNullable: true },
          { name: 'cf3', type: 'text', isNullable: true },
          { name: 'token_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'submit_type', type: 'varchar', length: '16', isNullable: true },
          { name: 'scores', type: 'text', isNullable: true },
          { name: 'fail_codes', type: 'text', isNullable: true },
          { name: 'reject_comments', type: 'text', isNullable: true },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'created_at', type: 'bigint' },
          { name: 'updated_at', type: 'bigint' },
          { name: 'purged_at', type: 'bigint', isNullable: true },
          { name: 'argos_deleted_at', type: 'bigint', isNullable: true },
          { name: 'legal_hold', type: 'boolean', default: false },
        ],
        indices: [
          new TableIndex({ name: 'idx_faceauth_results_created', columnNames: ['created_at', 'auth_id'] }),
          new TableIndex({ name: 'idx_faceauth_results_submission', columnNames: ['submission_id'] }),
          new TableIndex({ name: 'idx_faceauth_results_user', columnNames: ['auth_user_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropTable(t.results);
  }
}
