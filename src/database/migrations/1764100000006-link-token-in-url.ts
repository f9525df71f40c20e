import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Whether a link's Face Auth URL carries its token (false: the sid-only URL of a project without Argos token expiration). */
export class LinkTokenInUrl1764100000006 implements MigrationInterface {
  name = 'LinkTokenInUrl1764100000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'faceauth_tokens',
      new TableColumn({ name: 'token_in_url', type: 'boolean', default: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('faceauth_tokens', 'token_in_url');
  }
}
