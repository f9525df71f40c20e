#!/usr/bin/env node
/**
 * `npm start`: the one-command demo. Builds what is missing, then runs the Argos sandbox and the faceauth
 * API wired together (the API's Argos URLs, pid and key point at the sandbox; the sandbox's webhook URL
 * points at the API), and prints what to do next. Ctrl-C stops both.
 *
 * Environment: PORT (API, default 3000), SANDBOX_PORT (default 4010); every other API setting as in the
 * README. With FACEAUTH_* set, the API talks to those projects instead and the sandbox is not started.
 */
'use strict';
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const API_MAIN = join(root, 'dist/apps/api/apps/api/src/main.js');
const SANDBOX_MAIN = join(root, 'dist/apps/argos-sandbox/apps/argos-sandbox/src/main.js');
const apiPort = process.env.PORT || '3000';
const sandboxPort = process.env.SANDBOX_PORT || '4010';
const useSandbox =
  !process.env.FACEAUTH_PROJECTS && !process.env.FACEAUTH_PID && !process.env.FACEAUTH_API_KEY;
const children = [];

function build(project) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', project], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`nest build ${project} failed (${code})`)),
    );
  });
}

function run(name, main, env) {
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let pending = '';
  const onData = (stream) => (chunk) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const key = /Development admin key \(shown once, store it now\): (\S+)/.exec(line);
      if (key) adminKey = key[1];
      stream.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout.on('data', onData(process.stdout));
  child.stderr.on('data', onData(process.stderr));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`[${name}] exited (${signal || code}); stopping.\n`);
      stop(code || 1);
    }
  });
  return child;
}

async function waitFor(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

let adminKey = null;
let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3_000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function main() {
  const missing = [
    !existsSync(API_MAIN) && 'api',
    useSandbox && !existsSync(SANDBOX_MAIN) && 'argos-sandbox',
  ].filter(Boolean);
  if (process.argv.includes('--build'))
    missing.splice(0, missing.length, 'api', ...(useSandbox ? ['argos-sandbox'] : []));
  if (missing.length > 0) {
    process.stdout.write(`Building ${missing.join(' and ')} (first start only)…\n`);
    await Promise.all(missing.map(build));
  }
  const api = `http://127.0.0.1:${apiPort}`;
  const sandbox = `http://127.0.0.1:${sandboxPort}`;
  if (useSandbox) {
    run('sandbox', SANDBOX_MAIN, {
      SANDBOX_PORT: sandboxPort,
      SANDBOX_WEBHOOK_URL: process.env.SANDBOX_WEBHOOK_URL || `${api}/webhooks/argos`,
    });
    await waitFor(`${sandbox}/__sandbox`);
  }
  run('api', API_MAIN, {
    PORT: apiPort,
    ...(useSandbox ? { ARGOS_API_BASE_URL: `${sandbox}/v3`, ARGOS_FORM_URL: `${sandbox}/face-auth` } : {}),
  });
  await waitFor(`${api}/health`);
  const receiver = useSandbox && adminKey ? await registerSandboxReceiver(api, sandbox, adminKey) : null;
  const key = adminKey || '<the admin key printed on the first start, or one from `faceauth keys create`>';
  process.stdout.write(`
────────────────────────────────────────────────────────────────────────
faceauth is running${useSandbox ? ' against the local Argos sandbox' : ''}.
  API docs:        ${api}/docs
  Admin key:       ${key}
Mint a link for the seeded approved submission:
  curl -s -X POST ${api}/v1/links -H 'authorization: Bearer ${key}' \\
       -H 'content-type: application/json' -d '{"sid":"sub_approved_001","authUserId":"demo-user"}'
Open its "shortUrl" in a browser, press "Use the reference photo", then list the result:
  curl -s ${api}/v1/results -H 'authorization: Bearer ${key}'
${
  receiver
    ? `The link's outcome arrives as a signed webhook at the sandbox (verified there):
  curl -s ${receiver}`
    : 'Signed outcome webhooks: register an endpoint with POST /v1/notification-endpoints (see docs/webhooks.md).'
}
Ctrl-C stops everything.
────────────────────────────────────────────────────────────────────────
`);
}

/**
 * The demo's outbound webhooks: the sandbox's receiver registered as the company's endpoint (reused on a
 * later start, its secret rotated so that the sandbox learns it) and told the secret, so that the demo shows
 * each outcome arriving, signed and verified. Returns the receiver's listing URL, or null if that failed.
 */
async function registerSandboxReceiver(api, sandbox, key) {
  const url = `${sandbox}/__sandbox/outbound`;
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  try {
    const endpoints = await (await fetch(`${api}/v1/notification-endpoints`, { headers })).json();
    const existing = Array.isArray(endpoints) ? endpoints.find((e) => e.url === url) : undefined;
    const res = existing
      ? await fetch(`${api}/v1/notification-endpoints/${existing.id}/rotate-secret`, {
          method: 'POST',
          headers,
        })
      : await fetch(`${api}/v1/notification-endpoints`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ url, description: 'npm start demo: the sandbox receiver' }),
        });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { secret } = await res.json();
    const told = await fetch(`${url}/secret`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret }),
    });
    if (!told.ok) throw new Error(`sandbox answered ${told.status}`);
    return url;
  } catch (error) {
    process.stderr.write(`Could not register the sandbox as a webhook endpoint: ${error.message}\n`);
    return null;
  }
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  stop(1);
});
