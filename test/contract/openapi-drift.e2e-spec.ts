import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Issue 19: the committed contract (`openapi.json`) is what the running app serves. The built service is the
 * one that runs (the Swagger CLI plugin adds the DTOs' validation constraints), so the script builds it and reads
 * its /docs-json; under `npm test` the pretest step has just built it, so the build is skipped there.
 */
describe('openapi.json (committed contract)', () => {
  it('matches the document the app serves at /docs-json', () => {
    const args = [join(__dirname, '../../scripts/openapi.js'), '--check'];
    if (process.env.npm_lifecycle_event === 'test') args.push('--no-build');
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 150_000 });
    if (result.status !== 0) {
      throw new Error(
        `${result.stdout}${result.stderr}\n` +
          'The committed openapi.json has drifted from the app: run `node scripts/openapi.js` and commit it.',
      );
    }
    expect(result.stdout).toMatch(/matches/);
  }, 180_000);
});
