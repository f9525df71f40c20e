#!/usr/bin/env node
/**
 * `npm run pack:lib`: builds the embeddable library (`nest build lib` → dist/lib), writes its package.json and
 * packs it. The published package holds the built files only: `faceauth` (FaceAuthModule and everything a
 * host injects), `faceauth/encryption` (the Nest-free crypto, usable from plain Node) and `faceauth/testing`
 * (the in-process Argos sandbox for a host's tests). Its dependencies are read from what the built code
 * requires; Nest, TypeORM and RxJS are peer dependencies (the host's copy), in the ranges of PEER_RANGES.
 * Prints the tarball path on the last line.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync, statSync, writeFileSync, copyFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { builtinModules } = require('node:module');

const root = join(__dirname, '..');
const out = join(root, 'dist/lib');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/**
 * Issue 19: the peers say what the tests prove, not the versions this checkout happens to use. Each range
 * starts at the version test/embedding/peer-ranges.e2e-spec.ts installs in its "low end" host and boots on
 * SQLite and PostgreSQL; its "high end" host installs the newest release within each range. The test fails
 * when this table and the versions it installs disagree. Why the low ends are where they are:
 * - @nestjs/core 12.0.0 asks for @nestjs/common ^11 (its peerDependencies), so npm refuses it beside any
 *   @nestjs/common 12: 12.0.1.
 * - @nestjs/typeorm 12.0.0 exports its entry for `import` only: the package's `require()` of it fails
 *   (ERR_PACKAGE_PATH_NOT_EXPORTED): 12.0.1.
 * - @nestjs/platform-fastify before 12.1.0 has no `multipart` option, which the Argos sandbox of
 *   `faceauth/testing` uses (its hosted page then answers 415): 12.1.0.
 * - TypeORM: 0.3.20 to 0.3.x and 1.x; the raw SQL layer checks the same (driver-handles.ts) and refuses 0.3
 *   before 0.3.20, whose driver internals were not checked.
 * @nestjs/event-emitter and @nestjs/swagger are required peers: the built code `require()`s both when it
 * loads (EventEmitter2 is the type of the optional injected emitter; the admin API's DTOs and controllers
 * carry swagger decorators), so a host without either cannot load the package.
 */
const PEER_RANGES = {
  '@nestjs/common': '^12.0.0',
  '@nestjs/core': '^12.0.1',
  '@nestjs/event-emitter': '^12.0.0',
  '@nestjs/platform-fastify': '^12.1.0',
  '@nestjs/schedule': '^12.0.0',
  '@nestjs/swagger': '^12.0.0',
  '@nestjs/typeorm': '^12.0.1',
  typeorm: '^0.3.20 || ^1.0.0',
  rxjs: '^7.2.0',
  'reflect-metadata': '^0.2.1',
};
/**
 * Packages the built code needs without a `require()` of its own: a peer loads them on its behalf. The
 * Argos sandbox behind `faceauth/testing` starts Fastify with `multipart: true`, and @nestjs/platform-fastify
 * then imports @fastify/multipart (an optional peer of its own), which a host without uploads lacks.
 */
const LOADED_BY_PEERS = [{ name: '@fastify/multipart', usedWhere: /\bmultipart: true\b/ }];

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'lib'], {
    cwd: root,
    stdio: 'inherit',
  });
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const required = new Set();
for (const file of files(out).filter((f) => f.endsWith('.js'))) {
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/require\("([^".][^"]*)"\)/g)) {
    if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
    required.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  for (const { name, usedWhere } of LOADED_BY_PEERS) if (usedWhere.test(code)) required.add(name);
}
const versionOf = (name) => {
  const version = rootPackage.dependencies?.[name] ?? rootPackage.devDependencies?.[name];
  if (!version) throw new Error(`the library requires ${name}, which package.json does not declare`);
  return version;
};
const dependencies = {};
const peerDependencies = {};
for (const name of [...required, 'reflect-metadata'].sort()) {
  if (name in PEER_RANGES) peerDependencies[name] = PEER_RANGES[name];
  else dependencies[name] = versionOf(name);
}
for (const name of Object.keys(PEER_RANGES)) {
  if (!(name in peerDependencies))
    throw new Error(`${name} is a declared peer, but the built code never requires it`);
}
const entry = (path) => ({ types: `./${path}.d.ts`, default: `./${path}.js` });
const manifest = {
  name: rootPackage.name,
  version: rootPackage.version,
  description: rootPackage.description,
  license: rootPackage.license,
  engines: rootPackage.engines,
  main: './src/index.js',
  types: './src/index.d.ts',
  exports: {
    '.': entry('src/index'),
    './encryption': entry('libs/encryption/src/plain'),
    './encryption/nest': entry('libs/encryption/src/index'),
    './argos-client': entry('libs/argos-client/src/index'),
    './token-policy': entry('libs/token-policy/src/index'),
    './webhook': entry('libs/webhook/src/index'),
    './testing': entry('libs/testing/src/index'),
    './package.json': './package.json',
  },
  files: ['src', 'libs', 'README.md'],
  dependencies,
  // No peerDependenciesMeta: every peer is required (the package does not load without any of them).
  peerDependencies,
};
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(join(root, 'README.md'), join(out, 'README.md'));
const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', join(root, 'dist')], {
  cwd: out,
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .pop();
process.stdout.write(`${relative(process.cwd(), join(root, 'dist', tarball)) || tarball}\n`);
