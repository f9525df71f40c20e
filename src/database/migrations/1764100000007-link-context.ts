import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/**
 * The company's context of a link: its own reference (filterable, indexed) and key/value metadata (JSON
 * text). Both nullable, so links minted before stay valid (no reference, no metadata).
 */
export class LinkContext1764100000007 implements MigrationInterface {
  name = 'LinkContext1764100000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.addColumns(t.tokens, [
      new TableColumn({ name: 'client_reference', type: 'varchar', length: '256', isNullable: true }),
      new TableColumn({ name: 'metadata', type: 'text', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      t.tokens,
      new TableIndex({ name: 'idx_faceauth_tokens_client_ref', columnNames: ['client_reference'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropIndex(t.tokens, 'idx_faceauth_tokens_client_ref');
    await queryRunner.dropColumns(t.tokens, ['metadata', 'client_reference']);
  }
}
