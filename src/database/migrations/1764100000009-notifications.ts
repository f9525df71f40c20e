import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/**
 * Signed outbound webhooks: the endpoints that receive them and the transactional outbox (one row per event
 * and endpoint). Instants are epoch milliseconds (bigint), as everywhere else.
 */
export class Notifications1764100000009 implements MigrationInterface {
  name = 'Notifications1764100000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: t.notification_endpoints,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'url', type: 'varchar', length: '2048' },
          { name: 'description', type: 'varchar', length: '200', isNullable: true },
          { name: 'event_types', type: 'text', isNullable: true },
          { name: 'enabled', type: 'boolean' },
          { name: 'secret', type: 'varchar', length: '128' },
          { name: 'previous_secret', type: 'varchar', length: '128', isNullable: true },
          { name: 'previous_secret_expires_at', type: 'bigint', isNullable: true },
          { name: 'consecutive_failures', type: 'integer', default: 0 },
          { name: 'disabled_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_at', type: 'bigint' },
          { name: 'updated_at', type: 'bigint' },
        ],
        indices: [
          new TableIndex({ name: 'idx_notification_endpoints_created', columnNames: ['created_at', 'id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: t.notification_outbox,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'endpoint_id', type: 'varchar', length: '36' },
          { name: 'event_id', type: 'varchar', length: '64' },
          { name: 'event_type', type: 'varchar', length: '64' },
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: 'bigint' },
          { name: 'locked_until', type: 'bigint', isNullable: true },
          { name: 'last_status_code', type: 'integer', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '200', isNullable: true },
          { name: 'response_excerpt', type: 'varchar', length: '256', isNullable: true },
          { name: 'created_at', type: 'bigint' },
          { name: 'delivered_at', type: 'bigint', isNullable: true },
        ],
        indices: [
          // The dispatcher's claim: due pending rows, and delivering rows whose lease ran out.
          new TableIndex({ name: 'idx_notification_outbox_due', columnNames: ['status', 'next_attempt_at'] }),
          // An endpoint's deliveries, newest first (keyset on created_at, id).
          new TableIndex({
            name: 'idx_notification_outbox_endpoint',
            columnNames: ['endpoint_id', 'created_at', 'id'],
          }),
          // One delivery per event and endpoint: a producer that repeats an event (its cause retried after a
          // crash) writes nothing new.
          new TableIndex({
            name: 'idx_notification_outbox_event',
            columnNames: ['endpoint_id', 'event_id'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await faceAuthTables(queryRunner);
    await queryRunner.dropTable(t.notification_outbox);
    await queryRunner.dropTable(t.notification_endpoints);
  }
}
