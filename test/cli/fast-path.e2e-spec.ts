/**
 * Issue 19: `--help`, `--version`, encrypt, decrypt and url answer without loading Nest. Each runs with a
 * preload that kills the process (exit 99, NEST_LOADED on stderr) as soon as @nestjs/* or nest-commander
 * is required; a service command under the same preload shows the tripwire works.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARGOS_TEST_VECTOR } from '@faceauth/encryption';
import { SERVICE_COMMANDS } from '../../apps/cli/src/program/service-command.catalogue';
import { CliResult, cliEntry, runCli } from './faceauth-cli.runner';

const { keyString, plaintext, ciphertext } = ARGOS_TEST_VECTOR;
const TRIPWIRE = ['--require', join(__dirname, 'nest-tripwire.preload.js')];
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

const withoutNest = (args: string[], opts: { env?: Record<string, string>; stdin?: string } = {}) =>
  runCli(args, { ...opts, nodeArgs: TRIPWIRE });

function expectNoNest(result: CliResult): void {
  expect(result.stderr).not.toContain('NEST_LOADED');
  expect(result.code).not.toBe(99);
}

describe('faceauth CLI: the offline path loads no Nest', () => {
  beforeAll(() => cliEntry());

  it('the tripwire trips on a service command (so the tests below can fail)', async () => {
    const result = await withoutNest(['keys', 'list'], { env: { SQLITE_PATH: '/dev/null/unusable.sqlite' } });
    expect(result.code).toBe(99);
    expect(result.stderr).toMatch(/^NEST_LOADED (@nestjs\/|nest-commander)/);
  });

  it('--help lists every command, exits 0', async () => {
    const result = await withoutNest(['--help']);
    expectNoNest(result);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: faceauth \[options\] \[command\]\n/);
    const listed = [...result.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual([
      'encrypt',
      'decrypt',
      'url',
      ...Object.values(SERVICE_COMMANDS).map((c) => c.name),
      'help',
    ]);
  });

  it('--help reads exactly as nest-commander renders it (FACEAUTH_CLI_FAST_PATH=off)', async () => {
    const fast = await withoutNest(['--help']);
    const full = await runCli(['--help'], { env: { FACEAUTH_CLI_FAST_PATH: 'off' } });
    expect(full.code).toBe(0);
    expect(fast.stdout).toBe(full.stdout);
  });

  it.each([['--version'], ['-V']])('%s prints the package version, exits 0', async (flag) => {
    const result = await withoutNest([flag]);
    expectNoNest(result);
    expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('encrypt, decrypt and url work', async () => {
    const env = { FACEAUTH_KEY: keyString };
    const encrypted = await withoutNest(['encrypt', plaintext], { env });
    expectNoNest(encrypted);
    expect(encrypted).toEqual({ code: 0, stdout: `${ciphertext}\n`, stderr: '' });

    const decrypted = await withoutNest(['decrypt', '-'], { env, stdin: `${ciphertext}\n` });
    expectNoNest(decrypted);
    expect(decrypted).toEqual({ code: 0, stdout: `${plaintext}\n`, stderr: '' });

    const url = await withoutNest(['url', '--pid', 'p', '--sid', 'sub_abc123'], { env });
    expectNoNest(url);
    expect(url.code).toBe(0);
    expect(url.stdout).toMatch(/^https:\/\/form\.argosidentity\.com\/face-auth\?pid=p&encrypted=\S+\n$/);
  });

  it.each(['encrypt', 'decrypt', 'url'])('%s --help works', async (command) => {
    const result = await withoutNest([command, '--help']);
    expectNoNest(result);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: faceauth ${command} [options]`);
  });

  it('answers an unknown command and a wrong flag as usage errors (exit 2)', async () => {
    for (const args of [['frobnicate'], ['--frobnicate'], ['encrypt', '--frobnicate', 'x']]) {
      const result = await withoutNest(args);
      expectNoNest(result);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error: unknown (command|option) '.*'\n$/);
    }
  });
});
