/**
 * `faceauth encrypt | decrypt | url`, run as real child processes against the built CLI
 * (dist/apps/cli/apps/cli/src/main.js, built by `npm test`'s pretest or `npx nest build cli`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARGOS_TEST_VECTOR } from '@faceauth/encryption';
import { CliResult, cliEntry, runCli } from './faceauth-cli.runner';

const { keyString, plaintext, ciphertext } = ARGOS_TEST_VECTOR;
const KEY_ENV = { FACEAUTH_KEY: keyString };

function expectOneLineFailure(result: CliResult): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain(keyString);
}

describe('faceauth CLI: encryption commands', () => {
  let dir: string;
  let keyFile: string;

  beforeAll(() => {
    cliEntry();
    dir = mkdtempSync(join(tmpdir(), 'faceauth-cli-'));
    keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${keyString}\n`);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('the contract test vector', () => {
    it('encrypts exactly, with the key from --key-file', async () => {
      expect(await runCli(['encrypt', '--key-file', keyFile, plaintext])).toEqual({
        code: 0,
        stdout: `${ciphertext}\n`,
        stderr: '',
      });
    });

    it('encrypts exactly from query flags, with the key from FACEAUTH_KEY', async () => {
      const result = await runCli(
        ['encrypt', '--sid', 'sub_abc123', '--auth-user-id', 'user-1', '--token', 'tok_00000001'],
        { env: KEY_ENV },
      );
      expect(result.stdout).toBe(`${ciphertext}\n`);
    });

    it('encrypts exactly from stdin (-), ignoring the trailing newline, with --key', async () => {
      const result = await runCli(['encrypt', '--key', keyString, '-'], { stdin: `${plaintext}\n` });
      expect(result.stdout).toBe(`${ciphertext}\n`);
    });

    it('decrypts exactly, from an argument and from stdin', async () => {
      expect((await runCli(['decrypt', ciphertext], { env: KEY_ENV })).stdout).toBe(`${plaintext}\n`);
      expect((await runCli(['decrypt', '-'], { env: KEY_ENV, stdin: `${ciphertext}\n` })).stdout).toBe(
        `${plaintext}\n`,
      );
    });
  });

  describe('url | decrypt - round trip', () => {
    it.each([
      ['ecb', 'json'],
      ['gcm', 'querystring'],
    ])('round-trips Unicode fields with --cipher %s --format %s', async (cipher, format) => {
      const codec = ['--cipher', cipher, '--format', format];
      const url = await runCli(
        [
          'url',
          ...codec,
          '--pid',
          'pid-1',
          '--sid',
          'sub_1',
          '--auth-user-id',
          'José 山田',
          '--cf1',
          'a&b=c+d 😀',
          '--token',
          'tok_00000042',
          '--lang',
          'ko',
        ],
        { env: KEY_ENV },
      );
      expect(url.code).toBe(0);
      expect(url.stdout).toMatch(
        /^https:\/\/form\.argosidentity\.com\/face-auth\?pid=pid-1&encrypted=[^&\s]+&lang=ko\n$/,
      );
      const decrypted = await runCli(['decrypt', ...codec, '--parse', '-'], {
        env: KEY_ENV,
        stdin: url.stdout,
      });
      expect(decrypted.code).toBe(0);
      expect(JSON.parse(decrypted.stdout)).toEqual({
        pid: 'pid-1',
        lang: 'ko',
        query: { sid: 'sub_1', authUserId: 'José 山田', authCf1: 'a&b=c+d 😀', token: 'tok_00000042' },
      });
    });

    it('builds the test vector URL and decrypts a whole URL given as an argument', async () => {
      const url = await runCli(
        [
          'url',
          '--pid',
          'p',
          '--sid',
          'sub_abc123',
          '--auth-user-id',
          'user-1',
          '--token',
          'tok_00000001',
          '--form-url',
          'http://127.0.0.1:9/face-auth',
        ],
        {
          env: KEY_ENV,
        },
      );
      expect(url.stdout).toBe(
        `http://127.0.0.1:9/face-auth?pid=p&encrypted=${encodeURIComponent(ciphertext)}\n`,
      );
      expect((await runCli(['decrypt', url.stdout.trim()], { env: KEY_ENV })).stdout).toBe(`${plaintext}\n`);
    });
  });

  describe('bad input: exit 1 (failure) or 2 (usage), one line on stderr, no stack, no key', () => {
    it.each<[string, string[], Record<string, string> | undefined, string, number]>([
      ['a wrong key', ['decrypt', '--key', 'WRONG_KEY', ciphertext], undefined, 'BAD_CIPHERTEXT', 1],
      ['a non-base64 ciphertext', ['decrypt', 'not*base64'], KEY_ENV, 'BAD_ENCODING', 1],
      ['a truncated ciphertext', ['decrypt', ciphertext.slice(0, 40)], KEY_ENV, 'BAD_CIPHERTEXT', 1],
      [
        'a tampered GCM ciphertext',
        ['decrypt', '--cipher', 'gcm', Buffer.alloc(40, 1).toString('base64')],
        KEY_ENV,
        'AUTH_TAG_FAILED',
        1,
      ],
      ['a plaintext that is not a query, with --parse', ['decrypt', '--parse', '-'], KEY_ENV, 'NOT_JSON', 1],
      [
        'a URL without encrypted',
        ['decrypt', 'https://form.argosidentity.com/face-auth?pid=p'],
        KEY_ENV,
        'BAD_URL',
        1,
      ],
      ['no key at all', ['encrypt', 'hello'], undefined, 'no key', 2],
      [
        'an empty key file',
        ['encrypt', '--key-file', '/dev/null', 'hello'],
        undefined,
        'key string is empty',
        2,
      ],
      ['a missing key file', ['encrypt', '--key-file', '/nonexistent/key', 'hello'], undefined, 'ENOENT', 2],
      [
        '--key with --key-file',
        ['encrypt', '--key', 'a', '--key-file', '/dev/null', 'x'],
        undefined,
        'not both',
        2,
      ],
      ['a missing --pid', ['url', '--sid', 's'], KEY_ENV, '--pid', 2],
      ['a missing --sid', ['url', '--pid', 'p'], KEY_ENV, 'sid', 1],
      [
        'an invalid token',
        ['url', '--pid', 'p', '--sid', 's', '--token', 'bad'],
        KEY_ENV,
        'INVALID_TOKEN_ID',
        1,
      ],
      ['a missing plaintext', ['encrypt'], KEY_ENV, 'missing the plaintext', 2],
      ['both a plaintext and --sid', ['encrypt', '--sid', 's', 'x'], KEY_ENV, 'not both', 2],
      ['an unknown cipher', ['encrypt', '--cipher', 'des', 'x'], KEY_ENV, '--cipher', 2],
      [
        'a misspelt flag',
        ['url', '--pid', 'p', '--sid', 's', '--form-ur', 'x'],
        KEY_ENV,
        'unknown option',
        2,
      ],
      ['an unknown command', ['frobnicate'], KEY_ENV, 'unknown command', 2],
    ])('%s', async (_label, args, env, expected, exitCode) => {
      const stdin = args.includes('--parse')
        ? (await runCli(['encrypt', 'not json'], { env: KEY_ENV })).stdout
        : undefined;
      const result = await runCli(args, { env, stdin });
      expectOneLineFailure(result);
      expect(result.stderr).toContain(expected);
      expect(result.code).toBe(exitCode);
    });
  });

  it.each(['encrypt', 'decrypt', 'url'])('%s --help explains the command and exits 0', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: faceauth ${command}`);
    expect(result.stdout).toContain('--key-file');
    expect(result.stdout).toContain('--cipher');
  });
});
