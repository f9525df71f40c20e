import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { eventually, json } from '../support/sandbox-journey';
import {
  compileWithTsc,
  createPackedHost,
  HOST_PEERS,
  packLibrary,
  writeReadmeExample,
} from './support/packed-host';

const PID = 'readme-project';
const API_KEY = 'readme-project-key';
const WEBHOOK_SECRET = 'readme-webhook-secret-0123456789';

/** A node process whose output is kept, with a way to wait for a line of it. */
class Child {
  output = '';
  readonly process: ChildProcess;

  constructor(args: string[], cwd: string, env: Record<string, string | undefined>) {
    this.process = spawn(process.execPath, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.process.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
  }

  /** The first match of `pattern` in the output; fails with the output when the process ends first. */
  waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
    return eventually(async () => {
      const match = pattern.exec(this.output);
      if (match) return match;
      if (this.process.exitCode !== null) throw new Error(`exited ${this.process.exitCode}:\n${this.output}`);
      return null;
    }, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message} (waiting for ${pattern}); output:\n${this.output}`);
    });
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers HTTP at all (any status); throws after `timeoutMs`. */
async function listening(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${url} is not listening: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Issue 19: a fresh host application built from the README's example alone ("Use it in your own Nest app",
 * each ```ts block named by its first line, `// src/main.ts`), with the packed tarball, `nest new`'s
 * tsconfig.json and nothing else. It compiles; then, on SQLite and on PostgreSQL, `node dist/main.js` boots
 * with the environment the README names, its Argos being the sandbox of the installed `faceauth/testing`
 * (test/embedding/fixtures/argos-sandbox.js, another node process): the host's own route answers without a
 * key, the host mints a link whose short URL resolves on the host, the person completes the hosted page, the
 * sandbox posts its webhook to the host's `webhookPath` and the example's `@OnFaceAuthOutcome()` handler logs.
 */
describe('the README example, built as a fresh host from the npm tarball', () => {
  let hostDir: string;
  let compiled = '';

  beforeAll(() => {
    hostDir = createPackedHost(packLibrary(), [...HOST_PEERS, 'pg']);
    copyFileSync(join(__dirname, 'fixtures/argos-sandbox.js'), join(hostDir, 'argos-sandbox.js'));
  }, 600_000);

  afterAll(() => {
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  it("compiles as written, with the Nest 12 scaffold's compiler settings", () => {
    expect(writeReadmeExample(hostDir).sort()).toEqual(
      expect.arrayContaining(['src/main.ts', 'src/app.module.ts', 'src/reauth.service.ts']),
    );
    compiled = compileWithTsc(hostDir);
    expect(compiled).toBe('');
  }, 120_000);

  describe.each(databasesUnderTest())('on %s', (kind) => {
    let database: TestDatabase;
    let sandbox: Child;
    let host: Child;
    let hostUrl: string;
    let sandboxUrl: string;
    let approvedSubmission: string;

    beforeAll(async () => {
      if (compiled !== '') throw new Error('the example did not compile');
      database = await createTestDatabase(kind);
      const port = await freePort();
      hostUrl = `http://127.0.0.1:${port}`;
      const base = { PATH: process.env.PATH, NO_COLOR: '1' };
      // Argos: the sandbox posts to the example's webhookPath, with the secret in the path.
      sandbox = new Child(
        ['argos-sandbox.js', PID, API_KEY, `${hostUrl}/integrations/argos/webhook/${WEBHOOK_SECRET}`],
        hostDir,
        base,
      );
      [, sandboxUrl, approvedSubmission] = await sandbox.waitFor(/SANDBOX_READY (\S+) (\S+)\n/);
      // The environment the README names, and nothing else.
      host = new Child(['dist/main.js'], hostDir, {
        ...base,
        PORT: String(port),
        PUBLIC_BASE_URL: hostUrl,
        ARGOS_PID: PID,
        ARGOS_KEY: API_KEY,
        ARGOS_WEBHOOK_SECRET: WEBHOOK_SECRET,
        ARGOS_API_BASE_URL: `${sandboxUrl}/v3`,
        ARGOS_FORM_URL: `${sandboxUrl}/face-auth`,
        ...(database.config.type === 'postgres'
          ? { DATABASE_URL: database.config.url }
          : { SQLITE_PATH: database.config.path }),
      });
      await host.waitFor(/Nest application successfully started/, 60_000);
      // Nest logs that line at init, before the server listens: wait for the port itself.
      await listening(hostUrl, 30_000);
    }, 120_000);

    afterAll(async () => {
      await host?.stop();
      await sandbox?.stop();
      await database?.drop();
    });

    it("answers the host's own unguarded route with 200, no key", async () => {
      const res = await fetch(`${hostUrl}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('Hello World!');
    });

    it('mints a link whose short URL resolves on the host; the outcome of the hosted page reaches its handler', async () => {
      const minted = await fetch(`${hostUrl}/reauth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: `readme-${kind}`, submissionId: approvedSubmission }),
      });
      expect(minted.status).toBe(201);
      const { url } = await json(minted);
      const linkId = new RegExp(`^${hostUrl}/l/([\\w-]+)$`).exec(url)?.[1];
      expect(linkId).toBeDefined();

      const opened = await fetch(url, { redirect: 'manual' });
      expect(opened.status).toBe(302);
      expect(opened.headers.get('location')).toMatch(
        new RegExp(`^${sandboxUrl}/face-auth\\?pid=${PID}&encrypted=`),
      );

      // The person on the hosted page, through the sandbox's typed controls: they open the short link.
      sandbox.process.stdin!.write(`complete ${url} approved\n`);
      const [, answer, attempt] = await sandbox.waitFor(/(ATTEMPT|ATTEMPT_FAILED) (.*)\n/);
      expect(answer === 'ATTEMPT' ? JSON.parse(attempt) : attempt).toEqual({
        authId: expect.any(String),
        status: 'approved',
        failCodes: [],
      });

      // The sandbox's webhook, taken on the host's own route, verified, and the link's outcome emitted.
      await host.waitFor(new RegExp(`reauth approved for link ${linkId}\\b`));
      expect(sandbox.output).not.toMatch(/sandbox failed/);
    }, 60_000);
  });
});
