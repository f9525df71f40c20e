import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Issue 19: CI lints the committed contract. Redocly's `recommended` rules and Spectral's `spectral:oas`
 * report nothing on openapi.json; the rules switched off, and why, are in redocly.yaml,
 * .redocly.lint-ignore.yaml and .spectral.yaml. (openapi-drift.e2e-spec.ts proves openapi.json is the app's.)
 */
const root = join(__dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      NO_COLOR: '1',
    },
  });
  if (result.error) throw result.error;
  return result;
}

describe('openapi.json lint', () => {
  it('has no Redocly `recommended` error nor warning', () => {
    const result = run(bin('redocly'), ['lint', 'openapi.json', '--format=json']);
    const report = JSON.parse(result.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string; location?: Array<{ pointer?: string }> }>;
    };
    const problems = report.problems.map(
      (p) => `${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toEqual(expect.objectContaining({ errors: 0, warnings: 0 }));
    expect(result.status).toBe(0);
  }, 60_000);

  it('has no Spectral `spectral:oas` warning', () => {
    const result = run(bin('spectral'), [
      'lint',
      'openapi.json',
      '--ruleset',
      '.spectral.yaml',
      '--fail-severity',
      'warn',
      '--format',
      'json',
      '--quiet',
    ]);
    const problems = (
      JSON.parse(result.stdout || '[]') as Array<{ code: string; message: string; path: string[] }>
    ).map((p) => `${p.code}: ${p.message} (${p.path.join('.')})`);
    expect(problems).toEqual([]);
    expect(result.status).toBe(0);
  }, 60_000);
});
