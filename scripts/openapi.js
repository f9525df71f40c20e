#!/usr/bin/env node
/**
 * Writes the committed OpenAPI contract, `openapi.json` at the repository root: the document the built service
 * serves at /docs-json (`nest build api` first, so the Swagger CLI plugin's descriptions are in it), read
 * in-process without listening, on a throw-away SQLite database, with a fixed configuration so that the
 * output depends on the code only. Keys are sorted at every level; the file ends with a newline.
 *
 *   node scripts/openapi.js            build, then write openapi.json
 *   node scripts/openapi.js --check    build, then exit 1 if openapi.json differs from what the app serves
 *   --no-build                         use dist/ as it is
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Writable } = require('node:stream');

const root = join(__dirname, '..');
const OUTPUT = join(root, 'openapi.json');
const DIST = join(root, 'dist/apps/api');
const CREATE_API_APP = join(DIST, 'apps/api/src/bootstrap/create-api-app.js');
const SERVICE = join(DIST, 'src/service/index.js');

/** The configuration the contract is generated with: defaults, except what would make it vary. */
const CONTRACT_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'error',
  LOG_FORMAT: 'json',
  SWAGGER_ENABLED: 'true',
  DEV_ADMIN_KEY: 'false',
  PUBLIC_BASE_URL: 'http://localhost:3000',
  CLEANUP_ENABLED: 'false',
  WEBHOOK_PROCESSOR_ENABLED: 'false',
  RECONCILE_ENABLED: 'false',
};

/** The same value with object keys sorted at every level (arrays keep their order). */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

function serialise(document) {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function build() {
  const result = spawnSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'api'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`nest build api failed (${result.status ?? result.signal})`);
}

/** The document the built service serves at /docs-json. */
async function servedDocument() {
  if (!existsSync(CREATE_API_APP)) throw new Error(`${CREATE_API_APP} is missing: run "nest build api"`);
  const { createApiApp } = require(CREATE_API_APP);
  const { loadConfig } = require(SERVICE);
  const directory = mkdtempSync(join(tmpdir(), 'faceauth-openapi-'));
  const logStream = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  try {
    const config = loadConfig({ ...CONTRACT_ENV, SQLITE_PATH: join(directory, 'contract.sqlite') });
    const { app } = await createApiApp({ config, logStream });
    try {
      await app.getHttpAdapter().getInstance().ready();
      const res = await app.inject({ method: 'GET', url: '/docs-json' });
      if (res.statusCode !== 200) throw new Error(`/docs-json answered ${res.statusCode}: ${res.body}`);
      return JSON.parse(res.body);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function main(argv) {
  const check = argv.includes('--check');
  if (!argv.includes('--no-build')) build();
  const generated = serialise(await servedDocument());
  if (!check) {
    writeFileSync(OUTPUT, generated);
    process.stdout.write(`wrote ${OUTPUT}\n`);
    return 0;
  }
  const committed = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
  if (committed === generated) {
    process.stdout.write('openapi.json matches the document the app serves\n');
    return 0;
  }
  const a = committed.split('\n');
  const b = generated.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line += 1;
  process.stdout.write(
    `openapi.json is out of date: it differs from the document the app serves at /docs-json ` +
      `(first difference at line ${line + 1}:\n  committed: ${a[line] ?? '<end of file>'}\n` +
      `  served:    ${b[line] ?? '<end of file>'})\n` +
      'Run `node scripts/openapi.js` and commit openapi.json.\n',
  );
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(2);
  },
);
