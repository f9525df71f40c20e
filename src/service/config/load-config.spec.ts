import { hashApiKey } from '@faceauth/admin-api';
import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

/** A production configuration with an authenticated webhook. */
const PRODUCTION = {
  NODE_ENV: 'production',
  FACEAUTH_PID: 'p',
  FACEAUTH_API_KEY: 'k',
  WEBHOOK_SECRETS: 'production-webhook-secret-0001',
};

describe('loadConfig', () => {
  it('runs on SQLite against the local sandbox with no configuration at all', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({
      type: 'sqlite',
      path: 'data/faceauth.sqlite',
      migrationsRun: true,
      tablePrefix: 'faceauth_',
      busyTimeoutMs: 5_000,
    });
    expect(config.argos).toMatchObject({
      apiBaseUrl: 'http://127.0.0.1:4010/v3',
      formUrl: 'http://127.0.0.1:4010/face-auth',
      usingSandboxDefaults: true,
    });
    expect(config.projects.map((p) => p.pid)).toEqual(['sandbox-project']);
    expect(config.auth.generateDevAdminKey).toBe(true);
    expect(config.swagger.enabled).toBe(true);
  });

  it('uses PostgreSQL from DATABASE_URL and the real Argos endpoints once a project is configured', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/x',
      FACEAUTH_PID: 'p1',
      FACEAUTH_API_KEY: 'k1',
    });
    expect(config.database).toMatchObject({ type: 'postgres', url: 'postgres://u@db:5432/x' });
    expect(loadConfig({ DATABASE_TABLE_PREFIX: 'acme_fa_' }).database.tablePrefix).toBe('acme_fa_');
    expect(() => loadConfig({ DATABASE_TABLE_PREFIX: 'Acme-' })).toThrow(/DATABASE_TABLE_PREFIX/);
    expect(config.argos.apiBaseUrl).toBe('https://rest-api.argosidentity.com/v3');
    expect(config.argos.formUrl).toBe('https://form.argosidentity.com/face-auth');
  });

  it.each([
    [{ DATABASE_URL: 'notaurl' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'FACEAUTH_PROJECTS'],
    [{ FACEAUTH_PID: 'p' }, 'FACEAUTH_API_KEY'],
    [{ FACEAUTH_PROJECTS: '{oops' }, 'FACEAUTH_PROJECTS'],
    [{ FACEAUTH_PROJECTS: '[{"pid":"a","apiKey":"k","cipher":"cbc"}]' }, 'FACEAUTH_PROJECTS[0].cipher'],
    [
      { FACEAUTH_PROJECTS: '[{"pid":"a","apiKey":"k","tokenExpiration":"time:0"}]' },
      'FACEAUTH_PROJECTS[0].tokenExpiration',
    ],
    [
      { FACEAUTH_PROJECTS: '[{"name":"a","pid":"a","apiKey":"k"},{"name":"a","pid":"b","apiKey":"k"}]' },
      'FACEAUTH_PROJECTS',
    ],
    [{ FACEAUTH_DEFAULT_PROJECT: 'ghost' }, 'FACEAUTH_DEFAULT_PROJECT'],
    [{ INTERNAL_API_KEYS: 'ops|superpowers|0123456789abcdef0123456789' }, 'INTERNAL_API_KEYS'],
    [{ INTERNAL_API_KEYS: 'ops|admin|short' }, 'INTERNAL_API_KEYS'],
    [{ HTTP_HEADERS_TIMEOUT_MS: 'soon' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ HTTP_REQUEST_TIMEOUT_MS: '50' }, 'HTTP_REQUEST_TIMEOUT_MS'],
    [{ HTTP_KEEP_ALIVE_TIMEOUT_MS: '0' }, 'HTTP_KEEP_ALIVE_TIMEOUT_MS'],
    [{ HTTP_CONNECTION_TIMEOUT_MS: '-1' }, 'HTTP_CONNECTION_TIMEOUT_MS'],
    [{ NOTIFICATION_TIMEOUT_MS: '20000', NOTIFICATION_LEASE_MS: '10000' }, 'NOTIFICATION_LEASE_MS'],
    [{ NOTIFICATION_TIMEOUT_MS: '0' }, 'NOTIFICATION_TIMEOUT_MS'],
  ])('rejects %o naming %s', (env, setting) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(setting);
    expect((error as ConfigError).message).toContain(setting);
  });

  it('bounds every HTTP server timeout by default, the headers never beyond the whole request', () => {
    expect(loadConfig({}).http.timeouts).toEqual({
      headersMs: 10_000,
      requestMs: 60_000,
      keepAliveMs: 72_000,
      connectionMs: 300_000,
    });
    expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000' }).http.timeouts.headersMs).toBe(5000);
    expect(loadConfig({ HTTP_CONNECTION_TIMEOUT_MS: '0' }).http.timeouts.connectionMs).toBe(0);
  });

  it('passes the outbound delivery timeout and lease to the notifications', () => {
    expect(loadConfig({}).notifications).toMatchObject({ timeoutMs: 10_000, leaseMs: 60_000 });
    expect(
      loadConfig({ NOTIFICATION_TIMEOUT_MS: '2000', NOTIFICATION_LEASE_MS: '2000' }).notifications,
    ).toMatchObject({ timeoutMs: 2_000, leaseMs: 2_000 });
  });

  it('parses projects with their token expiration setting', () => {
    const config = loadConfig({
      FACEAUTH_PROJECTS: JSON.stringify([
        { name: 'web', pid: 'p-web', apiKey: 'k-web', tokenExpiration: 'count' },
        {
          name: 'app',
          pid: 'p-app',
          apiKey: 'k-app',
          secretKey: 's',
          cipher: 'gcm',
          tokenExpiration: { mode: 'time', windowSeconds: 86400 },
        },
      ]),
      FACEAUTH_DEFAULT_PROJECT: 'app',
    });
    expect(config.defaultProject).toBe('app');
    expect(config.projects).toEqual([
      expect.objectContaining({ name: 'web', cipher: 'aes-256-ecb', tokenExpiration: { mode: 'count' } }),
      expect.objectContaining({
        name: 'app',
        cipher: 'aes-256-gcm',
        secretKey: 's',
        tokenExpiration: { mode: 'time', windowSeconds: 86400 },
      }),
    ]);
  });

  it('keeps only hashes of configured internal keys, accepting pre-hashed secrets', () => {
    const prehashed = hashApiKey('another-long-secret-value-0001');
    const config = loadConfig({
      INTERNAL_API_KEYS: `crm|links:write,links:read|a-very-long-secret-value-000001;ops|admin|sha256:${prehashed}`,
    });
    expect(config.auth.staticKeys).toEqual([
      {
        name: 'crm',
        scopes: ['links:write', 'links:read'],
        hash: hashApiKey('a-very-long-secret-value-000001'),
      },
      { name: 'ops', scopes: ['admin'], hash: prehashed },
    ]);
    expect(JSON.stringify(config)).not.toContain('a-very-long-secret-value-000001');
  });

  it('turns Swagger and the development key off in production unless asked', () => {
    const config = loadConfig({ ...PRODUCTION });
    expect(config.swagger.enabled).toBe(false);
    expect(config.auth.generateDevAdminKey).toBe(false);
    expect(
      loadConfig({
        ...PRODUCTION,
        SWAGGER_ENABLED: 'true',
      }).swagger.enabled,
    ).toBe(true);
  });

  it('refuses to start in production with an unauthenticated webhook, unless told so explicitly', () => {
    const open = { NODE_ENV: 'production', FACEAUTH_PID: 'p', FACEAUTH_API_KEY: 'k' };
    expect(() => loadConfig(open)).toThrow(
      /WEBHOOK_SECRETS or WEBHOOK_ALLOWED_SOURCES is required in production/,
    );
    expect(loadConfig({ ...open, WEBHOOK_ALLOWED_SOURCES: '10.0.0.0/8' }).webhooks.allowedSources).toEqual([
      '10.0.0.0/8',
    ]);
    expect(loadConfig({ ...open, WEBHOOK_ALLOW_UNAUTHENTICATED: 'true' }).webhooks.secrets).toEqual([]);
    // Development and tests keep the open default.
    expect(loadConfig({}).webhooks.secrets).toEqual([]);
  });
});

describe('rate-limit store settings', () => {
  it('keeps counters in memory unless a Redis URL is given', () => {
    expect(loadConfig({}).http.rateLimit).toEqual({ redisUrl: null, redisPrefix: 'faceauth-rate-limit:' });
    expect(
      loadConfig({ RATE_LIMIT_REDIS_URL: 'rediss://cache:6380/2', RATE_LIMIT_REDIS_PREFIX: 'svc-a:' }).http
        .rateLimit,
    ).toEqual({ redisUrl: 'rediss://cache:6380/2', redisPrefix: 'svc-a:' });
  });

  it.each<[Record<string, string>, string]>([
    [{ RATE_LIMIT_REDIS_URL: 'http://cache:6379' }, 'RATE_LIMIT_REDIS_URL'],
    [{ RATE_LIMIT_REDIS_URL: 'not a url' }, 'RATE_LIMIT_REDIS_URL'],
    [{ RATE_LIMIT_REDIS_PREFIX: 'has space' }, 'RATE_LIMIT_REDIS_PREFIX'],
  ])('refuses %p naming the setting', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });
});
