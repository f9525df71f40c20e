import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, json } from '../support/sandbox-journey';
import {
  compileWithTsc,
  createPackedHost,
  npmInstall,
  packLibrary,
  writeReadmeExample,
} from './support/packed-host';

/**
 * Issue 9: the packed library installed into a fresh host application (its own package.json and DataSource),
 * configured with forRoot and with forRootAsync; and the encryption subpath used from plain Node. Issue 19: the
 * host's Argos is the in-process sandbox of the installed `faceauth/testing`.
 */
describe('faceauth as a library installed from its npm tarball', () => {
  let tarball: string;
  let hostDir: string;
  let plainDir: string;

  beforeAll(() => {
    tarball = packLibrary();
    hostDir = createPackedHost(tarball);
    copyFileSync(join(__dirname, 'fixtures/host-main.js'), join(hostDir, 'main.js'));
  }, 600_000);

  afterAll(async () => {
    for (const dir of [hostDir, plainDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packs the built files only, with Nest and TypeORM as peer dependencies', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/src/index.js');
    expect(listing).toContain('package/src/index.d.ts');
    expect(listing).toContain('package/libs/encryption/src/plain.js');
    expect(listing).toContain('package/libs/testing/src/index.js');
    expect(listing).toContain('package/libs/testing/src/index.d.ts');
    expect(listing.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(listing.filter((f) => /spec|test\//.test(f))).toEqual([]);
    const manifest = JSON.parse(
      execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    );
    expect(Object.keys(manifest.peerDependencies)).toEqual(
      expect.arrayContaining(['@nestjs/common', '@nestjs/core', 'typeorm', 'rxjs']),
    );
    expect(Object.keys(manifest.dependencies)).not.toContain('@nestjs/common');
    expect(manifest.exports['./encryption']).toEqual({
      types: './libs/encryption/src/plain.d.ts',
      default: './libs/encryption/src/plain.js',
    });
    expect(manifest.exports['./testing']).toEqual({
      types: './libs/testing/src/index.d.ts',
      default: './libs/testing/src/index.js',
    });
    // The sandbox's Fastify loads it through @nestjs/platform-fastify, with no require() of its own.
    expect(Object.keys(manifest.dependencies)).toContain('@fastify/multipart');
  });

  it("compiles the README's embedding example as written, with the Nest 12 scaffold's compiler settings", () => {
    // Every file of the example (`// src/….ts` blocks), with `nest new`'s tsconfig.json (Nest 12); the host's
    // node_modules one level up.
    const appDir = join(hostDir, 'readme-example');
    expect(writeReadmeExample(appDir)).toEqual(expect.arrayContaining(['src/main.ts', 'src/app.module.ts']));
    const diagnostics = compileWithTsc(appDir);
    expect(diagnostics).toBe('');
  });

  it.each(['sync', 'async'])(
    'boots a host configured with %s options against the sandbox of faceauth/testing, mints through the exported service, takes the webhook on its own route and calls its handler',
    async (mode) => {
      const child: ChildProcess = spawn(process.execPath, ['main.js', mode], {
        cwd: hostDir,
        env: {
          PATH: process.env.PATH,
          HOST_DB: join(hostDir, `${mode}.sqlite`),
          SANDBOX_PID: 'host-project',
          SANDBOX_KEY: 'host-project-key',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
      try {
        // The host prints its URL and that of the sandbox it started in-process.
        const [, host, sandboxUrl] = await eventually(
          async () =>
            /HOST_READY (\S+) (\S+)/.exec(output) ??
            (child.exitCode !== null ? Promise.reject(new Error(output)) : null),
          60_000,
        );
        const link = await json(
          await fetch(`${host}/host/mint`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ sid: 'sub_approved_001', authUserId: `host-${mode}` }),
          }),
        );
        expect(link.url.startsWith(`${sandboxUrl}/face-auth?pid=host-project&encrypted=`)).toBe(true);
        // The person on the hosted page, played by the sandbox's typed controls inside the host.
        const attempt = await json(
          await fetch(`${host}/host/sandbox/complete`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ url: link.url }),
          }),
        );
        expect(attempt).toEqual({ authId: expect.any(String), status: 'approved', failCodes: [] });
        const events = await eventually(async () => {
          const seen = await json(await fetch(`${host}/host/events`));
          return seen.authIds.includes(attempt.authId) ? seen : null;
        });
        expect(events.argosProjects).toEqual(['main']);
        expect((await fetch(`${host}/v1/links`)).status).toBe(404); // admin controllers were not mounted
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.on('exit', r)));
      }
    },
    120_000,
  );

  it('serves faceauth/encryption to a plain Node script with no Nest installed', () => {
    plainDir = mkdtempSync(join(tmpdir(), 'faceauth-plain-'));
    writeFileSync(
      join(plainDir, 'package.json'),
      JSON.stringify({ name: 'plain', private: true, dependencies: { faceauth: `file:${tarball}` } }),
    );
    npmInstall(plainDir, ['--legacy-peer-deps']);
    const script = `
      let nest = 'absent';
      try { require.resolve('@nestjs/common'); nest = 'present'; } catch {}
      const { FaceAuthUrlBuilder, deriveKey, ARGOS_TEST_VECTOR, createQueryCipher } = require('faceauth/encryption');
      const cipher = createQueryCipher({ cipher: 'aes-256-ecb', key: deriveKey(ARGOS_TEST_VECTOR.keyString) });
      const url = new FaceAuthUrlBuilder({ pid: 'p', key: deriveKey('k') }).build({ sid: 's', token: 'tok_00000001' });
      console.log(JSON.stringify({ nest, vector: cipher.encrypt(ARGOS_TEST_VECTOR.plaintext) === ARGOS_TEST_VECTOR.ciphertext, url }));`;
    const result = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: plainDir, encoding: 'utf8' }),
    );
    expect(result.nest).toBe('absent');
    expect(result.vector).toBe(true);
    expect(result.url).toMatch(/^https:\/\/form\.argosidentity\.com\/face-auth\?pid=p&encrypted=/);
    expect(readFileSync(join(plainDir, 'node_modules/faceauth/package.json'), 'utf8')).toContain(
      '"./encryption"',
    );
  }, 300_000);
});
