// Preloaded with `node --require` by fast-path.e2e-spec.ts: the process dies with exit status 99 and a
// NEST_LOADED line the moment anything requires Nest or nest-commander, so a fast path that boots Nest fails.
'use strict';
const Module = require('node:module');

const NEST = /^(@nestjs\/|nest-commander(\/|$))/;
const load = Module._load;
Module._load = function loadWithoutNest(request, ...rest) {
  if (NEST.test(request)) {
    process.stderr.write(`NEST_LOADED ${request}\n`);
    process.exit(99);
  }
  return load.call(this, request, ...rest);
};
