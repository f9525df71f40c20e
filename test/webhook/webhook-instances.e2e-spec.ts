import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { FACEAUTH_RESULT_EVENT, FaceAuthResultEvent } from '@faceauth/webhook';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/sandbox-journey';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { shuffledDeliveries } from '../support/webhook-load';

const DISTINCT = 2_000;

/**
 * Issue 7, acceptance 4: two service instances on one database, both processing the inbox, never process the
 * same row twice (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer at a time across processes).
 */
describe.each(databasesUnderTest())('two instances processing one inbox on %s', (kind) => {
  let database: TestDatabase;
  const instances: ApiHarness[] = [];
  const handledBy: Map<string, number>[] = [new Map(), new Map()];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    for (let i = 0; i < 2; i++) {
      const api = await startApi(kind, {
        database,
        env: { WEBHOOK_VERIFY_BY_FETCH: 'false', RECONCILE_ENABLED: 'false', LOG_LEVEL: 'warn' },
        configure: (c) => ({ ...c, database: { ...database.config, migrationsRun: i === 0 } }),
      });
      api.app.get(EventEmitter2).on(FACEAUTH_RESULT_EVENT, (e: FaceAuthResultEvent) => {
        handledBy[i].set(e.record.authId, (handledBy[i].get(e.record.authId) ?? 0) + 1);
      });
      instances.push(api);
    }
  });
  afterAll(async () => {
    for (const api of instances) await api.close();
    await database.drop();
  });

  it('splits the rows between the instances, each row processed exactly once', async () => {
    const payloads = shuffledDeliveries(`pair-${kind}`, DISTINCT, 2, ['NoSuchToken0000000000001']);
    let i = 0;
    for (const batch of chunks(payloads, 100)) {
      await Promise.all(
        batch.map((payload) =>
          instances[i++ % 2].app.inject({ method: 'POST', url: '/webhooks/argos', payload }),
        ),
      );
    }
    const data = instances[0].app.get(DataSource);
    await eventually(async () => {
      const [{ n }] = await data.query(
        `SELECT COUNT(*) AS n FROM faceauth_webhook_inbox WHERE status = 'done'`,
      );
      return Number(n) === DISTINCT;
    }, 120_000);
    const both = [...handledBy[0].keys()].filter((id) => handledBy[1].has(id));
    expect(both).toEqual([]);
    expect(handledBy[0].size + handledBy[1].size).toBe(DISTINCT);
    expect([...handledBy[0].values(), ...handledBy[1].values()].every((n) => n === 1)).toBe(true);
    expect(handledBy[0].size).toBeGreaterThan(0);
    expect(handledBy[1].size).toBeGreaterThan(0);
    expect(Number((await data.query('SELECT MAX(attempts) AS n FROM faceauth_webhook_inbox'))[0].n)).toBe(1);
  }, 300_000);
});

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
