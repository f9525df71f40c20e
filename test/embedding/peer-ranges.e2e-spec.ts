import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createTestDatabase, databasesUnderTest, DatabaseKindUnderTest } from '../support/test-databases';
import { npmInstall, packLibrary } from './support/packed-host';

/**
 * Issue 19: the packed package's peerDependencies say what is proven here. Two hosts are built from the
 * tarball: the low end (the lowest release of each range) and the high end (the newest release within each
 * range, as npm resolves the declared ranges themselves). Each boots FaceAuthModule.forRoot on SQLite and on
 * PostgreSQL (when FACEAUTH_TEST_POSTGRES_URL is set), runs the migrations, mints a link and reads it back,
 * consumes it through the short link (the raw SQL layer, which reads TypeORM driver internals), takes an
 * Argos result through the webhook, lists links and results, and on PostgreSQL discards a query runner's
 * connection (the third driver internal). TypeORM has two ranges: each host then moves to the other end of
 * the other one (the low end to 1.0.0, the high end to the newest 0.3), so the four ends are all booted.
 */
const ROOT = resolve(__dirname, '../..');

/** The lowest release of each peer's range: the packed range is `^` this. */
const LOW_END: Record<string, string> = {
  '@nestjs/common': '12.0.0',
  // 12.0.0 asks for @nestjs/common ^11 (npm refuses it next to @nestjs/common 12).
  '@nestjs/core': '12.0.1',
  '@nestjs/event-emitter': '12.0.0',
  // Before 12.1.0, no `multipart` option: the sandbox of faceauth/testing cannot take its hosted page's form.
  '@nestjs/platform-fastify': '12.1.0',
  '@nestjs/schedule': '12.0.0',
  '@nestjs/swagger': '12.0.0',
  // 12.0.0 exports its entry for `import` only: the package's require() of it fails.
  '@nestjs/typeorm': '12.0.1',
  rxjs: '7.2.0',
  'reflect-metadata': '0.2.1',
};
/** TypeORM's two ranges, each from its lowest release (driver-handles.ts refuses 0.3 before 0.3.20). */
const TYPEORM_LOW_ENDS = ['0.3.20', '1.0.0'];
const TYPEORM_RANGES = TYPEORM_LOW_ENDS.map((version) => `^${version}`);

/** The drivers: this checkout's (better-sqlite3's native addon is copied from it, so the exact version). */
const checkoutVersion = (name: string): string =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
const BETTER_SQLITE3 = checkoutVersion('better-sqlite3');
const PG = checkoutVersion('pg');
/** TypeORM before 0.3.26 accepts better-sqlite3 up to 9 only (its peerDependencies): compiled here once. */
const BETTER_SQLITE3_FOR_OLD_TYPEORM = '9.6.0';

const ENGINES = databasesUnderTest();

/**
 * better-sqlite3's native addon for the version installed in `dir`: this checkout's for its own version;
 * another version is compiled with npm's node-gyp (against this Node's headers when they are installed next to
 * it) and kept in the temporary directory for the next runs.
 */
function betterSqlite3Addon(dir: string): void {
  const packageDir = join(dir, 'node_modules/better-sqlite3');
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const target = join(packageDir, 'build/Release/better_sqlite3.node');
  mkdirSync(dirname(target), { recursive: true });
  if (version === BETTER_SQLITE3) {
    copyFileSync(join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), target);
    return;
  }
  const cacheDir = join(tmpdir(), 'faceauth-peer-ranges-cache');
  const cached = join(
    cacheDir,
    `better-sqlite3-${version}-${process.platform}-${process.arch}-abi${process.versions.modules}.node`,
  );
  if (!existsSync(cached)) {
    const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
    const nodeGyp = join(npmRoot, 'npm/node_modules/node-gyp/bin/node-gyp.js');
    const nodeDir = dirname(dirname(process.execPath));
    const headers = existsSync(join(nodeDir, 'include/node/node_api.h')) ? [`--nodedir=${nodeDir}`] : [];
    execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', '-j', '2', ...headers], {
      cwd: packageDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 400_000,
    });
    mkdirSync(cacheDir, { recursive: true });
    copyFileSync(target, `${cached}.${process.pid}`);
    renameSync(`${cached}.${process.pid}`, cached);
  }
  copyFileSync(cached, target);
}

/**
 * The host: plain CommonJS, as a user's compiled Nest application. Argos is the sandbox of faceauth/testing,
 * started in the process; its webhooks reach the host's route. Prints one HOST_RESULT line of JSON.
 */
const HOST_SCRIPT = String.raw`'use strict';
require('reflect-metadata');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { TypeOrmModule } = require('@nestjs/typeorm');
const { EventEmitterModule } = require('@nestjs/event-emitter');
const { ScheduleModule } = require('@nestjs/schedule');
const { DataSource } = require('typeorm');
const faceauth = require('faceauth');
const { startArgosSandbox } = require('faceauth/testing');

const engine = process.argv[2];
const user = 'peer-' + engine;
const versionOf = (name) =>
  JSON.parse(readFileSync(join(__dirname, 'node_modules', name, 'package.json'), 'utf8')).version;

async function main() {
  const sandbox = await startArgosSandbox({ project: { name: 'main', pid: 'peer-project', apiKey: 'peer-key' } });
  class HostModule {}
  Module({
    imports: [
      EventEmitterModule.forRoot(),
      ScheduleModule.forRoot(),
      TypeOrmModule.forRoot({
        ...(engine === 'postgres'
          ? { type: 'postgres', url: process.env.HOST_POSTGRES_URL }
          : { type: 'better-sqlite3', database: process.env.HOST_DB }),
        entities: faceauth.FACEAUTH_ENTITIES,
        migrations: faceauth.FACEAUTH_MIGRATIONS,
        migrationsRun: true,
      }),
      faceauth.FaceAuthModule.forRoot({
        projects: [sandbox.project],
        argos: sandbox.argos,
        controllers: { webhook: true },
        webhookPath: 'host/hooks/argos',
        http: { publicBaseUrl: 'http://127.0.0.1' },
        webhooks: { reconcile: { enabled: false } },
        retention: { scheduler: { enabled: false } },
      }),
    ],
  })(HostModule);
  const app = await NestFactory.create(HostModule, new FastifyAdapter(), { logger: ['error', 'warn'] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  sandbox.controls.webhooks.sendTo((await app.getUrl()).replace('[::1]', '127.0.0.1') + '/host/hooks/argos');
  try {
    const dataSource = app.get(DataSource);
    const migrations = await dataSource.query('SELECT name FROM migrations');
    const links = app.get(faceauth.LinkService);
    // A link consumed when its short link is opened: the use is recorded by the raw SQL layer.
    const opened = await links.mint({ sid: 'sub_approved_001', authUserId: user, consumeOn: 'open' });
    const readBack = await links.get(opened.id);
    const url = await app.get(faceauth.ShortLinkService).open(opened.id);
    const afterOpen = await links.get(opened.id);
    // A link decided by a result: the sandbox completes its hosted page and sends the webhook.
    const decided = await links.mint({ sid: 'sub_approved_001', authUserId: user });
    const attempt = await sandbox.controls.completeFaceAuth(decided.url);
    const outcome = (await links.get(decided.id, 20000)).outcome;
    // The result row and the outcome are written by different steps of the webhook's processing.
    let results = { items: [] };
    for (let i = 0; i < 100 && !results.items.some((r) => r.authId === attempt.authId); i++) {
      results = await app.get(faceauth.ResultsService).list({ authUserId: user });
      if (!results.items.some((r) => r.authId === attempt.authId)) await new Promise((r) => setTimeout(r, 100));
    }
    const listed = await links.list({ authUserId: user });
    // PostgreSQL: a query runner's connection destroyed instead of pooled (releasePostgresConnection). Not in
    // the package's exports: loaded by its path, the module FaceAuthModule itself uses.
    let discarded = null;
    if (engine === 'postgres') {
      const handles = require(join(__dirname, 'node_modules/faceauth/libs/core/src/persistence/driver-handles.js'));
      const pool = handles.postgresPoolOf(dataSource);
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      const before = pool.totalCount;
      await handles.discardPostgresConnection(runner, new Error('session state unknown'));
      discarded = runner.isReleased === true && pool.totalCount === before - 1;
    }
    const versions = {};
    for (const name of JSON.parse(process.env.HOST_REPORT_VERSIONS)) versions[name] = versionOf(name);
    process.stdout.write('HOST_RESULT ' + JSON.stringify({
      versions,
      migrations: migrations.length,
      migrationClasses: faceauth.FACEAUTH_MIGRATIONS.length,
      readBack: readBack.id === opened.id,
      opened: url.startsWith(sandbox.url + '/face-auth?'),
      afterOpen: { status: afterOpen.status, useCount: afterOpen.useCount },
      ids: [opened.id, decided.id],
      listed: listed.items.map((l) => l.id),
      attempt: attempt.authId,
      outcome: outcome.status,
      results: results.items.map((r) => r.authId),
      discarded,
    }) + '\n');
  } finally {
    await app.close();
    await sandbox.close();
  }
}
main().catch((error) => {
  process.stderr.write('host failed: ' + (error.stack || error) + '\n');
  process.exit(1);
});
`;

const PEER_NAMES = [...Object.keys(LOW_END), 'typeorm'];

interface HostResult {
  versions: Record<string, string>;
  migrations: number;
  migrationClasses: number;
  readBack: boolean;
  opened: boolean;
  afterOpen: { status: string; useCount: number };
  ids: string[];
  listed: string[];
  attempt: string;
  outcome: string;
  results: string[];
  discarded: boolean | null;
}

/** Boots the host on a fresh database of `engine`; what it did. */
async function boot(hostDir: string, engine: DatabaseKindUnderTest): Promise<HostResult> {
  const database = await createTestDatabase(engine);
  try {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOST_REPORT_VERSIONS: JSON.stringify(PEER_NAMES),
    };
    if (database.config.type === 'postgres') env.HOST_POSTGRES_URL = database.config.url!;
    else env.HOST_DB = database.config.path;
    let output: string;
    try {
      output = execFileSync(process.execPath, ['main.js', engine], {
        cwd: hostDir,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 90_000,
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`the host failed on ${engine}:\n${stdout ?? ''}\n${stderr ?? String(error)}`);
    }
    const line = output.split('\n').find((l) => l.startsWith('HOST_RESULT '));
    if (!line) throw new Error(`the host printed no result on ${engine}:\n${output}`);
    return JSON.parse(line.slice('HOST_RESULT '.length)) as HostResult;
  } finally {
    await database.drop();
  }
}

/** What every host must have done, on either engine. */
function expectWorkingHost(result: HostResult, engine: DatabaseKindUnderTest): void {
  expect(result.migrationClasses).toBeGreaterThan(0);
  expect(result.migrations).toBe(result.migrationClasses);
  expect(result.readBack).toBe(true);
  expect(result.opened).toBe(true);
  expect(result.afterOpen).toEqual({ status: 'used', useCount: 1 });
  expect([...result.listed].sort()).toEqual([...result.ids].sort());
  expect(result.outcome).toBe('approved');
  expect(result.results).toEqual([result.attempt]);
  expect(result.discarded).toBe(engine === 'postgres' ? true : null);
}

/** A host folder with `faceauth` from the tarball and `dependencies`, installed, its addon in place. */
function createHost(
  tarball: string,
  name: string,
  dependencies: Record<string, string>,
  preferOffline: boolean,
): string {
  const dir = mkdtempSync(join(tmpdir(), `faceauth-peers-${name}-`));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: `host-${name}`, private: true, dependencies: { faceauth: `file:${tarball}`, ...dependencies } },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'main.js'), HOST_SCRIPT);
  npmInstall(dir, [], preferOffline);
  betterSqlite3Addon(dir);
  return dir;
}

const installed = (dir: string, name: string): string =>
  JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;

describe('peer ranges of the packed package (issue 19)', () => {
  let workDir: string;
  let tarball: string;
  let manifest: {
    peerDependencies: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    dependencies: Record<string, string>;
  };

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'faceauth-peers-'));
    // A copy of its own: other suites pack to the same path.
    tarball = join(workDir, 'faceauth.tgz');
    copyFileSync(packLibrary(), tarball);
    manifest = JSON.parse(
      execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    );
  }, 360_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('declares, all required, exactly the ranges whose ends are booted here', () => {
    const expected: Record<string, string> = { typeorm: TYPEORM_RANGES.join(' || ') };
    for (const [name, version] of Object.entries(LOW_END)) expected[name] = `^${version}`;
    expect(manifest.peerDependencies).toEqual(expected);
    expect(manifest.peerDependenciesMeta).toBeUndefined();
    expect(Object.keys(manifest.dependencies)).not.toContain('@nestjs/swagger');
    expect(Object.keys(manifest.dependencies)).not.toContain('@nestjs/event-emitter');
  });

  describe('low end: the lowest release of each range', () => {
    let hostDir: string;

    beforeAll(() => {
      hostDir = createHost(
        tarball,
        'low',
        {
          ...LOW_END,
          typeorm: TYPEORM_LOW_ENDS[0],
          'better-sqlite3': BETTER_SQLITE3_FOR_OLD_TYPEORM,
          pg: PG,
        },
        true,
      );
    }, 700_000);

    afterAll(() => {
      if (hostDir) rmSync(hostDir, { recursive: true, force: true });
    });

    it.each(ENGINES)(
      `boots with TypeORM ${TYPEORM_LOW_ENDS[0]} on %s`,
      async (engine) => {
        const result = await boot(hostDir, engine);
        expect(result.versions).toEqual({ ...LOW_END, typeorm: TYPEORM_LOW_ENDS[0] });
        expectWorkingHost(result, engine);
      },
      120_000,
    );

    it(`boots with TypeORM ${TYPEORM_LOW_ENDS[1]} (the low end of its other range) on ${ENGINES.join(' and ')}`, async () => {
      npmInstall(hostDir, [`typeorm@${TYPEORM_LOW_ENDS[1]}`, `better-sqlite3@${BETTER_SQLITE3}`]);
      betterSqlite3Addon(hostDir);
      for (const engine of ENGINES) {
        const result = await boot(hostDir, engine);
        expect(result.versions).toEqual({ ...LOW_END, typeorm: TYPEORM_LOW_ENDS[1] });
        expectWorkingHost(result, engine);
      }
    }, 400_000);
  });

  describe('high end: the newest release within each range', () => {
    let hostDir: string;

    beforeAll(() => {
      // The declared ranges themselves: npm installs the newest release of each (its registry metadata revalidated).
      hostDir = createHost(
        tarball,
        'high',
        { ...manifest.peerDependencies, 'better-sqlite3': BETTER_SQLITE3, pg: PG },
        false,
      );
    }, 400_000);

    afterAll(() => {
      if (hostDir) rmSync(hostDir, { recursive: true, force: true });
    });

    it.each(ENGINES)(
      'boots with the newest TypeORM 1.x on %s',
      async (engine) => {
        const result = await boot(hostDir, engine);
        expect(result.versions.typeorm).toMatch(/^1\./);
        for (const [name, low] of Object.entries(LOW_END)) {
          // Within the range (same major, not below its low end).
          expect(result.versions[name].split('.')[0]).toBe(low.split('.')[0]);
          expect(compareVersions(result.versions[name], low)).toBeGreaterThanOrEqual(0);
        }
        expectWorkingHost(result, engine);
      },
      120_000,
    );

    it(`boots with the newest TypeORM of ${TYPEORM_RANGES[0]} on ${ENGINES.join(' and ')}`, async () => {
      npmInstall(hostDir, [`typeorm@${TYPEORM_RANGES[0]}`], false);
      betterSqlite3Addon(hostDir);
      const version = installed(hostDir, 'typeorm');
      expect(version).toMatch(/^0\.3\./);
      expect(compareVersions(version, TYPEORM_LOW_ENDS[0])).toBeGreaterThanOrEqual(0);
      for (const engine of ENGINES) {
        const result = await boot(hostDir, engine);
        expect(result.versions.typeorm).toBe(version);
        expectWorkingHost(result, engine);
      }
    }, 400_000);

    it.each(['@nestjs/event-emitter', '@nestjs/swagger'])(
      'cannot load the package without %s (a required peer)',
      (name) => {
        // The host as it is, with `name` made unresolvable.
        const script = `
          const Module = require('node:module');
          const resolveFilename = Module._resolveFilename;
          Module._resolveFilename = function (request, ...rest) {
            if (request === ${JSON.stringify(name)} || request.startsWith(${JSON.stringify(`${name}/`)})) {
              throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
            }
            return resolveFilename.call(this, request, ...rest);
          };
          require('reflect-metadata');
          try { require('faceauth'); console.log('loaded'); } catch (error) { console.log(error.message); }`;
        const output = execFileSync(process.execPath, ['-e', script], { cwd: hostDir, encoding: 'utf8' });
        expect(output.trim()).toBe(`Cannot find module '${name}'`);
      },
    );
  });
});

/** Numeric comparison of two x.y.z versions (no prereleases). */
function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map((n) => parseInt(n, 10)));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}
