/**
 * Issue 19: exit statuses scripts can branch on. 0 success, 1 failure, 2 usage, 69 unavailable (database
 * or Argos unreachable), 78 configuration. Every failure is also one stderr line with nothing on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARGOS_TEST_VECTOR } from '@faceauth/encryption';
import { expectOneLineFailure } from './cli-expectations';
import { cliEntry, runCli } from './faceauth-cli.runner';

const KEY_ENV = { FACEAUTH_KEY: ARGOS_TEST_VECTOR.keyString };
// Port 1 on the loopback: nothing listens there, so connecting is refused at once.
const UNREACHABLE = 'http://127.0.0.1:1';

describe('faceauth CLI: exit statuses', () => {
  let dir: string;
  let sqliteEnv: Record<string, string>;

  beforeAll(() => {
    cliEntry();
    dir = mkdtempSync(join(tmpdir(), 'faceauth-cli-exit-'));
    sqliteEnv = { SQLITE_PATH: join(dir, 'faceauth.sqlite') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('0 on success, offline and on the service', async () => {
    expect((await runCli(['encrypt', 'x'], { env: KEY_ENV })).code).toBe(0);
    expect(await runCli(['keys', 'list', '--json'], { env: sqliteEnv })).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr: '',
    });
  });

  it('1 when a well-formed command fails', async () => {
    const result = await runCli(['decrypt', '--key', 'WRONG_KEY', ARGOS_TEST_VECTOR.ciphertext]);
    expectOneLineFailure(result, /BAD_CIPHERTEXT/);
    expect(result.code).toBe(1);
    const unknown = await runCli(['links', 'revoke', '00000000-0000-4000-8000-000000000000'], {
      env: sqliteEnv,
    });
    expectOneLineFailure(unknown, /TOKEN_NOT_FOUND/);
    expect(unknown.code).toBe(1);
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an unknown subcommand', ['keys', 'frobnicate'], /unknown command "keys frobnicate"/],
    ['a group without subcommand', ['links'], /needs a subcommand/],
    ['an unknown flag, offline', ['url', '--pid', 'p', '--sid', 's', '--form-ur', 'x'], /unknown option/],
    ['an unknown flag, on the service', ['keys', 'list', '--bogus'], /unknown option '--bogus'/],
    ['a missing required flag, offline', ['url', '--sid', 's'], /required option '--pid/],
    ['a missing required flag, on the service', ['links', 'create'], /required option '--sid/],
    ['a value outside its choices', ['encrypt', '--cipher', 'des', 'x'], /Allowed choices are ecb, gcm/],
    ['a malformed value', ['links', 'create', '--sid', 's', '--max-uses', 'many'], /--max-uses must be/],
    ['a malformed argument', ['links', 'revoke', 'not-a-uuid'], /must be a UUID/],
    ['no key at all', ['encrypt', 'x'], /no key/],
  ])('2 for a usage mistake: %s', async (_label, args, message) => {
    const result = await runCli(args, { env: { SQLITE_PATH: '/dev/null/unusable.sqlite' } });
    expectOneLineFailure(result, message);
    expect(result.code).toBe(2);
  });

  it('69 when the database is unreachable', async () => {
    const result = await runCli(['keys', 'list'], {
      env: { DATABASE_URL: `${UNREACHABLE.replace('http', 'postgres')}/postgres` },
    });
    expectOneLineFailure(
      result,
      /^error: the database is unreachable: connect ECONNREFUSED 127\.0\.0\.1:1\n$/,
    );
    expect(result.code).toBe(69);
  });

  it('69 when Argos is unreachable', async () => {
    const result = await runCli(['reconcile'], {
      env: {
        ...sqliteEnv,
        FACEAUTH_PID: 'p',
        FACEAUTH_API_KEY: 'k',
        ARGOS_API_BASE_URL: `${UNREACHABLE}/v3`,
        ARGOS_MAX_ATTEMPTS: '1',
      },
    });
    expectOneLineFailure(result, /\(ARGOS_UNAVAILABLE\)\n$/);
    expect(result.code).toBe(69);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a malformed DATABASE_URL', { DATABASE_URL: 'not-a-url' }, /Invalid configuration: DATABASE_URL/],
    ['a malformed number', { RETENTION_RESULT_DAYS: 'abc' }, /Invalid configuration: RETENTION_RESULT_DAYS/],
  ])('78 for a bad setting: %s', async (_label, env, message) => {
    const result = await runCli(['keys', 'list'], { env: { ...sqliteEnv, ...env } });
    expectOneLineFailure(result, message);
    expect(result.code).toBe(78);
  });
});
