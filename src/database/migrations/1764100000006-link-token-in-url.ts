import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/** Whether a link's Face Auth URL carries its token (false: the sid-only URL of a project without Argos token expiration). */
export class LinkTokenInUrl1764100000006 implements MigrationInterface {
  name = 'LinkTokenInUrl1764100000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.addColumn(
      t.tokens,
      new TableColumn({ name: 'token_in_url', type: 'boolean', default: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropColumn(t.tokens, 'token_in_url');
  }
}
