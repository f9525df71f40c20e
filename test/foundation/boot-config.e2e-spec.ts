import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../dist/apps/api/apps/api/src/main.js');

/** The built service refuses to start on a bad setting and says which one. */
describe('service start-up with an invalid setting', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
  });

  it.each([
    ['DATABASE_URL', 'notaurl', 'DATABASE_URL'],
    ['PORT', 'abc', 'PORT'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    // Accepted by the environment schema, refused by the webhook module's own options: still one line, 78.
    ['WEBHOOK_SECRETS', 'short', 'secrets'],
  ])('exits 78 naming %s in one line', (name, value, named) => {
    const cwd = mkdtempSync(join(tmpdir(), 'faceauth-boot-'));
    const run = spawnSync(process.execPath, [MAIN], {
      cwd,
      env: { PATH: process.env.PATH, [name]: value },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(named);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
