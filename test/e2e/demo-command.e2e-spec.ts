import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { completeHostedPage, eventually, json } from '../support/sandbox-journey';

const ROOT = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

/** `npm start` as a newcomer runs it: no configuration, the service and the sandbox wired together. */
describe('the one-command demo (scripts/start.js)', () => {
  let child: ChildProcess;
  let output = '';
  let dir: string;

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts both, prints an admin key and a curl, and the printed journey works; SIGTERM stops both', async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceauth-demo-'));
    const [apiPort, sandboxPort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, [join(ROOT, 'scripts/start.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: String(apiPort),
        SANDBOX_PORT: String(sandboxPort),
        SQLITE_PATH: join(dir, 'demo.sqlite'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    await eventually(async () => output.includes('Ctrl-C stops everything'), 60_000);

    const key = /Admin key:\s+(fak_\S+)/.exec(output)?.[1];
    expect(key).toBeDefined();
    expect(output).toContain(`curl -s -X POST http://127.0.0.1:${apiPort}/v1/links`);
    const api = `http://127.0.0.1:${apiPort}`;
    expect((await fetch(`${api}/docs`)).status).toBe(200);

    const mint = await fetch(`${api}/v1/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sid: 'sub_approved_001', authUserId: 'demo-user', authCf1: 'demo@example.com' }),
    });
    const link = await json(mint);
    const redirect = await fetch(link.shortUrl.replace('localhost', '127.0.0.1'), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const attempt = await completeHostedPage(redirect.headers.get('location')!);
    expect(attempt.status).toBe('approved');
    const stored = await eventually(async () => {
      const res = await fetch(`${api}/v1/results/${attempt.authId}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      return res.status === 200 ? json(res) : null;
    });
    // The demo's sandbox answers Argos' documented shapes (records without a person): the person and the link
    // come from our own link.
    expect(stored).toMatchObject({
      status: 'approved',
      authUserId: 'demo-user',
      cf1: 'demo@example.com',
      tokenId: link.token,
      linkId: link.id,
      identitySource: 'link',
    });
    const atSandbox = await json(
      await fetch(`http://127.0.0.1:${sandboxPort}/v3/faceauth?authId=${attempt.authId}`, {
        headers: { 'x-api-key': 'sandbox-api-key' },
      }),
    );
    const record = atSandbox[0].data[0];
    expect(record).not.toHaveProperty('user_id');
    expect(record).not.toHaveProperty('token_id');

    // The outcome arrives at the sandbox's receiver as a signed webhook, verified there.
    const receiver = `http://127.0.0.1:${sandboxPort}/__sandbox/outbound`;
    expect(output).toContain(`curl -s ${receiver}`);
    const outcome = await eventually(async () => {
      const received = (await json(await fetch(receiver))) as {
        type: string;
        verified: boolean;
        event: any;
      }[];
      return received.find((r) => r.type === 'faceauth.link.approved' && r.event.data.link.id === link.id);
    });
    expect(outcome).toMatchObject({
      verified: true,
      event: { data: { link: { outcome: { status: 'approved' } } } },
    });

    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
    await expect(fetch(`${api}/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${sandboxPort}/__sandbox`)).rejects.toThrow();
  });
});
