import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * A fresh host application with the packed library installed from its tarball, as a user installs it: the
 * helpers of the embedding suites (test/embedding/*.e2e-spec.ts that build hosts outside this checkout).
 */
export const ROOT = resolve(__dirname, '../../..');

/** What a host installs next to `faceauth`: its peers, @nestjs/config and the SQLite driver. */
export const HOST_PEERS = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/platform-fastify',
  '@nestjs/typeorm',
  '@nestjs/event-emitter',
  '@nestjs/schedule',
  '@nestjs/config',
  'typeorm',
  'rxjs',
  'reflect-metadata',
  'better-sqlite3',
];

const ROOT_PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const versionOf = (name: string): string =>
  ROOT_PACKAGE.dependencies[name] ?? ROOT_PACKAGE.devDependencies[name];

/** `npm run pack:lib`: builds and packs the library; the tarball's absolute path. */
export function packLibrary(): string {
  const lines = execFileSync(process.execPath, [join(ROOT, 'scripts/pack-lib.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  })
    .trim()
    .split('\n');
  return resolve(ROOT, lines[lines.length - 1]);
}

/**
 * npm, offline where it can (every package is in the local cache after `npm ci`; `preferOffline: false` to
 * see the newest releases). Install scripts are skipped: better-sqlite3's native addon is put in place by the
 * caller (copied from this checkout: same version, same Node) instead of compiled.
 */
export function npmInstall(dir: string, extra: string[] = [], preferOffline = true): void {
  execFileSync(
    'npm',
    [
      'install',
      ...(preferOffline ? ['--prefer-offline'] : []),
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...extra,
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 240_000 },
  );
}

/**
 * A new host folder in the temporary directory: its own package.json (`faceauth` from the tarball, the
 * packages named, at this checkout's versions), installed, with better-sqlite3's native addon in place.
 */
export function createPackedHost(tarball: string, packages: string[] = HOST_PEERS): string {
  const dir = mkdtempSync(join(tmpdir(), 'faceauth-host-'));
  const dependencies: Record<string, string> = { faceauth: `file:${tarball}` };
  for (const name of packages) dependencies[name] = versionOf(name);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'host-app', private: true, dependencies }, null, 2),
  );
  npmInstall(dir);
  if (packages.includes('better-sqlite3')) {
    const addon = 'better-sqlite3/build/Release/better_sqlite3.node';
    mkdirSync(dirname(join(dir, 'node_modules', addon)), { recursive: true });
    copyFileSync(join(ROOT, 'node_modules', addon), join(dir, 'node_modules', addon));
  }
  return dir;
}

/** `nest new`'s tsconfig.json (Nest 12), for an app in `appDir` whose node_modules may be a level up. */
export function writeScaffoldTsconfig(appDir: string): void {
  writeFileSync(
    join(appDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        resolvePackageJsonExports: true,
        esModuleInterop: true,
        isolatedModules: true,
        declaration: true,
        removeComments: true,
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
        allowSyntheticDefaultImports: true,
        target: 'ES2023',
        outDir: './dist',
        rootDir: './src',
        skipLibCheck: true,
        strictNullChecks: true,
        noImplicitAny: false,
        // The scaffold's @types/node, from this checkout.
        typeRoots: [join(ROOT, 'node_modules/@types')],
        types: ['node'],
      },
      include: ['src/**/*'],
    }),
  );
}

/** `tsc -p appDir` with this checkout's TypeScript; its diagnostics ('' when it compiled). */
export function compileWithTsc(appDir: string): string {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', appDir], { encoding: 'utf8', timeout: 120_000 });
    return '';
  } catch (error) {
    return (error as { stdout?: string }).stdout || String(error);
  }
}

/** The section of README.md whose example a fresh host is built from. */
export const README_EXAMPLE_SECTION = 'Use it in your own Nest app';

/**
 * The files of the README's example: each ```ts block of the section "Use it in your own Nest app" whose
 * first line names its file (`// src/main.ts`), by that path. Throws, naming it, when a required file has no
 * block.
 */
export function readmeExampleFiles(
  required: string[] = ['src/main.ts', 'src/app.module.ts'],
): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${README_EXAMPLE_SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${README_EXAMPLE_SECTION}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const files = new Map<string, string>();
  for (const [, code] of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const path = /^\/\/ (src\/[\w./-]+\.ts)\n/.exec(code)?.[1];
    if (path) files.set(path, code);
  }
  for (const path of required) {
    if (!files.has(path))
      throw new Error(
        `README.md, "## ${README_EXAMPLE_SECTION}": no \`\`\`ts block whose first line is \`// ${path}\``,
      );
  }
  return files;
}

/** Writes the README's example into `appDir` (src/…) with the scaffold's tsconfig.json. */
export function writeReadmeExample(appDir: string): string[] {
  const files = readmeExampleFiles();
  for (const [path, code] of files) {
    mkdirSync(dirname(join(appDir, path)), { recursive: true });
    writeFileSync(join(appDir, path), code);
  }
  writeScaffoldTsconfig(appDir);
  return [...files.keys()];
}
