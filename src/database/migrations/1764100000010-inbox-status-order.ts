import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/**
 * The inbox listing filtered by status (`GET /v1/webhooks/inbox?status=dead`) walks this index in its page
 * order (received_at desc, id desc) and stops at its limit, instead of sorting every row of the status for
 * each page (idx_webhook_inbox_due gives no received_at order). test/persistence/hot-statement-indexes holds it.
 */
export class InboxStatusOrder1764100000010 implements MigrationInterface {
  name = 'InboxStatusOrder1764100000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.createIndex(
      t.webhook_inbox,
      new TableIndex({
        name: 'idx_webhook_inbox_status_received',
        columnNames: ['status', 'received_at', 'id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropIndex(t.webhook_inbox, 'idx_webhook_inbox_status_received');
  }
}
