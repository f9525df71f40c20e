import { DataSource } from 'typeorm';
import { sqliteConnectionOf } from '@faceauth/core';
import { compileForSqlite } from '../../libs/core/src/persistence/positional-sql';
import { notificationStatements } from '../../libs/notifications/src/persistence/notifications.sql';
import { statementTexts } from '../persistence/raw-statements.registry';
import { columnProblems, tableColumnsOf } from '../persistence/sql-columns';
import { databasesUnderTest } from '../support/test-databases';
import { startNotifications, NotificationsHarness } from './notifications-harness';

/**
 * What test/persistence/raw-statement-columns checks for every registered set, on a DataSource holding the
 * notification entities and migration (the service's DataSource does once faceauth-schema registers them).
 */
async function refusal(dataSource: DataSource, text: string, index: number): Promise<string | null> {
  try {
    if (dataSource.options.type === 'better-sqlite3') {
      sqliteConnectionOf(dataSource).prepare(compileForSqlite(text).sql);
      return null;
    }
    await dataSource.query(`PREPARE fa_notification_check_${index} AS ${text}`);
    await dataSource.query(`DEALLOCATE fa_notification_check_${index}`);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe.each(databasesUnderTest())('the notification statements on %s', (kind) => {
  let h: NotificationsHarness;
  beforeAll(async () => {
    h = await startNotifications(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it('name only entity columns and prepare on the migrated schema', async () => {
    const tables = tableColumnsOf(h.dataSource);
    const problems: string[] = [];
    for (const [i, [name, text]] of statementTexts(notificationStatements(h.dataSource)).entries()) {
      for (const problem of columnProblems(text, tables)) problems.push(`${name}: ${problem}`);
      const refused = await refusal(h.dataSource, text, i);
      if (refused) problems.push(`${name}: ${refused}`);
    }
    expect(problems).toEqual([]);
  });

  it('the migration goes down and up again', async () => {
    const hasOutbox = async (): Promise<boolean> => {
      const runner = h.dataSource.createQueryRunner();
      try {
        return await runner.hasTable('faceauth_notification_outbox');
      } finally {
        await runner.release();
      }
    };
    await h.dataSource.undoLastMigration();
    expect(await hasOutbox()).toBe(false);
    await h.dataSource.runMigrations();
    expect(await hasOutbox()).toBe(true);
  });
});
