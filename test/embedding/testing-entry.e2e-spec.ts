import { Injectable } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  FACEAUTH_ENTITIES,
  FACEAUTH_MIGRATIONS,
  FACEAUTH_TABLES,
  faceAuthNamingStrategy,
  FaceAuthModule,
  FaceAuthModuleOptions,
  FaceAuthOutcomeEvent,
  FaceAuthProject,
  FaceAuthResultEvent,
  LinkService,
  OnFaceAuthOutcome,
  OnFaceAuthResult,
} from '@faceauth/module';
import {
  ArgosSandbox,
  ArgosSandboxPageError,
  SEEDED_SUBMISSIONS,
  startArgosSandbox,
} from '@faceauth/testing';
import { eventually } from '../support/sandbox-journey';

@Injectable()
class HostRecorder {
  results: FaceAuthResultEvent[] = [];
  outcomes: FaceAuthOutcomeEvent[] = [];

  @OnFaceAuthResult()
  onResult(event: FaceAuthResultEvent): void {
    this.results.push(event);
  }

  @OnFaceAuthOutcome()
  onOutcome(event: FaceAuthOutcomeEvent): void {
    this.outcomes.push(event);
  }
}

/**
 * Issue 19, `faceauth/testing` from source: a host application's test starts the in-process sandbox, points
 * FaceAuthModule at it with the helper's `project` and `argos`, routes the sandbox's webhooks to its own
 * route and completes the links it mints through the typed controls. The project uses GCM and a dedicated
 * secret key, so a helper handing FaceAuthModule the wrong cipher or key fails at the hosted page. The host
 * names the module's tables with its own prefix (`faceAuthNamingStrategy`), so the journey runs on them.
 */
describe('faceauth/testing: the in-process Argos sandbox for a host', () => {
  let dir: string;
  let sandbox: ArgosSandbox;
  let host: NestFastifyApplication;
  let hostUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceauth-testing-entry-'));
    sandbox = await startArgosSandbox({
      project: {
        name: 'main',
        pid: 'testing-pid',
        apiKey: 'testing-key',
        secretKey: 'testing-secret',
        cipher: 'gcm',
      },
    });
    // Compile-time: exactly what FaceAuthModule.forRoot takes.
    const project: FaceAuthProject = sandbox.project;
    const argos: FaceAuthModuleOptions['argos'] = sandbox.argos;
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          database: join(dir, 'host.sqlite'),
          entities: FACEAUTH_ENTITIES,
          migrations: FACEAUTH_MIGRATIONS,
          migrationsRun: true,
          namingStrategy: faceAuthNamingStrategy('host_fa_'),
          retryAttempts: 0,
        }),
        FaceAuthModule.forRoot({
          projects: [project],
          argos,
          http: { publicBaseUrl: 'http://127.0.0.1' },
          webhooks: { reconcile: { enabled: false } },
          retention: { scheduler: { enabled: false } },
          controllers: { webhook: true },
        }),
      ],
      providers: [HostRecorder],
    }).compile();
    host = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await host.listen({ port: 0, host: '127.0.0.1' });
    hostUrl = (await host.getUrl()).replace('[::1]', '127.0.0.1');
    sandbox.controls.webhooks.sendTo(`${hostUrl}/webhooks/argos`);
  });

  afterAll(async () => {
    await host?.close();
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and hands FaceAuthModule the sandbox project and endpoints', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.url).not.toMatch(/:0$/);
    expect(sandbox.project).toEqual({
      name: 'main',
      pid: 'testing-pid',
      apiKey: 'testing-key',
      secretKey: 'testing-secret',
      cipher: 'aes-256-gcm',
      plaintextFormat: 'json',
      tokenExpiration: { mode: 'off' },
    });
    expect(sandbox.argos).toEqual({ apiBaseUrl: `${sandbox.url}/v3`, formUrl: `${sandbox.url}/face-auth` });
  });

  it.each(['approved', 'rejected'] as const)(
    'completes a minted link as %s and the host sees the result and the outcome event',
    async (outcome) => {
      const link = await host.get(LinkService).mint({
        sid: SEEDED_SUBMISSIONS.approved,
        authUserId: `testing-${outcome}`,
      });
      expect(link.url.startsWith(`${sandbox.url}/face-auth?pid=testing-pid&encrypted=`)).toBe(true);

      const attempt = await sandbox.controls.completeFaceAuth(link.url, outcome);
      expect(attempt.status).toBe(outcome);
      expect(attempt.failCodes).toEqual(outcome === 'approved' ? [] : ['face_compare_underscore']);

      const recorder = host.get(HostRecorder);
      const result = await eventually(async () =>
        recorder.results.find((e) => e.record.authId === attempt.authId),
      );
      expect(result.record.status).toBe(outcome);
      expect(result.project).toBe('main');
      const event = await eventually(async () => recorder.outcomes.find((e) => e.data.link.id === link.id));
      expect(event.type).toBe(`faceauth.link.${outcome}`);
      expect(event.data.result?.authId).toBe(attempt.authId);

      expect(await sandbox.controls.webhooks.settle()).toBe(true);
      const delivery = sandbox.controls.webhooks
        .list()
        .find((d) => d.event === 'faceAuth' && JSON.stringify(d.payload).includes(attempt.authId));
      expect(delivery).toMatchObject({ url: `${hostUrl}/webhooks/argos`, status: 'delivered' });
    },
  );

  it("keeps the module's tables under the host's prefix", async () => {
    const tables: { name: string }[] = await host
      .get(DataSource)
      .query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      );
    expect(tables.map((t) => t.name)).toEqual(
      [...FACEAUTH_TABLES.map((t) => `host_fa_${t}`), 'migrations'].sort(),
    );
    const [{ n }] = await host.get(DataSource).query('SELECT COUNT(*) AS n FROM host_fa_tokens');
    expect(Number(n)).toBeGreaterThan(0);
  });

  it('reports a link the hosted page refuses as an ArgosSandboxPageError', async () => {
    const refused = sandbox.controls.completeFaceAuth(`${sandbox.url}/face-auth?pid=nobody&encrypted=x`);
    await expect(refused).rejects.toBeInstanceOf(ArgosSandboxPageError);
    await expect(refused).rejects.toMatchObject({ code: 'UNKNOWN_PROJECT', status: 404 });
  });

  it('arms REST faults and keeps the webhook target across a reset', async () => {
    sandbox.controls.faults.failNext('502', { operation: 'GET /v3/faceauth' });
    const call = () =>
      fetch(`${sandbox.argos.apiBaseUrl}/faceauth?authId=none`, { headers: { 'x-api-key': 'testing-key' } });
    expect((await call()).status).toBe(502);
    expect((await call()).status).toBe(400);
    expect(sandbox.controls.stats().faults).toEqual({ '502': 1 });

    sandbox.controls.reset();
    expect(sandbox.controls.webhooks.list()).toEqual([]);
    expect(sandbox.handle.controls.projects.findByPid('testing-pid')?.webhookUrl).toBe(
      `${hostUrl}/webhooks/argos`,
    );
  });
});
