/**
 * Issue 19: `--json` on every command that prints a result (groups only print help). Each leaf command's
 * help offers it; the offline commands and the service commands that need no Argos are run with it here,
 * on a SQLite database of their own (reconcile and webhooks replay: results-and-inbox-commands.e2e-spec.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARGOS_TEST_VECTOR } from '@faceauth/encryption';
import { expectOneLineFailure } from './cli-expectations';
import { cliEntry, runCli } from './faceauth-cli.runner';

const { keyString, plaintext, ciphertext } = ARGOS_TEST_VECTOR;

const LEAF_COMMANDS: string[][] = [
  ['encrypt'],
  ['decrypt'],
  ['url'],
  ['keys', 'create'],
  ['keys', 'list'],
  ['keys', 'revoke'],
  ['links', 'create'],
  ['links', 'list'],
  ['links', 'revoke'],
  ['results', 'list'],
  ['results', 'get'],
  ['results', 'delete'],
  ['reconcile'],
  ['webhooks', 'replay'],
  ['cleanup'],
];

describe('faceauth CLI: --json', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    cliEntry();
    dir = mkdtempSync(join(tmpdir(), 'faceauth-cli-json-'));
    env = { SQLITE_PATH: join(dir, 'faceauth.sqlite'), FACEAUTH_PID: 'p', FACEAUTH_API_KEY: 'argos-key' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(LEAF_COMMANDS.map((words) => words.join(' ')))('%s --help offers --json', async (command) => {
    const help = await runCli([...command.split(' '), '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}--json +\S/m);
  });

  it('encrypt, decrypt and url print one JSON object', async () => {
    const keyEnv = { FACEAUTH_KEY: keyString };
    const run = async (args: string[]) => {
      const result = await runCli([...args, '--json'], { env: keyEnv });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(result.stdout) as unknown;
    };
    expect(await run(['encrypt', plaintext])).toEqual({ ciphertext });
    expect(await run(['decrypt', ciphertext])).toEqual({ plaintext });
    expect(
      await run([
        'url',
        '--pid',
        'p',
        '--sid',
        'sub_abc123',
        '--auth-user-id',
        'user-1',
        '--token',
        'tok_00000001',
      ]),
    ).toEqual({
      url: `https://form.argosidentity.com/face-auth?pid=p&encrypted=${encodeURIComponent(ciphertext)}`,
    });
  });

  it('keys create and revoke, links create and revoke, cleanup: JSON on stdout', async () => {
    const created = await runCli(
      ['keys', 'create', '--name', 'json-key', '--scope', 'links:read', '--json'],
      {
        env,
      },
    );
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { id: string; key: string };
    expect(key).toEqual({
      id: expect.any(String),
      name: 'json-key',
      scopes: ['links:read'],
      key: expect.any(String),
    });
    expect(JSON.parse((await runCli(['keys', 'revoke', 'json-key', '--json'], { env })).stdout)).toEqual({
      idOrName: 'json-key',
      revoked: 1,
    });

    const link = JSON.parse((await runCli(['links', 'create', '--sid', 's', '--json'], { env })).stdout) as {
      id: string;
    };
    const revoked = await runCli(['links', 'revoke', link.id, '--json'], { env });
    expect(JSON.parse(revoked.stdout)).toMatchObject({
      id: link.id,
      status: 'revoked',
      revokedAt: expect.any(String),
    });
    const usage = await runCli(['links', 'create', '--sid', 's', '--json', '--url-only'], { env });
    expectOneLineFailure(usage, /either --json or --url-only/);
    expect(usage.code).toBe(2);

    const cleanup = await runCli(['cleanup', '--dry-run', '--json'], { env });
    expect(cleanup).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(cleanup.stdout)).toMatchObject({ dryRun: true, trigger: 'cli', overdue: 0 });
  });
});
