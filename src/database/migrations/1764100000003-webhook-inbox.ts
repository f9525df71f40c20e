import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/** The webhook inbox: one row per distinct notification, processed asynchronously. */
export class WebhookInbox1764100000003 implements MigrationInterface {
  name = 'WebhookInbox1764100000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: t.webhook_inbox,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'dedupe_key', type: 'varchar', length: '200', isUnique: true },
          { name: 'trigger', type: 'varchar', length: '32' },
          { name: 'auth_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'token_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'project', type: 'varchar', length: '64', isNullable: true },
          { name: 'payload', type: 'text' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: 'bigint' },
          { name: 'locked_until', type: 'bigint', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'received_at', type: 'bigint' },
          { name: 'processed_at', type: 'bigint', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_webhook_inbox_due', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'idx_webhook_inbox_received', columnNames: ['received_at', 'id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropTable(t.webhook_inbox);
  }
}
