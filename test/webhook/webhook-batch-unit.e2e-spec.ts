import { EventEmitter2 } from '@nestjs/event-emitter';
import type Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { AtomicWork, RawSql, sqliteConnectionOf } from '@faceauth/core';
import {
  FACEAUTH_RESULT_EVENT,
  FaceAuthResultEvent,
  WebhookInboxRepository,
  WebhookProcessor,
} from '@faceauth/webhook';
import { ApiHarness, startApi } from '../support/api-harness';
import { ScriptedHttpServer } from '../support/scripted-http.server';
import { databasesUnderTest } from '../support/test-databases';

const ADMIN = 'webhook-batch-admin-secret-000000001';
const SID = 'sub_batch';
/** How long the scripted Argos takes to answer a verification fetch: the prepare phase takes a while. */
const ARGOS_DELAY_MS = 15;

/** One atomic unit (`RawSql.atomic`) as observed: the texts of its statements and how it ended. */
interface ObservedUnit {
  id: number;
  texts: string[];
  outcome: 'running' | 'committed' | 'rolled back';
}

/** A row written while the SQLite probe was installed (see `installSqliteProbe`), or a unit's bounds. */
interface Mark {
  kind: 'intake' | 'result' | 'done' | 'begin' | 'commit' | 'drain' | 'event';
  id: string;
  /** Whether a transaction was open on the connection (between a BEGIN and its COMMIT). */
  inTransaction: boolean;
  /** The atomic unit running then (0: none). */
  unit: number;
}

/** What Argos answers for GET /faceauth?authId=. */
function argosRecord(authId: string) {
  return [
    {
      faceAuth_projectId: 'pid-batch',
      data: [
        {
          auth_id: authId,
          auth_status: 'approved',
          create_time: '2026-11-20T10:00:00.000Z',
          submit_type: 'form',
          kyc_submission_id: SID,
          result: { face_similarity: 0.91 },
        },
      ],
    },
  ];
}

/** A faceAuth webhook (the v3 shape), with the link's token id when given. */
const webhook = (authId: string, tokenId?: string) => ({
  webhook_trigger: 'faceAuth',
  data: {
    Submission_id: SID,
    Auth_Status: 'approved',
    Create_Time: '2026-11-20',
    Auth_User_id: 'u1',
    reference: {},
    Authentication_id: authId,
    ...(tokenId ? { Token_id: tokenId } : {}),
  },
});

/**
 * Issue on performance, item 3: the processor writes a claimed batch in one transaction. Proven by watching
 * every atomic unit (RawSql.atomic is wrapped), by PostgreSQL's `xmin` (the id of the transaction that wrote
 * a row version) and, on SQLite, by triggers calling a probe that records, for every row written, whether a
 * transaction was open on the connection and which unit was running.
 */
describe.each(databasesUnderTest())('webhook batches in one unit on %s', (kind) => {
  const argos = new ScriptedHttpServer();
  let api: ApiHarness;
  let dataSource: DataSource;
  let sql: RawSql;
  const events: FaceAuthResultEvent[] = [];
  const units: ObservedUnit[] = [];
  const marks: Mark[] = [];
  let running = 0;
  const atomic = RawSql.prototype.atomic;

  const post = (payload: unknown) =>
    api.app.inject({ method: 'POST', url: '/webhooks/argos', payload: payload as object });
  const drain = () => api.app.get(WebhookProcessor).drain();
  /**
   * A drain in which a failed row's retry falls at the top of its full-jitter window (one second): with the
   * real draw it may be due again a few milliseconds later and be claimed twice by the same drain, which is
   * allowed but not what these tests count.
   */
  const drainWithLateRetries = async () => {
    const draw = jest.spyOn(Math, 'random').mockReturnValue(0.999);
    try {
      return await drain();
    } finally {
      draw.mockRestore();
    }
  };
  const inboxRow = async (authId: string) =>
    (
      await sql.rows(`SELECT status, attempts, last_error FROM faceauth_webhook_inbox WHERE auth_id = $1`, [
        authId,
      ])
    )[0] as { status: string; attempts: number | string; last_error: string | null };
  const resultCount = async (prefix: string) =>
    Number(
      (await sql.rows(`SELECT COUNT(*) AS n FROM faceauth_results WHERE auth_id LIKE $1`, [`${prefix}%`]))[0]
        .n,
    );
  const mintLink = async () =>
    (
      await api.app.inject({
        method: 'POST',
        url: '/v1/links',
        headers: { 'x-api-key': ADMIN },
        payload: { sid: SID, policy: { mode: 'count', maxUses: 5 } },
      })
    ).json() as { id: string; token: string };
  const link = async (id: string) =>
    (
      await api.app.inject({ method: 'GET', url: `/v1/links/${id}`, headers: { 'x-api-key': ADMIN } })
    ).json() as { useCount: number; outcome: { status: string; authId: string | null } };
  /** The processor's units (the only ones writing results or the inbox), not, say, a sweeper's. */
  const processorUnits = () =>
    units.filter((u) => u.texts.some((t) => /faceauth_results|faceauth_webhook_inbox/.test(t)));
  /** Auth ids whose next result event the host's listener refuses (throws), once. */
  const refuseEventOf = new Set<string>();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    const base = await argos.start();
    argos.answer((req, res) => {
      const authId = new URL(req.url, 'http://x').searchParams.get('authId') ?? '';
      setTimeout(
        () =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(argosRecord(authId))),
        ARGOS_DELAY_MS,
      );
    });
    api = await startApi(kind, {
      env: {
        FACEAUTH_PID: 'pid-batch',
        FACEAUTH_API_KEY: 'webhook-batch-add-on-key-0001',
        ARGOS_API_BASE_URL: `${base}/v3`,
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        WEBHOOK_VERIFICATION_RATE_PER_SECOND: '10000',
        RECONCILE_ENABLED: 'false',
        INTERNAL_API_KEYS: `ops|admin|${ADMIN}`,
      },
    });
    dataSource = api.app.get(DataSource);
    sql = new RawSql(dataSource);
    api.app.get(EventEmitter2).on(FACEAUTH_RESULT_EVENT, (e: FaceAuthResultEvent) => {
      events.push(e);
      marks.push({ kind: 'event', id: e.record.authId, inTransaction: false, unit: running });
      if (refuseEventOf.has(e.record.authId)) {
        refuseEventOf.delete(e.record.authId);
        throw new Error('a host listener failed');
      }
    });

    // Every atomic unit of the process, observed: its statements, how it ended, and (on SQLite, where a unit
    // runs synchronously between BEGIN and COMMIT) its bounds in the probe's marks.
    RawSql.prototype.atomic = function observed<T>(this: RawSql, work: AtomicWork<T>): Promise<T> {
      const unit: ObservedUnit = { id: units.length + 1, texts: [], outcome: 'running' };
      units.push(unit);
      const sqlite = this.kind === 'sqlite';
      const connection = sqlite ? sqliteConnectionOf(this.dataSource) : null;
      const bound = (kind: 'begin' | 'commit') =>
        marks.push({
          kind,
          id: String(unit.id),
          inTransaction: connection?.inTransaction ?? true,
          unit: unit.id,
        });
      const done = atomic.call(this, function* () {
        if (sqlite) running = unit.id;
        bound('begin');
        try {
          const steps = work();
          let step = steps.next();
          while (!step.done) {
            unit.texts.push(step.value.text);
            step = steps.next(yield step.value);
          }
          bound('commit');
          return step.value;
        } finally {
          if (sqlite) running = 0;
        }
      }) as Promise<T>;
      return done.then(
        (value) => {
          unit.outcome = 'committed';
          return value;
        },
        (error: unknown) => {
          unit.outcome = 'rolled back';
          throw error;
        },
      );
    };

    if (kind === 'sqlite') {
      const db = sqliteConnectionOf(dataSource) as unknown as Database.Database;
      db.function('fa_probe', { deterministic: false }, (what: unknown, id: unknown) => {
        marks.push({
          kind: what as Mark['kind'],
          id: String(id),
          inTransaction: db.inTransaction,
          unit: running,
        });
        return 0;
      });
      db.exec(`
CREATE TRIGGER fa_probe_intake AFTER INSERT ON faceauth_webhook_inbox BEGIN SELECT fa_probe('intake', NEW.auth_id); END;
CREATE TRIGGER fa_probe_done AFTER UPDATE OF status ON faceauth_webhook_inbox WHEN NEW.status = 'done'
  BEGIN SELECT fa_probe('done', NEW.auth_id); END;
CREATE TRIGGER fa_probe_result AFTER INSERT ON faceauth_results BEGIN SELECT fa_probe('result', NEW.auth_id); END;
CREATE TRIGGER fa_probe_result_update AFTER UPDATE ON faceauth_results
  BEGIN SELECT fa_probe('result', NEW.auth_id); END;`);
    }
  });
  afterAll(async () => {
    RawSql.prototype.atomic = atomic;
    await api.close();
    await argos.stop();
  });
  beforeEach(() => {
    units.length = 0;
    marks.length = 0;
  });

  it('(a) commits the writes of a batch of webhooks in one transaction, then marks the batch done in one', async () => {
    const N = 12;
    const { id: linkId, token } = await mintLink();
    const ids = Array.from({ length: N }, (_, i) => `batch-a-${kind}-${String(i).padStart(2, '0')}`);
    for (const [i, authId] of ids.entries()) {
      expect((await post(webhook(authId, i === 3 ? token : undefined))).statusCode).toBe(200);
    }
    units.length = 0;
    marks.length = 0;

    expect(await drain()).toBe(N);

    // One atomic unit carried every row's writes (N result upserts, the ledger's statements of the row with a
    // token); once the host was told, a second one marked the N rows done.
    expect(processorUnits()).toHaveLength(2);
    const [unit, doneUnit] = processorUnits();
    expect([unit.outcome, doneUnit.outcome]).toEqual(['committed', 'committed']);
    expect(unit.texts.filter((t) => /INSERT INTO\s+"?faceauth_results/.test(t))).toHaveLength(N);
    expect(unit.texts.some((t) => /SET status = 'done'/.test(t))).toBe(false);
    expect(unit.texts.some((t) => /faceauth_tokens/.test(t))).toBe(true);
    expect(doneUnit.texts.filter((t) => /SET status = 'done'/.test(t))).toHaveLength(N);
    expect(doneUnit.texts).toHaveLength(N);
    expect(await resultCount(`batch-a-${kind}-`)).toBe(N);
    for (const authId of ids) expect((await inboxRow(authId)).status).toBe('done');
    expect((await link(linkId)).useCount).toBe(1);
    expect(events.filter((e) => e.record.authId.startsWith(`batch-a-${kind}-`))).toHaveLength(N);

    if (kind === 'postgres') {
      // The id of the transaction that wrote each row version: one for every result and every inbox row.
      const xids = async (table: string) =>
        sql.rows(`SELECT DISTINCT xmin::text AS x FROM ${table} WHERE auth_id LIKE $1`, [
          `batch-a-${kind}-%`,
        ]);
      expect(await xids('faceauth_results')).toHaveLength(1);
      expect(await xids('faceauth_webhook_inbox')).toHaveLength(1);
    } else {
      // Every result, then every completion, was written inside a transaction, by its unit, between its bounds.
      for (const [u, kindOfWrite] of [
        [unit, 'result'],
        [doneUnit, 'done'],
      ] as const) {
        const written = marks.filter((m) => m.kind === kindOfWrite);
        expect(written).toHaveLength(N);
        expect(written.every((m) => m.inTransaction && m.unit === u.id)).toBe(true);
        const begin = marks.findIndex((m) => m.kind === 'begin' && m.unit === u.id);
        const commit = marks.findIndex((m) => m.kind === 'commit' && m.unit === u.id);
        expect(marks.slice(begin + 1, commit)).toEqual(written);
      }
    }
    // The host heard of every row after its writes committed and before any was marked done: a crash in
    // between leaves the rows to be processed again, and the events repeated (at least once).
    const told = marks.filter((m) => m.kind === 'event').map((m) => marks.indexOf(m));
    expect(told).toHaveLength(N);
    const writesCommitted = marks.findIndex((m) => m.kind === 'commit' && m.unit === unit.id);
    const doneBegins = marks.findIndex((m) => m.kind === 'begin' && m.unit === doneUnit.id);
    if (kind === 'sqlite') expect(Math.min(...told)).toBeGreaterThan(writesCommitted);
    if (kind === 'sqlite') expect(Math.max(...told)).toBeLessThan(doneBegins);
  });

  if (kind === 'sqlite') {
    it('(b) lets no intake request land inside a batch transaction, however they interleave', async () => {
      const first = Array.from({ length: 20 }, (_, i) => `batch-b-${i}`);
      for (const authId of first) expect((await post(webhook(authId))).statusCode).toBe(200);
      marks.length = 0;
      units.length = 0;

      // Intake requests arrive all along the drain: during the verification fetches of a batch, around its
      // unit, and while the rows they add are processed in later batches.
      const late = Array.from({ length: 40 }, (_, i) => `batch-b-late-${i}`);
      marks.push({ kind: 'drain', id: 'start', inTransaction: false, unit: 0 });
      const draining = drain();
      const intake = (async () => {
        for (const authId of late) {
          await sleep(15);
          expect((await post(webhook(authId))).statusCode).toBe(200);
        }
      })();
      await intake;
      let settled = await draining;
      settled += await drain(); // rows that arrived after the drain's last claim
      expect(settled).toBe(first.length + late.length);

      const processed = processorUnits();
      expect(processed.every((u) => u.outcome === 'committed')).toBe(true);
      expect(processed.length).toBeGreaterThanOrEqual(2); // several batches, intake in between
      // The intake really interleaved with the processing: intake rows were written after the drain began
      // and before its last unit did (the rows of that unit arrived while earlier ones were processed).
      const drainStart = marks.findIndex((m) => m.kind === 'drain');
      const lastBegin = marks.findIndex(
        (m) => m.kind === 'begin' && m.unit === processed[processed.length - 1].id,
      );
      expect(marks.slice(drainStart, lastBegin).some((m) => m.kind === 'intake')).toBe(true);

      // No intake INSERT ran with a transaction open, nor between a unit's BEGIN and its COMMIT.
      const intakes = marks.filter((m) => m.kind === 'intake');
      expect(intakes).toHaveLength(late.length);
      expect(intakes.every((m) => !m.inTransaction && m.unit === 0)).toBe(true);
      for (const u of processed) {
        const begin = marks.findIndex((m) => m.kind === 'begin' && m.unit === u.id);
        const commit = marks.findIndex((m) => m.kind === 'commit' && m.unit === u.id);
        expect(begin).toBeGreaterThanOrEqual(0);
        expect(commit).toBeGreaterThan(begin);
        const inside = marks.slice(begin + 1, commit);
        expect(inside.every((m) => (m.kind === 'result' || m.kind === 'done') && m.unit === u.id)).toBe(true);
        expect(inside.every((m) => m.inTransaction)).toBe(true);
      }
      for (const authId of [...first, ...late]) expect((await inboxRow(authId)).status).toBe('done');
      expect(await resultCount('batch-b-')).toBe(first.length + late.length);
    });

    it('(b) the probe does catch an intake INSERT inside an open transaction (control)', async () => {
      // An awaited transaction on the shared connection, as an atomic unit must never be: an intake request
      // that arrives meanwhile is written inside it, and the probe says so.
      const runner = dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        expect((await post(webhook('batch-b-control'))).statusCode).toBe(200);
      } finally {
        await runner.commitTransaction();
        await runner.release();
      }
      const [intake] = marks.filter((m) => m.kind === 'intake');
      expect(intake).toMatchObject({ id: 'batch-b-control', inTransaction: true });
      await drain();
    });
  }

  it('(c) a row whose write fails rolls the batch back and fails alone; the others complete once', async () => {
    const bad = `batch-c-${kind}-bad`;
    const { id: linkId, token } = await mintLink();
    const good = Array.from({ length: 5 }, (_, i) => `batch-c-${kind}-good-${i}`);
    if (kind === 'postgres') {
      await dataSource.query(`
CREATE FUNCTION fa_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.auth_id = '${bad}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
  RETURN NEW;
END $$`);
      await dataSource.query(
        'CREATE TRIGGER fa_refuse BEFORE INSERT ON faceauth_results FOR EACH ROW EXECUTE FUNCTION fa_refuse()',
      );
    } else {
      await dataSource.query(`
CREATE TRIGGER fa_refuse BEFORE INSERT ON faceauth_results WHEN NEW.auth_id = '${bad}'
BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    }
    // The bad row in the middle of the batch, after the row that records a use of the link.
    const batch = [good[0], good[1], bad, good[2], good[3], good[4]];
    for (const authId of batch) {
      expect((await post(webhook(authId, authId === good[1] ? token : undefined))).statusCode).toBe(200);
    }
    units.length = 0;
    events.length = 0;

    expect(await drainWithLateRetries()).toBe(batch.length);

    // The batch's unit rolled back; then each row was written in its own unit, the bad one failing alone, and
    // the good ones were marked done together.
    const processed = processorUnits();
    expect(processed).toHaveLength(1 + batch.length + 1);
    expect(processed[0].outcome).toBe('rolled back');
    expect(processed[0].texts.some((t) => /faceauth_tokens/.test(t))).toBe(true);
    expect(processed[processed.length - 1].texts.filter((t) => /SET status = 'done'/.test(t))).toHaveLength(
      good.length,
    );
    const alone = processed.slice(1, 1 + batch.length).map((u) => u.outcome);
    expect(alone.filter((o) => o === 'committed')).toHaveLength(good.length);
    expect(alone.filter((o) => o === 'rolled back')).toHaveLength(1);
    for (const authId of good) expect((await inboxRow(authId)).status).toBe('done');
    const failed = await inboxRow(bad);
    expect(failed.status).toBe('pending'); // retried later, with today's backoff
    expect(Number(failed.attempts)).toBe(1);
    expect(failed.last_error).toContain('refused by the test');
    expect(await resultCount(`batch-c-${kind}-`)).toBe(good.length);
    // Exactly once: the rolled-back batch recorded no use and told the host nothing.
    expect((await link(linkId)).useCount).toBe(1);
    expect((await link(linkId)).outcome).toMatchObject({ status: 'approved', authId: good[1] });
    expect(events.map((e) => e.record.authId).sort()).toEqual([...good].sort());

    // Once the fault is gone, the row's retry completes it.
    await dataSource.query(
      kind === 'postgres' ? 'DROP TRIGGER fa_refuse ON faceauth_results' : 'DROP TRIGGER fa_refuse',
    );
    const [{ id }] = await sql.rows('SELECT id FROM faceauth_webhook_inbox WHERE auth_id = $1', [bad]);
    expect(await api.app.get(WebhookInboxRepository).replay(String(id), new Date())).toBe(true);
    expect(await drain()).toBe(1);
    expect((await inboxRow(bad)).status).toBe('done');
    expect(await resultCount(`batch-c-${kind}-`)).toBe(batch.length);
  });

  it('(d) a host listener that throws fails its row alone: retried, the event delivered again, no use recorded twice', async () => {
    const { id: linkId, token } = await mintLink();
    const ids = Array.from({ length: 4 }, (_, i) => `batch-d-${kind}-${i}`);
    for (const [i, authId] of ids.entries()) {
      expect((await post(webhook(authId, i === 2 ? token : undefined))).statusCode).toBe(200);
    }
    refuseEventOf.add(ids[2]);
    events.length = 0;

    expect(await drainWithLateRetries()).toBe(ids.length);
    const refused = await inboxRow(ids[2]);
    expect(refused.status).toBe('pending');
    expect(refused.last_error).toContain('a host listener failed');
    for (const authId of [ids[0], ids[1], ids[3]]) expect((await inboxRow(authId)).status).toBe('done');

    await sql.rows(`UPDATE faceauth_webhook_inbox SET next_attempt_at = 0 WHERE auth_id = $1`, [ids[2]]);
    expect(await drain()).toBe(1);
    expect((await inboxRow(ids[2])).status).toBe('done');
    expect(events.filter((e) => e.record.authId === ids[2])).toHaveLength(2);
    expect((await link(linkId)).useCount).toBe(1);
  });
});
