import { EntityTarget, ObjectLiteral } from 'typeorm';
import { entityRows, RawInsert, RawSql } from '@faceauth/core';
import { FaceAuthResultEntity } from '@faceauth/results';
import { FaceAuthTokenEntity } from '@faceauth/token-policy';
import { WebhookInboxEntity } from '@faceauth/webhook';
import { databasesUnderTest } from '../support/test-databases';
import { useTestDataSource } from '../support/test-data-source';

const T0 = Date.UTC(2026, 2, 1, 10, 0, 0, 123);
const at = (ms: number) => new Date(T0 + ms);

const token = (id: string, fields: Partial<FaceAuthTokenEntity> = {}): FaceAuthTokenEntity =>
  Object.assign(new FaceAuthTokenEntity(), {
    id,
    token: `tok_${id}`,
    project: 'alpha',
    sid: 'sub_1',
    authUserId: null,
    authCf1: 'one',
    authCf2: null,
    authCf3: null,
    lang: 'ko',
    policyMode: 'count',
    maxUses: 3,
    windowSeconds: null,
    consumeOn: 'result',
    useCount: 0,
    useKeys: '',
    firstUsedAt: null,
    windowEndsAt: null,
    expiresAt: at(60_000),
    revokedAt: null,
    expiredAt: null,
    createdAt: at(0),
    idempotencyKey: null,
    requestFingerprint: null,
    tokenInUrl: true,
    clientReference: null,
    metadata: null,
    outcomeStatus: 'pending',
    outcomeAuthId: null,
    outcomeDecidedAt: null,
    outcomeReason: null,
    ...fields,
  });

const inboxRow = (id: string, fields: Partial<WebhookInboxEntity> = {}): WebhookInboxEntity =>
  Object.assign(new WebhookInboxEntity(), {
    id,
    dedupeKey: `faceAuth:${id}`,
    trigger: 'faceAuth',
    authId: `fa_${id}`,
    tokenId: null,
    project: null,
    payload: '{"a":1}',
    source: 'webhook',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at(5),
    lockedUntil: null,
    lastError: null,
    receivedAt: at(5),
    processedAt: null,
    ...fields,
  });

const result = (authId: string, fields: Partial<FaceAuthResultEntity> = {}): FaceAuthResultEntity =>
  Object.assign(new FaceAuthResultEntity(), {
    authId,
    project: 'alpha',
    status: 'approved',
    submissionId: 'sub_9',
    authUserId: 'user-1',
    cf1: null,
    cf2: 'two',
    cf3: null,
    tokenId: null,
    linkId: null,
    identitySource: 'webhook',
    policyViolation: null,
    submitType: null,
    scores: { faceSimilarity: 0.97, liveness: 0.5 },
    failCodes: ['F1', 'F2'],
    rejectComments: null,
    source: 'webhook',
    createdAt: at(1),
    updatedAt: at(2),
    purgedAt: null,
    argosDeletedAt: null,
    legalHold: false,
    ...fields,
  });

/**
 * A raw statement's rows, mapped by the entity metadata, are the entities TypeORM itself reads back:
 * every type conversion (BIGINT instants as strings on PostgreSQL, booleans as 0/1 on SQLite, JSON text,
 * NULLs) is the engine's, on both engines.
 */
describe.each(databasesUnderTest())('rows of raw statements as entities on %s', (kind) => {
  const db = useTestDataSource(kind);
  let sql: RawSql;

  beforeAll(() => {
    sql = new RawSql(db.dataSource);
  });

  async function roundTrip<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    rows: T[],
    key: keyof T & string,
  ) {
    const insert = new RawInsert(sql, entity);
    for (const row of rows) await insert.execute(row);
    const mapping = entityRows(db.dataSource, entity);
    const keyColumn = db.dataSource.getMetadata(entity).findColumnWithPropertyName(key)!.databaseName;
    for (const row of rows) {
      const raw = await sql.rows(`SELECT ${mapping.columns} FROM ${mapping.table} WHERE ${keyColumn} = $1`, [
        row[key],
      ]);
      const viaTypeorm = await db.dataSource
        .getRepository(entity)
        .findOneByOrFail({ [key]: row[key] } as never);
      const mapped = mapping.fromRow(raw[0]);
      expect(mapped).toBeInstanceOf(db.dataSource.getMetadata(entity).target as new () => T);
      expect(mapped).toEqual(viaTypeorm);
      expect(mapped).toEqual(row);
    }
  }

  it('maps token rows as TypeORM does', async () => {
    await roundTrip(
      FaceAuthTokenEntity,
      [
        token('a'),
        token('b', {
          policyMode: 'time',
          maxUses: null,
          windowSeconds: 600,
          consumeOn: 'open',
          useCount: 2,
          useKeys: ',k1,k2,',
          firstUsedAt: at(10),
          windowEndsAt: at(600_010),
          revokedAt: at(20),
          expiredAt: at(30),
          authUserId: 'user-7',
          idempotencyKey: 'caller:key',
          requestFingerprint: 'f'.repeat(64),
          tokenInUrl: false,
          clientReference: 'order-7',
          metadata: { orderId: 'A-1', note: 'ünïcødé 😀' },
          outcomeStatus: 'rejected',
          outcomeAuthId: 'fa_7',
          outcomeDecidedAt: at(15),
          outcomeReason: 'result_rejected',
        }),
      ],
      'id',
    );
  });

  it('maps webhook inbox rows as TypeORM does', async () => {
    await roundTrip(
      WebhookInboxEntity,
      [
        inboxRow('a'),
        inboxRow('b', {
          status: 'done',
          attempts: 3,
          lockedUntil: at(9),
          lastError: 'boom',
          processedAt: at(11),
        }),
      ],
      'id',
    );
  });

  it('maps result rows (JSON, booleans) as TypeORM does, leaving out select: false columns', async () => {
    await roundTrip(
      FaceAuthResultEntity,
      [
        result('fa_a'),
        result('fa_b', {
          scores: null,
          failCodes: null,
          rejectComments: ['no'],
          legalHold: true,
          purgedAt: at(3),
          policyViolation: 'used',
        }),
      ],
      'authId',
    );
    expect(entityRows(db.dataSource, FaceAuthResultEntity).names).not.toContain('cleanup_lease_until');
  });

  it('builds each mapping once per DataSource', () => {
    expect(entityRows(db.dataSource, FaceAuthTokenEntity)).toBe(
      entityRows(db.dataSource, FaceAuthTokenEntity),
    );
  });
});
