import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');

/** Lints `code` as if it were the file at `filePath` (relative to the repository root). */
function lint(filePath: string, code: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', filePath], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the layering rule (eslint-plugin-boundaries in eslint.config.mjs)', () => {
  it('refuses an app importing another app', () => {
    const result = lint(
      'apps/cli/src/layering-fixture.ts',
      "import { createApiApp } from '../../api/src/bootstrap/create-api-app';\nexport const x = createApiApp;\n",
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('app:cli must not import app:api');
  });

  it('refuses a lib reaching into src/ or into a lib above it', () => {
    const intoModule = lint(
      'libs/core/src/layering-fixture.ts',
      "import { FaceAuthModule } from '@faceauth/module';\nexport const x = FaceAuthModule;\n",
    );
    expect(intoModule.status).toBe(1);
    expect(intoModule.output).toContain('lib:core must not import module');

    const upwards = lint(
      'libs/results/src/layering-fixture.ts',
      "import { WebhookModule } from '@faceauth/webhook';\nexport const x = WebhookModule;\n",
    );
    expect(upwards.status).toBe(1);
    expect(upwards.output).toContain('lib:results must not import lib:webhook');
  });

  it('refuses the embeddable module importing the service bootstrap', () => {
    const result = lint(
      'src/layering-fixture.ts',
      "import { loadConfig } from './service';\nexport const x = loadConfig;\n",
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('module must not import service');
  });

  it('lets an app use the service bootstrap and a lib use the libs below it', () => {
    expect(
      lint(
        'apps/cli/src/layering-fixture.ts',
        "import { loadConfig } from '@faceauth/service';\nexport const x = loadConfig;\n",
      ),
    ).toEqual({ status: 0, output: '' });
    expect(
      lint(
        'libs/webhook/src/layering-fixture.ts',
        "import { ResultsModule } from '@faceauth/results';\nexport const x = ResultsModule;\n",
      ),
    ).toEqual({ status: 0, output: '' });
  });

  it('passes on the product tree as it is', () => {
    const run = spawnSync(process.execPath, [eslintBin, 'apps', 'libs', 'src', 'ormconfig.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
