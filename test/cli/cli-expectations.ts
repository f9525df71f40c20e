import { CliResult } from './faceauth-cli.runner';

/** The CLI's failure contract: non-zero exit, nothing on stdout, one stderr line, no stack trace. */
export function expectOneLineFailure(result: CliResult, message?: RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  if (message) expect(result.stderr).toMatch(message);
}
