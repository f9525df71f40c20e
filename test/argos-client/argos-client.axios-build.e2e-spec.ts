import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ArgosErrorCode } from '@faceauth/argos-client';

// Real dependencies: a plain Node process, as the built service runs, where Nest and @nestjs/axios load as ES
// modules through require(esm). Under Jest every node_modules file is compiled to CommonJS, so both sides of
// the dual-build problem would be axios' CJS build there and nothing would be proven. The child compiles
// only this repo's TypeScript (swc, the repo's .swcrc) and maps the @faceauth/* aliases; node_modules load
// natively.

const ROOT = join(__dirname, '../..');
const PROBE_FILE = join(__dirname, 'support/axios-build.probe.ts');

const BOOTSTRAP = `
'use strict';
require('reflect-metadata');
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');
const root = process.env.PROBE_ROOT;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@faceauth\\/([a-z-]+)$/.exec(request);
  const target =
    alias === null ? request : join(root, alias[1] === 'module' ? 'src' : join('libs', alias[1], 'src'));
  return resolveFilename.call(this, target, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  module._compile(transformSync(readFileSync(filename, 'utf8'), { filename, cwd: root }).code, filename);
};
(async () => {
  const esmAxios = await import('axios');
  const { report, thrown } = await require(process.env.PROBE_FILE).probeAxiosBuild(esmAxios);
  const cjsAxios = require('axios');
  const contrast = {
    thrownIsCjsAxiosError: thrown instanceof cjsAxios.AxiosError,
    cjsIsEsm: cjsAxios === esmAxios.default,
  };
  process.stdout.write(JSON.stringify({ ...report, ...contrast }) + '\\n');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

describe('one axios build in plain Node (@nestjs/axios HttpService on the request path)', () => {
  it('calls Argos through the HttpService axios (ESM build) and never loads the CommonJS build', () => {
    const stdout = execFileSync(process.execPath, ['-e', BOOTSTRAP], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        PROBE_ROOT: ROOT,
        PROBE_FILE,
        NODE_NO_WARNINGS: '1',
      },
      timeout: 60_000,
    });
    const report: unknown = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(report).toEqual({
      httpServiceAxiosIsEsmBuild: true,
      clientUsedHttpServiceAxios: true,
      thrownIsEsmAxiosError: true,
      moduleClientCode: ArgosErrorCode.UNAVAILABLE,
      standaloneClientCode: ArgosErrorCode.UNAVAILABLE,
      cjsAxiosLoaded: false,
      // Loaded on purpose after the calls: plain Node does hold two axios builds, so the checks above matter.
      thrownIsCjsAxiosError: false,
      cjsIsEsm: false,
    });
  });
});
