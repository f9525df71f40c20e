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
    ['DATABASE_URL', 'notaurl'],
    ['PORT', 'abc'],
    ['LOG_LEVEL', 'loud'],
  ])('exits non-zero naming %s', (name, value) => {
    const cwd = mkdtempSync(join(tmpdir(), 'faceauth-boot-'));
    const run = spawnSync(process.execPath, [MAIN], {
      cwd,
      env: { PATH: process.env.PATH, [name]: value },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
