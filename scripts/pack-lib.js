#!/usr/bin/env node
/**
 * `npm run pack:lib`: builds the embeddable library (`nest build lib` → dist/lib), writes its package.json and
 * packs it. The published package holds the built files only: `faceauth` (FaceAuthModule and everything a
 * host injects), `faceauth/encryption` (the Nest-free crypto, usable from plain Node) and `faceauth/testing`
 * (the in-process Argos sandbox for a host's tests). Its dependencies are read from what the built code
 * requires; Nest, TypeORM and RxJS are peer dependencies (the host's copy).
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
const PEERS = new Set([
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/typeorm',
  '@nestjs/schedule',
  '@nestjs/platform-fastify',
  'typeorm',
  'rxjs',
  'reflect-metadata',
]);
const OPTIONAL_PEERS = new Set(['@nestjs/event-emitter']);
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
  (PEERS.has(name) || OPTIONAL_PEERS.has(name) ? peerDependencies : dependencies)[name] = versionOf(name);
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
  peerDependencies,
  peerDependenciesMeta: Object.fromEntries(
    [...OPTIONAL_PEERS].filter((n) => n in peerDependencies).map((n) => [n, { optional: true }]),
  ),
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
