import { randomUUID } from 'node:crypto';
import { Controller, Get } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  ArgosBreakerIndicator,
  CleanupIndicator,
  FaceAuthDatabaseIndicator,
  FaceAuthModule,
  WebhookInboxIndicator,
} from '@faceauth/module';
import { dataSourceOptions } from '@faceauth/service';
import { WebhookInboxRepository } from '@faceauth/webhook';
import { EMBEDDED_OPTIONS } from '../embedding/support/embedded-host';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';

/** A host's own health route: its terminus, its keys, its thresholds, the module's indicators. */
@Controller('status')
class HostHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: FaceAuthDatabaseIndicator,
    private readonly argos: ArgosBreakerIndicator,
    private readonly inbox: WebhookInboxIndicator,
    private readonly cleanup: CleanupIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.isHealthy('faceauthDatabase', { timeoutMs: 1_000 }),
      () => this.argos.isHealthy('argos'),
      () => this.inbox.isHealthy('inbox', { maxOldestPendingSeconds: 60 }),
      () => this.cleanup.isHealthy('cleanup', { graceSeconds: 600 }),
    ]);
  }
}

/**
 * Issue 19, "Health for hosts": a host that imports FaceAuthModule injects the module's indicators and runs
 * them with its own terminus `HealthCheckService`: their plain results are terminus results (a `down` one
 * fails the host's check with terminus's own 503), with the keys and thresholds the host chose.
 */
describe.each(databasesUnderTest())('a host checking its health with the module indicators on %s', (kind) => {
  let database: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        TypeOrmModule.forRoot({ ...dataSourceOptions(database.config), retryAttempts: 0 }),
        TerminusModule,
        FaceAuthModule.forRoot(EMBEDDED_OPTIONS),
      ],
      controllers: [HostHealthController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('answers 200 with the four checks under the host’s keys', async () => {
    const res = await app.inject({ method: 'GET', url: '/status' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      error: {},
      details: {
        faceauthDatabase: { status: 'up', engine: kind },
        argos: { status: 'up', projects: { a: 'closed' } },
        inbox: { status: 'up', pending: 0, oldestPendingSeconds: null, maxOldestPendingSeconds: 60 },
        cleanup: { status: 'up', overdue: 0, graceSeconds: 600 },
      },
    });
    expect(res.body).not.toContain(EMBEDDED_OPTIONS.projects[0].apiKey);
  });

  it("fails the host's check with terminus's 503 when the inbox backlog is older than the host's threshold", async () => {
    const id = randomUUID();
    await app.get(WebhookInboxRepository).insert({
      id,
      dedupeKey: `faceAuth:host-${id}`,
      trigger: 'faceAuth',
      authId: `host-${id}`,
      tokenId: null,
      project: 'a',
      payload: '{}',
      source: 'webhook',
      status: 'pending',
      receivedAt: new Date(Date.now() - 2 * 60_000),
    });
    const res = await app.inject({ method: 'GET', url: '/status' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'error',
      error: { inbox: { status: 'down', pending: 1, maxOldestPendingSeconds: 60 } },
      info: { faceauthDatabase: { status: 'up' }, argos: { status: 'up' }, cleanup: { status: 'up' } },
    });
  });

  it('injects the indicators directly too, each answering a terminus-shaped result', async () => {
    const result = await app.get(ArgosBreakerIndicator).isHealthy('breakers');
    expect(result).toEqual({ breakers: { status: 'up', projects: { a: 'closed' } } });
  });
});
