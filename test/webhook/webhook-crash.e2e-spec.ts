import { Client } from 'pg';
import Database from 'better-sqlite3';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { eventually } from '../support/sandbox-journey';
import { startServiceProcess } from '../support/service-process';
import { deliver, shuffledDeliveries } from '../support/webhook-load';

const DISTINCT = 2_000;

async function query(database: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  if (database.config.type === 'sqlite') {
    const db = new Database(database.config.path, { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: database.config.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Issue 7, acceptance 3: the service is killed with SIGKILL in the middle of a load. After a restart, every
 * webhook it acknowledged with 2xx is stored and processed exactly once; redelivery recovers the rest.
 */
describe.each(databasesUnderTest())('webhooks across a SIGKILL on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it('loses no acknowledged webhook and repeats no effect', async () => {
    const env: Record<string, string> = {
      ...(database.config.type === 'sqlite'
        ? { SQLITE_PATH: database.config.path }
        : { DATABASE_URL: database.config.url }),
      WEBHOOK_VERIFY_BY_FETCH: 'false',
      RECONCILE_ENABLED: 'false',
      WEBHOOK_LEASE_MS: '500',
      INTERNAL_API_KEYS: 'ops|admin|crash-test-admin-secret-0000000001',
    };
    let service = await startServiceProcess(env);
    const linkRes = await fetch(`${service.url}/v1/links`, {
      method: 'POST',
      headers: { 'x-api-key': 'crash-test-admin-secret-0000000001', 'content-type': 'application/json' },
      body: JSON.stringify({ sid: 'sub_load', policy: { mode: 'time', windowSeconds: 86400 } }),
    });
    const link = (await linkRes.json()) as { token: string };
    const payloads = shuffledDeliveries(`crash-${kind}`, DISTINCT, 3, [link.token]);

    let acknowledged = 0;
    const load = deliver(`${service.url}/webhooks/argos`, payloads, 20);
    await eventually(async () => {
      const rows = await query(database, `SELECT COUNT(*) AS n FROM faceauth_webhook_inbox`);
      acknowledged = Number(rows[0].n);
      return acknowledged > DISTINCT / 3;
    }, 60_000);
    await service.kill('SIGKILL');
    const first = await load;
    expect(first.errors).toBeGreaterThan(0); // the kill really happened mid-load

    service = await startServiceProcess(env);
    try {
      const ackedIds = [...first.acknowledged];
      await eventually(async () => {
        const rows = await query(
          database,
          `SELECT COUNT(*) AS n FROM faceauth_webhook_inbox WHERE status <> 'done'`,
        );
        return Number(rows[0].n) === 0;
      }, 60_000);
      const stored = new Set(
        (await query(database, 'SELECT auth_id FROM faceauth_results')).map((r) => String(r.auth_id)),
      );
      expect(ackedIds.filter((id) => !stored.has(id))).toEqual([]);

      const second = await deliver(`${service.url}/webhooks/argos`, payloads, 20);
      expect(second.errors).toBe(0);
      await eventually(async () => {
        const rows = await query(
          database,
          `SELECT COUNT(*) AS n FROM faceauth_webhook_inbox WHERE status = 'done'`,
        );
        return Number(rows[0].n) === DISTINCT;
      }, 60_000);
      expect(Number((await query(database, 'SELECT COUNT(*) AS n FROM faceauth_results'))[0].n)).toBe(
        DISTINCT,
      );
      expect(Number((await query(database, 'SELECT COUNT(*) AS n FROM faceauth_webhook_inbox'))[0].n)).toBe(
        DISTINCT,
      );
      expect(Number((await query(database, 'SELECT use_count AS n FROM faceauth_tokens'))[0].n)).toBe(
        DISTINCT,
      );
    } finally {
      await service.kill('SIGTERM');
    }
  }, 300_000);
});
