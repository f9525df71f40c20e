import { MigrationInterface, QueryRunner } from 'typeorm';
import { faceAuthTables } from './table-names.migration-helper';

/**
 * Table names carry the configured prefix (default `faceauth_`). Migrations since then create every table
 * under its prefixed name; a database an earlier release migrated all the way has its tables renamed here
 * (`webhook_inbox` → `faceauth_webhook_inbox`, …, see `faceAuthTables`). Data, indexes and constraints
 * move with the table. Index names are not prefixed.
 */
export class TablePrefix1764100000011 implements MigrationInterface {
  name = 'TablePrefix1764100000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await faceAuthTables(queryRunner);
  }

  /** The tables keep their names: the migrations before this one read them from the same configuration. */
  async down(): Promise<void> {}
}
