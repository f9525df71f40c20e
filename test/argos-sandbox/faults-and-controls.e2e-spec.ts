import { request } from 'node:http';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSandboxApp,
  loadSandboxConfigFromEnv,
  makeFacePng,
  resolveSandboxConfig,
  SandboxConfigError,
  SandboxHandle,
  SandboxStats,
  SEEDED_SUBMISSIONS,
} from '@faceauth/argos-sandbox';
import {
  ApiErrorBody,
  faceAuthForm,
  readJson,
  SubmitBody,
  VENDOR_SAMPLE_POLICY,
} from './sandbox-test.helpers';

// Transport-level faults (hang, reset, slow, redirect), the control API and configuration loading.
describe('argos-sandbox faults and control API', () => {
  let sandbox: SandboxHandle;
  const KEY = 'sandbox-api-key';

  beforeAll(async () => {
    sandbox = await createSandboxApp();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.controls.reset());

  const api = (init: RequestInit = {}): Promise<Response> =>
    fetch(`${sandbox.url}/v3/faceauth`, { ...init, headers: { 'x-api-key': KEY, ...(init.headers ?? {}) } });
  const control = (path: string, body?: unknown, method = 'POST'): Promise<Response> =>
    fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('hang: no answer until the client gives up', async () => {
    const started = Date.now();
    await expect(
      api({ headers: { 'x-sandbox-fault': 'hang' }, signal: AbortSignal.timeout(400) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect((await api()).status).toBe(200); // the server is still fine
  });

  it('reset: the connection is destroyed without a response', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const url = new URL(`${sandbox.url}/v3/faceauth`);
      const req = request(url, { headers: { 'x-api-key': KEY, 'x-sandbox-fault': 'reset' } }, (res) =>
        resolve(`status ${res.statusCode}`),
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end();
    });
    expect(outcome).toBe('ECONNRESET');
  });

  it('slow: serves normally after the scheduled latency', async () => {
    await control('/faults', { kind: 'slow', latencyMs: 300, count: 1 });
    const started = Date.now();
    const res = await api();
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('redirect: 307 to a target that reports whether the client followed it with its key', async () => {
    const manual = await api({ headers: { 'x-sandbox-fault': 'redirect' }, redirect: 'manual' });
    expect(manual.status).toBe(307);
    expect(manual.headers.get('location')).toBe('/__sandbox/redirect-target');
    expect(sandbox.controls.stats.snapshot().redirectFollows).toEqual([]);
    const followed = await api({ headers: { 'x-sandbox-fault': 'redirect' } });
    expect(followed.status).toBe(200);
    expect(sandbox.controls.stats.snapshot().redirectFollows).toEqual([{ apiKeyPresent: true }]);
  });

  it('400 fault uses the detailed body; an unknown fault name is refused', async () => {
    const res = await api({ headers: { 'x-sandbox-fault': '400' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errorCode: 'error in processing data',
      message: 'Injected fault',
      traceId: expect.any(String),
    });
    expect((await api({ headers: { 'x-sandbox-fault': 'explode' } })).status).toBe(400);
    expect((await control('/faults', { kind: 'explode' })).status).toBe(400);
    expect((await control('/faults', { kind: '500', status: 500 })).status).toBe(400);
  });

  it('stats count calls per operation and DELETE calls per authId, faulted ones included', async () => {
    await control('/faults', { status: 500, count: 1, operation: 'DELETE /v3/faceauth' });
    const del = (id: string): Promise<Response> =>
      fetch(`${sandbox.url}/v3/faceauth?authId=${id}`, { method: 'DELETE', headers: { 'x-api-key': KEY } });
    expect((await del('fa_a')).status).toBe(500);
    expect((await del('fa_a')).status).toBe(400);
    await del('fa_b');
    await api();
    const stats = await readJson<SandboxStats>(fetch(`${sandbox.url}/__sandbox/stats`));
    expect(stats.calls).toEqual({ 'DELETE /v3/faceauth': 3, 'GET /v3/faceauth': 1 });
    expect(stats.deletes).toEqual({
      fa_a: { calls: 2, statuses: { '500': 1, '400': 1 } },
      fa_b: { calls: 1, statuses: { '400': 1 } },
    });
    expect(stats.statuses['GET /v3/faceauth']).toEqual({ '200': 1 });
  });

  it('adds submissions through the control API and uses them at once', async () => {
    const selfie = makeFacePng([200, 160, 120]);
    const created = await control('/submissions', {
      id: 'sub_ctl_1',
      status: 'approved',
      selfie: selfie.toString('base64'),
      userid: 'ctl',
      email: 'c@example.com',
      cf1: 'x',
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      id: 'sub_ctl_1',
      status: 'approved',
      hasSelfie: true,
      hasPortrait: false,
    });
    const reference = Buffer.from(
      await (await fetch(`${sandbox.url}/__sandbox/submissions/sub_ctl_1/reference-image`)).arrayBuffer(),
    );
    expect(reference.equals(selfie)).toBe(true);
    const res = await api({
      method: 'POST',
      body: faceAuthForm({ submissionId: 'sub_ctl_1' }, reference, 'image/png'),
    });
    expect((await readJson<SubmitBody>(res)).auth_status).toBe('approved');
    expect((await control('/submissions', { status: 'approved' })).status).toBe(400); // no reference image
    expect(
      (await control('/submissions', { status: 'approved', selfie: Buffer.from('nope').toString('base64') }))
        .status,
    ).toBe(400);
    expect((await control('/submissions', { status: 'weird' })).status).toBe(400);
  });

  it('patches projects with validation, builds links and resets everything', async () => {
    const bad = await control('/projects/sandbox-project', { webhookVersion: 'v9' }, 'PATCH');
    expect(bad.status).toBe(400);
    expect((await readJson<ApiErrorBody>(bad)).message).toContain('webhookVersion');
    expect((await control('/projects/sandbox-project', { unknownSetting: 1 }, 'PATCH')).status).toBe(400);
    const badPolicy = await control(
      '/projects/sandbox-project',
      { policy: { liveness_threshold: 100.5 } },
      'PATCH',
    );
    expect(badPolicy.status).toBe(400);
    expect((await readJson<ApiErrorBody>(badPolicy)).message).toContain('policy.liveness_threshold');
    const ok = await control(
      '/projects/sandbox-project',
      {
        listShape: 'flat',
        tokenExpiration: { mode: 'time', windowSeconds: 10 },
        extraRecordFields: true,
        webhookOrder: 'faceauth-first',
        policy: { faceSimilarity_threshold: 70 },
      },
      'PATCH',
    );
    expect(await ok.json()).toMatchObject({
      listShape: 'flat',
      tokenExpiration: { mode: 'time', windowSeconds: 10, notifyAt: 'first-use' },
      extraRecordFields: true,
      webhookOrder: 'faceauth-first',
      policy: { faceSimilarity_threshold: 70, headCover_threshold: 50, occluded_threshold: false },
    });

    const { url } = await readJson<{ url: string }>(
      control('/links', { sid: SEEDED_SUBMISSIONS.approved, token: 'tok_link_0001', lang: 'ko' }),
    );
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-page="capture"');

    await control('/clock', { now: '2030-01-01T00:00:00Z' });
    const clockNow = async (): Promise<number> =>
      Date.parse((await readJson<{ now: string }>(fetch(`${sandbox.url}/__sandbox/clock`))).now);
    expect(await clockNow()).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    expect((await control('/reset')).status).toBe(200);
    expect(
      (await readJson<Array<Record<string, unknown>>>(control('/projects', undefined, 'GET')))[0],
    ).toMatchObject({
      listShape: 'grouped',
      extraRecordFields: false,
      webhookOrder: 'token-expired-first',
    });
    expect(Math.abs((await clockNow()) - Date.now())).toBeLessThan(5000);
  });
});

describe('argos-sandbox configuration', () => {
  it('defaults to one public test project with the documented settings', () => {
    const config = resolveSandboxConfig();
    expect(config.host).toBe('127.0.0.1');
    expect(config.projects).toEqual([
      expect.objectContaining({
        pid: 'sandbox-project',
        apiKey: 'sandbox-api-key',
        cipher: 'ecb',
        plaintextFormat: 'json',
        tokenExpiration: { mode: 'off' },
        ipAllowlist: [],
        bodyLimitBytes: 5 * 1024 * 1024,
        webhookVersion: 'v3',
        secureTransmission: false,
        imageResponse: 'text',
        extraRecordFields: false,
        webhookOrder: 'token-expired-first',
      }),
    ]);
    expect(config.projects[0].webhookUrl).toBeUndefined();
    // The vendor's sample policy: 0-100 thresholds, occluded_threshold a boolean.
    expect(config.projects[0].policy).toEqual(VENDOR_SAMPLE_POLICY);
  });

  it('accepts thresholds anywhere on the 0-100 scale', () => {
    const policy = {
      faceSimilarity_threshold: 100,
      occluded_threshold: true,
      faceCover_threshold: 0,
      headCover_threshold: 62.5,
    };
    const config = resolveSandboxConfig({ projects: [{ pid: 'a', apiKey: 'k', policy }] });
    expect(config.projects[0].policy).toMatchObject(policy);
  });

  it.each([
    [{ projects: [{ pid: 'a', apiKey: 'k', cipher: 'cbc' }] }, 'projects[0].cipher'],
    [
      {
        projects: [
          { pid: 'a', apiKey: 'k' },
          { pid: 'b', apiKey: 'k' },
        ],
      },
      'projects[1]',
    ],
    [{ projects: [{ pid: 'a', apiKey: 'k', ipAllowlist: ['10.0.0.0/99'] }] }, 'projects[0].ipAllowlist[0]'],
    [
      { projects: [{ pid: 'a', apiKey: 'k', tokenExpiration: { mode: 'time', windowSeconds: 0 } }] },
      'tokenExpiration.windowSeconds',
    ],
    [{ projects: [{ pid: 'a', apiKey: 'k', gcmLayout: { nonceLength: 4 } }] }, 'projects[0].gcmLayout'],
    [{ webhookRetry: { maxAttempts: 0 } }, 'webhookRetry.maxAttempts'],
    [
      { projects: [{ pid: 'a', apiKey: 'k', policy: { faceSimilarity_threshold: 101 } }] },
      'projects[0].policy.faceSimilarity_threshold',
    ],
    [
      { projects: [{ pid: 'a', apiKey: 'k', policy: { headCover_threshold: -1 } }] },
      'projects[0].policy.headCover_threshold',
    ],
    [
      { projects: [{ pid: 'a', apiKey: 'k', policy: { faceCover_threshold: '50' } }] },
      'projects[0].policy.faceCover_threshold',
    ],
    [
      { projects: [{ pid: 'a', apiKey: 'k', policy: { occluded_threshold: 0.5 } }] },
      'projects[0].policy.occluded_threshold',
    ],
    [{ projects: [{ pid: 'a', apiKey: 'k', webhookOrder: 'whenever' }] }, 'projects[0].webhookOrder'],
    [{ projects: [{ pid: 'a', apiKey: 'k', extraRecordFields: 'yes' }] }, 'projects[0].extraRecordFields'],
    [{ projects: [{ pid: 'a', apiKey: 'k', imageResponse: 'xml' }] }, 'projects[0].imageResponse'],
  ])('refuses bad settings with a message naming them (%#)', (input, name) => {
    expect(() => resolveSandboxConfig(input as never)).toThrow(SandboxConfigError);
    expect(() => resolveSandboxConfig(input as never)).toThrow(name);
  });

  it('reads SANDBOX_CONFIG and the direct env overrides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-config-'));
    const file = join(dir, 'sandbox.json');
    writeFileSync(
      file,
      JSON.stringify({
        projects: [
          { pid: 'from-file', apiKey: 'file-key', listShape: 'flat' },
          { pid: 'second', apiKey: 'k2' },
        ],
      }),
    );
    const input = loadSandboxConfigFromEnv({
      SANDBOX_CONFIG: file,
      SANDBOX_PORT: '4321',
      SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:3000/webhooks/argos',
      SANDBOX_TOKEN_EXPIRATION: 'time:86400',
      SANDBOX_SECURE_TRANSMISSION: 'true',
      SANDBOX_IMAGE_RESPONSE: 'json',
      SANDBOX_EXTRA_RECORD_FIELDS: 'true',
      SANDBOX_WEBHOOK_ORDER: 'faceauth-first',
    });
    const config = resolveSandboxConfig(input);
    expect(config.port).toBe(4321);
    expect(config.projects.map((p) => p.pid)).toEqual(['from-file', 'second']);
    expect(config.projects[0]).toMatchObject({
      apiKey: 'file-key',
      listShape: 'flat',
      webhookUrl: 'http://127.0.0.1:3000/webhooks/argos',
      tokenExpiration: { mode: 'time', windowSeconds: 86400, notifyAt: 'first-use' },
      secureTransmission: true,
      imageResponse: 'json',
      extraRecordFields: true,
      webhookOrder: 'faceauth-first',
    });
    expect(config.projects[1]).toMatchObject({ imageResponse: 'text', extraRecordFields: false });
    expect(resolveSandboxConfig(loadSandboxConfigFromEnv({})).port).toBe(4010);
    expect(() => loadSandboxConfigFromEnv({ SANDBOX_EXTRA_RECORD_FIELDS: 'maybe' })).toThrow(
      'SANDBOX_EXTRA_RECORD_FIELDS',
    );
    expect(() => resolveSandboxConfig(loadSandboxConfigFromEnv({ SANDBOX_WEBHOOK_ORDER: 'random' }))).toThrow(
      'webhookOrder',
    );
    expect(() => loadSandboxConfigFromEnv({ SANDBOX_TOKEN_EXPIRATION: 'weekly' })).toThrow(
      'SANDBOX_TOKEN_EXPIRATION',
    );
    expect(() => loadSandboxConfigFromEnv({ SANDBOX_CONFIG: join(dir, 'missing.json') })).toThrow(
      'SANDBOX_CONFIG',
    );
  });
});
