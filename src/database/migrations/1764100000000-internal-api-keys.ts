import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/** Internal API keys (hashes only). Written with the schema builder so it runs on SQLite and PostgreSQL. */
export class InternalApiKeys1764100000000 implements MigrationInterface {
  name = 'InternalApiKeys1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: t.internal_api_keys,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'key_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'key_prefix', type: 'varchar', length: '16' },
          { name: 'scopes', type: 'text' },
          { name: 'created_at', type: 'bigint' },
          { name: 'revoked_at', type: 'bigint', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropTable(t.internal_api_keys);
  }
}
