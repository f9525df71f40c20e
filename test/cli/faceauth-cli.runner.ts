import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The built CLI, located through package.json `bin.faceauth` so the bin entry itself is checked. */
export function cliEntry(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { faceauth: string } };
  const entry = join(ROOT, pkg.bin.faceauth);
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: run \`npx nest build cli\` (npm test builds it in pretest)`);
  return entry;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `faceauth <args>` as a real child process, with a clean environment plus `env`; `nodeArgs` go to
 * node before the script (e.g. `--require` a preload).
 */
export function runCli(
  args: string[],
  opts: { stdin?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [...(opts.nodeArgs ?? []), cliEntry(), ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...opts.env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(opts.stdin ?? '');
  });
}
