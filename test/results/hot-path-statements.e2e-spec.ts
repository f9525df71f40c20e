import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { postgresPoolOf } from '@faceauth/core';
import { FaceAuthResultEntity, ResultRepository } from '@faceauth/results';
import { WebhookInboxEntity, WebhookInboxRepository } from '@faceauth/webhook';
import { DatabaseConfig } from '@faceauth/service';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function record(authId: string, overrides: Partial<FaceAuthRecord> = {}): FaceAuthRecord {
  return {
    authId,
    status: 'pending',
    createdAt: T0,
    deleted: false,
    userId: 'user-1',
    cf1: 'first',
    tokenId: 'tok1234567890',
    scores: { faceSimilarity: 0.91, liveness: 0.8 },
    failCodes: [],
    rejectComments: [],
    ...overrides,
  };
}

/**
 * The hand-written statements that replaced TypeORM query builders on the webhook path (one upsert per
 * result, lease-guarded settles of inbox rows) keep the semantics of the statements they replaced.
 */
describe.each(databasesUnderTest())('hot-path statements on %s', (kind) => {
  let api: ApiHarness;
  let results: ResultRepository;
  let inbox: WebhookInboxRepository;

  beforeAll(async () => {
    api = await startApi(kind, { env: { WEBHOOK_PROCESSOR_ENABLED: 'false' } });
    results = api.app.get(ResultRepository);
    inbox = api.app.get(WebhookInboxRepository);
  });
  afterAll(() => api.close());

  /** The links API of `on`, called with the first instance's development key (kept in the shared database). */
  const linksOf = (on: ApiHarness) => {
    const fastify = on.app.getHttpAdapter().getInstance();
    const headers = { authorization: `Bearer ${api.devAdminKey ?? ''}` };
    return {
      mint: (payload: object) => fastify.inject({ method: 'POST', url: '/v1/links', headers, payload }),
      get: (id: string) => fastify.inject({ method: 'GET', url: `/v1/links/${id}`, headers }),
    };
  };

  it('inserts a result once, then a later record updates its fields but never its project or source', async () => {
    const id = `fa_upsert_${kind}`;
    const hint = { source: 'webhook', authUserId: 'user-1', cf1: 'first', tokenId: 'tok1234567890' } as const;
    await results.saveRecord(record(id), 'alpha', 'webhook', later(1), hint);
    await results.saveRecord(
      record(id, { status: 'approved', scores: { faceSimilarity: 97 }, failCodes: ['X1'] }),
      'beta',
      'reconcile',
      later(2),
    );
    const row = await results.findById(id);
    expect(row).toMatchObject({
      project: 'alpha',
      source: 'webhook',
      status: 'approved',
      authUserId: 'user-1',
      cf1: 'first',
      tokenId: 'tok1234567890',
      identitySource: 'webhook',
      scores: { faceSimilarity: 97 },
      failCodes: ['X1'],
      rejectComments: null,
      purgedAt: null,
      legalHold: false,
    });
    expect(row?.updatedAt.getTime()).toBe(later(2).getTime());
    expect(await api.app.get(DataSource).getRepository(FaceAuthResultEntity).countBy({ authId: id })).toBe(1);
  });

  it('never replaces a known value with an absent one (a record without person, scores or codes)', async () => {
    const id = `fa_keep_${kind}`;
    await results.saveRecord(
      record(id, { status: 'rejected', submissionId: 'sub_1', submitType: 'api', failCodes: ['x'] }),
      'alpha',
      'api',
      later(1),
      { source: 'submission', authUserId: 'user-7', cf2: 'c2' },
    );
    // What GET /faceauth answers after a DELETE at Argos: id, status and time only.
    await results.saveRecord(
      {
        authId: id,
        status: 'rejected',
        createdAt: T0,
        deleted: true,
        scores: {},
        failCodes: [],
        rejectComments: [],
      },
      'alpha',
      'refresh',
      later(2),
    );
    expect(await results.findById(id)).toMatchObject({
      submissionId: 'sub_1',
      submitType: 'api',
      authUserId: 'user-7',
      cf2: 'c2',
      identitySource: 'submission',
      scores: { faceSimilarity: 0.91, liveness: 0.8 },
      failCodes: ['x'],
    });
  });

  it('takes the identity of the strongest source: a link replaces a hint, a hint never replaces a link', async () => {
    const id = `fa_rank_${kind}`;
    await results.saveRecord(record(id), 'alpha', 'webhook', later(1), {
      source: 'webhook',
      authUserId: 'claimed',
      cf1: 'hint',
    });
    const fromLink = {
      source: 'link',
      authUserId: 'user-9',
      tokenId: 'tok_link_1',
      linkId: randomUUID(),
    } as const;
    await results.saveRecord(record(id), 'alpha', 'webhook', later(2), fromLink);
    await results.saveRecord(record(id), 'alpha', 'webhook', later(3), {
      source: 'webhook',
      authUserId: 'someone-else',
      cf3: 'late',
    });
    await results.saveRecord(record(id), 'alpha', 'api', later(4), {
      source: 'submission',
      authUserId: 'api-user',
    });
    expect(await results.findById(id)).toMatchObject({
      authUserId: 'user-9',
      cf1: null,
      cf3: null,
      tokenId: 'tok_link_1',
      linkId: fromLink.linkId,
      identitySource: 'link',
    });
  });

  it('leaves a purged result purged when a late record about it arrives', async () => {
    const id = `fa_purged_${kind}`;
    await results.saveRecord(record(id), 'alpha', 'webhook', later(1), {
      source: 'webhook',
      authUserId: 'u1',
    });
    await results.purge(id, later(2), true);
    await results.saveRecord(record(id, { status: 'approved' }), 'alpha', 'webhook', later(3), {
      source: 'link',
      authUserId: 'user-2',
      linkId: randomUUID(),
    });
    expect(await results.findById(id)).toMatchObject({
      status: 'pending',
      authUserId: null,
      cf1: null,
      linkId: null,
      identitySource: null,
      scores: null,
      purgedAt: later(2),
      updatedAt: later(2),
    });
  });

  async function claimedRow(): Promise<WebhookInboxEntity> {
    const id = randomUUID();
    await inbox.insert({
      id,
      dedupeKey: `dedupe-${id}`,
      trigger: 'faceAuth',
      authId: `fa_${id}`,
      tokenId: null,
      project: null,
      payload: '{}',
      source: 'webhook',
      status: 'pending',
      receivedAt: T0,
    });
    const claimed = (await inbox.claim(later(10), 60_000, 1_000)).find((r) => r.id === id);
    if (!claimed) throw new Error('row not claimed');
    return claimed;
  }

  it('completes a claimed row only while the lease is held, keeping a known project', async () => {
    const row = await claimedRow();
    const stale = Object.assign(new WebhookInboxEntity(), row, { lockedUntil: later(5) });
    expect(await inbox.complete(stale, later(20), 'alpha')).toBe(false);
    expect((await inbox.findById(row.id))?.status).toBe('processing');

    expect(await inbox.complete(row, later(20), 'alpha')).toBe(true);
    expect(await inbox.findById(row.id)).toMatchObject({
      status: 'done',
      project: 'alpha',
      processedAt: later(20),
      lockedUntil: null,
      lastError: null,
    });
    // Settled rows are not settled again.
    expect(await inbox.complete(row, later(21), null)).toBe(false);
  });

  it('schedules a retry or buries a failed row, with the error cut to 500 characters', async () => {
    const retried = await claimedRow();
    expect(await inbox.fail(retried, 'E'.repeat(800), later(30_000))).toBe(true);
    expect(await inbox.findById(retried.id)).toMatchObject({
      status: 'pending',
      nextAttemptAt: later(30_000),
      lockedUntil: null,
      lastError: 'E'.repeat(500),
    });

    const dead = await claimedRow();
    expect(await inbox.fail(dead, 'gave up', null)).toBe(true);
    expect(await inbox.findById(dead.id)).toMatchObject({
      status: 'dead',
      nextAttemptAt: dead.nextAttemptAt,
      lastError: 'gave up',
    });
  });

  it('writes every token column through the raw insert, as TypeORM reads it back', async () => {
    const created = await linksOf(api).mint({
      sid: 'sub_raw',
      authUserId: 'raw-user',
      authCf2: 'two',
      lang: 'en',
      expiresInSeconds: 600,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const rows = await api.app
      .get(DataSource)
      .query(
        kind === 'postgres'
          ? 'SELECT * FROM faceauth_tokens WHERE id = $1'
          : 'SELECT * FROM faceauth_tokens WHERE id = ?',
        [id],
      );
    expect(rows[0]).toMatchObject({
      sid: 'sub_raw',
      auth_user_id: 'raw-user',
      auth_cf1: null,
      auth_cf2: 'two',
      lang: 'en',
      use_keys: '',
      first_used_at: null,
      revoked_at: null,
      idempotency_key: null,
    });
    expect(Number(rows[0].use_count)).toBe(0);
    expect(Number(rows[0].expires_at) - Number(rows[0].created_at)).toBe(600_000);
  });

  if (kind === 'postgres')
    it('prepares the hot statements on PostgreSQL unless told not to (PgBouncer in transaction mode)', async () => {
      for (const prepared of [true, false]) {
        // One pooled connection, so that pg_prepared_statements (per session) shows what the service did.
        const single = await startApi(kind, {
          database: api.database,
          env: { WEBHOOK_PROCESSOR_ENABLED: 'false', CLEANUP_ENABLED: 'false', RECONCILE_ENABLED: 'false' },
          configure: (c) => ({
            ...c,
            database: { ...c.database, poolSize: 1, preparedStatements: prepared } as DatabaseConfig,
          }),
        });
        try {
          const links = linksOf(single);
          const minted = await links.mint({ sid: `sub_prepared_${String(prepared)}` });
          expect(minted.statusCode).toBe(201);
          const read = await links.get(minted.json().id);
          expect(read.json()).toMatchObject({ sid: `sub_prepared_${String(prepared)}` });
          const pool = postgresPoolOf(single.app.get(DataSource));
          const { rows } = await pool.query({
            text: "SELECT name FROM pg_prepared_statements WHERE name LIKE 'fa\\_%'",
            values: [],
          });
          expect(rows.length > 0).toBe(prepared);
        } finally {
          await single.close();
        }
      }
    });

  if (kind === 'postgres')
    it('keeps answering when a later migration adds columns under its prepared statements (rolling deploy)', async () => {
      const links = linksOf(api);
      const minted = await links.mint({ sid: 'sub_rolling' });
      const get = () => links.get(minted.json().id);
      // Prepare the look-up on every pooled connection, then change the table under it.
      await Promise.all(Array.from({ length: 30 }, get));
      const dataSource = api.app.get(DataSource);
      await dataSource.query('ALTER TABLE faceauth_tokens ADD COLUMN added_by_a_later_version text');
      try {
        const answers = await Promise.all(Array.from({ length: 30 }, get));
        expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
      } finally {
        await dataSource.query('ALTER TABLE faceauth_tokens DROP COLUMN added_by_a_later_version');
      }
    });
});
