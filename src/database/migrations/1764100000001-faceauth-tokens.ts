import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/** FaceAuth links and their tokens. Instants are epoch milliseconds (BIGINT) on every database. */
export class FaceAuthTokens1764100000001 implements MigrationInterface {
  name = 'FaceAuthTokens1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: t.tokens,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'token', type: 'varchar', length: '64', isUnique: true },
          { name: 'project', type: 'varchar', length: '64' },
          { name: 'sid', type: 'varchar', length: '256' },
          { name: 'auth_user_id', type: 'varchar', length: '256', isNullable: true },
          { name: 'auth_cf1', type: 'text', isNullable: true },
          { name: 'auth_cf2', type: 'text', isNullable: true },
          { name: 'auth_cf3', type: 'text', isNullable: true },
          { name: 'lang', type: 'varchar', length: '16', isNullable: true },
          { name: 'policy_mode', type: 'varchar', length: '8' },
          { name: 'max_uses', type: 'integer', isNullable: true },
          { name: 'window_seconds', type: 'integer', isNullable: true },
          { name: 'consume_on', type: 'varchar', length: '8' },
          { name: 'use_count', type: 'integer', default: 0 },
          { name: 'use_keys', type: 'text', default: "''" },
          { name: 'first_used_at', type: 'bigint', isNullable: true },
          { name: 'window_ends_at', type: 'bigint', isNullable: true },
          { name: 'expires_at', type: 'bigint' },
          { name: 'revoked_at', type: 'bigint', isNullable: true },
          { name: 'expired_at', type: 'bigint', isNullable: true },
          { name: 'created_at', type: 'bigint' },
          { name: 'idempotency_key', type: 'varchar', length: '320', isNullable: true, isUnique: true },
          { name: 'request_fingerprint', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_faceauth_tokens_created', columnNames: ['created_at', 'id'] }),
          new TableIndex({ name: 'idx_faceauth_tokens_sid', columnNames: ['sid'] }),
          new TableIndex({ name: 'idx_faceauth_tokens_user', columnNames: ['auth_user_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropTable(t.tokens);
  }
}
