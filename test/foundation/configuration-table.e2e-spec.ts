import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preflightFaceAuthOptions } from '@faceauth/module';
import {
  configReader,
  Environment,
  environmentSettingNames,
  faceAuthOptions,
  loadConfig,
} from '@faceauth/service';
import { startApi } from '../support/api-harness';

interface Row {
  names: string[];
  defaults: string[];
}

/** The rows of the README's configuration table: the settings a row names, and its backticked defaults. */
function readmeRows(): Row[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1].split(/^## /m)[0];
  const ticked = (cell: string) => [...cell.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
  return section
    .split('\n')
    .filter((line) => /^\| `[A-Z]/.test(line))
    .map((line) => {
      const [, names, defaults] = line.split('|');
      return { names: ticked(names).filter((n) => /^[A-Z][A-Z0-9_]+$/.test(n)), defaults: ticked(defaults) };
    });
}

/** A valid value for each setting whose default is not a literal the table states. */
const SAMPLES: Record<string, string> = {
  NODE_ENV: 'test',
  PUBLIC_BASE_URL: 'https://faceauth.example.com',
  TRUST_PROXY: 'loopback,10.0.0.0/8',
  RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:6379',
  HTTP_HEADERS_TIMEOUT_MS: '9000',
  INTERNAL_API_KEYS: 'ops|admin|a-very-long-secret-value-000001',
  DEV_ADMIN_KEY: 'false',
  SWAGGER_ENABLED: 'false',
  NOTIFICATION_PRIVATE_TARGETS: 'false',
  LOG_FORMAT: 'json',
  FACEAUTH_PID: 'documented-pid',
  FACEAUTH_API_KEY: 'documented-api-key',
  FACEAUTH_SECRET_KEY: 'documented-secret',
  FACEAUTH_CIPHER: 'gcm',
  FACEAUTH_PLAINTEXT_FORMAT: 'querystring',
  FACEAUTH_TOKEN_EXPIRATION: 'time:3600',
  FACEAUTH_DEFAULT_PROJECT: 'default',
  ARGOS_API_BASE_URL: 'http://127.0.0.1:9/v3',
  ARGOS_FORM_URL: 'http://127.0.0.1:9/face-auth',
  WEBHOOK_SECRETS: 'documented-webhook-secret-0001',
  WEBHOOK_ALLOWED_SOURCES: '10.0.0.0/8',
};
// FACEAUTH_PROJECTS replaces the single-project variables; it is loaded on its own below.
const PROJECTS = JSON.stringify([{ name: 'default', pid: 'p', apiKey: 'k', tokenExpiration: 'count' }]);
// Settings that choose the database: the harness gives each test its own.
const DATABASE_CHOICE = new Set(['DATABASE_URL', 'SQLITE_PATH']);

describe('the README configuration table against the environment schema', () => {
  const rows = readmeRows();
  const documented = rows.flatMap((r) => r.names);
  const defaults = new Environment() as unknown as Record<string, unknown>;

  it('documents every setting of the schema, and nothing else', () => {
    expect(documented.length).toBeGreaterThan(60);
    expect([...documented].sort()).toEqual([...environmentSettingNames()].sort());
  });

  it('states the schema default of every setting it gives a literal default for', () => {
    const stated = rows.flatMap(({ names, defaults: values }) =>
      names.length === values.length ? names.map((name, i) => [name, values[i]] as const) : [],
    );
    const checked = stated.filter(([name]) => defaults[name] !== undefined);
    expect(checked.length).toBeGreaterThan(40);
    for (const [name, value] of checked) expect(`${name}=${String(defaults[name])}`).toBe(`${name}=${value}`);
  });

  it('loads each documented setting on its own, at its documented default or a sample, and checks the options', () => {
    for (const name of documented) {
      const value = name === 'FACEAUTH_PROJECTS' ? PROJECTS : (SAMPLES[name] ?? String(defaults[name] ?? ''));
      const env =
        name.startsWith('FACEAUTH_') &&
        name !== 'FACEAUTH_PROJECTS' &&
        name !== 'FACEAUTH_HEAP_GROWING_PERCENT'
          ? { FACEAUTH_PID: 'p', FACEAUTH_API_KEY: 'k', [name]: value }
          : name === 'DATABASE_URL'
            ? { DATABASE_URL: 'postgres://u@db:5432/x' }
            : { [name]: value };
      const config = loadConfig(env);
      expect(() => preflightFaceAuthOptions(faceAuthOptions(configReader(config)))).not.toThrow();
    }
  });

  it('boots the service with every documented setting set at once', async () => {
    const env: Record<string, string> = {};
    for (const name of documented) {
      if (DATABASE_CHOICE.has(name) || name === 'FACEAUTH_PROJECTS') continue;
      env[name] = SAMPLES[name] ?? String(defaults[name]);
    }
    const api = await startApi('sqlite', { env });
    try {
      expect(api.config.projects[0]).toMatchObject({ pid: 'documented-pid', cipher: 'aes-256-gcm' });
      expect(api.config.http.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
      const ready = await api.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
    } finally {
      await api.close();
    }
  });
});
