import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SERVICE_MAIN = resolve(__dirname, '../../dist/apps/api/apps/api/src/main.js');

/** The built service as a real child process (SIGKILL tests). `npm test` builds it first. */
export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  if (!existsSync(SERVICE_MAIN))
    throw new Error(`${SERVICE_MAIN} is missing: run "npm run build" first (npm test does)`);
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', DEV_ADMIN_KEY: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1].replace('[::1]', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`service exited (${code}) before listening:\n${output}`)));
  });
  return {
    child,
    url,
    output: () => output,
    kill: (signal) =>
      new Promise((resolveKill) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveKill();
        child.once('exit', () => resolveKill());
        child.kill(signal);
      }),
  };
}
