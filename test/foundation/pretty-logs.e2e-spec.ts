import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@faceauth/service';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

/**
 * Issue 19: LOG_FORMAT. nestjs-pino binds one pino instance per process to the first destination it is
 * given, so this file's first harness (pretty) decides the format of every line captured here.
 */
describe('LOG_FORMAT default', () => {
  it('is pretty in development on a TTY, json otherwise, and an explicit value wins', () => {
    expect(loadConfig({ NODE_ENV: 'development' }, true).logging.format).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development' }, false).logging.format).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test' }, true).logging.format).toBe('json');
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }, true).logging.format).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'pretty' }, false).logging.format).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT must be one of json, pretty/);
  });
});

describe.each(databasesUnderTest())('pretty logs on %s', (kind) => {
  const SECRET = 'fak_pretty_log_probe_secret_0000000000000';
  let api: ApiHarness;
  let adminKey: string;
  let startup: string;

  beforeAll(async () => {
    api = await startApi(kind, { env: { LOG_FORMAT: 'pretty', DEV_ADMIN_KEY: 'true' } });
    adminKey = api.devAdminKey!;
    startup = api.logs.join('');
  });
  afterAll(() => api.close());

  it('writes human-readable lines, not JSON, with Nest bootstrap wiring left out at info', () => {
    expect(startup).toContain('INFO');
    expect(startup).toContain('Nest application successfully started');
    expect(api.logs.some((line) => line.trimStart().startsWith('{'))).toBe(false);
    expect(startup).not.toMatch(/Mapped \{|dependencies initialized|RoutesResolver|RouterExplorer/);
  });

  it('carries the access line with its message, status and request id, and no secret', async () => {
    const before = api.logs.length;
    await api.app.inject({
      method: 'GET',
      url: '/v1/api-keys',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    const denied = await api.app.inject({
      method: 'GET',
      url: `/v1/api-keys?apiKey=${SECRET}`,
      headers: { 'x-api-key': SECRET },
    });
    const lines = api.logs.slice(before).filter((line) => line.includes('request completed'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/statusCode: 200/);
    expect(lines[1]).toMatch(/statusCode: 401/);
    expect(lines[1]).toContain(String(denied.headers['x-request-id']));
    expect(lines[1]).toContain('apiKey=[redacted]');
    const logs = api.logs.join('');
    expect(logs).not.toContain(adminKey);
    expect(logs).not.toContain(SECRET);
  });

  it('applies the redaction of secret-bearing fields to pretty lines too', () => {
    const before = api.logs.length;
    api.app.get(Logger).log({
      msg: 'redaction probe',
      req: { headers: { authorization: `Bearer ${SECRET}`, 'x-api-key': SECRET } },
      project: { apiKey: SECRET, secretKey: SECRET, name: 'visible-project' },
    });
    const line = api.logs.slice(before).join('');
    expect(line).toContain('redaction probe');
    expect(line).toContain('visible-project');
    expect(line).toContain('[redacted]');
    expect(line).not.toContain(SECRET);
  });
});
