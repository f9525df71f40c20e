import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { AddressInfo, connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, startApi } from '../support/api-harness';
import { SERVICE_MAIN } from '../support/service-process';
import { databasesUnderTest } from '../support/test-databases';

/** Far above every timeout set below, far below the defaults: a bound, not a timing. */
const CLOSED_WITHIN_MS = 5_000;

interface Outcome {
  closed: boolean;
  received: string;
}

/** Opens a socket, writes `data`, then waits (bounded) for the server to close it. */
async function writeAndWait(port: number, data: string): Promise<Outcome> {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(data);
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), CLOSED_WITHIN_MS)),
  );
  const outcome = { closed: await Promise.race([closed, bound]), received };
  clearTimeout(timer);
  socket.destroy();
  return { ...outcome, received };
}

/** Issue 17: slow or idle clients cannot hold a connection open beyond the configured timeouts. */
describe.each(databasesUnderTest())('HTTP server timeouts on %s', (kind) => {
  let api: ApiHarness;
  let port: number;

  beforeAll(async () => {
    api = await startApi(kind, {
      env: {
        HTTP_HEADERS_TIMEOUT_MS: '300',
        HTTP_REQUEST_TIMEOUT_MS: '600',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
      },
    });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => api.close());

  it('closes a socket that sends part of its headers and then nothing', async () => {
    const outcome = await writeAndWait(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a');
    expect(outcome.closed).toBe(true);
    expect(outcome.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a socket whose body never arrives in full', async () => {
    const outcome = await writeAndWait(
      port,
      'POST /v1/links HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\n\r\n{"sid":',
    );
    expect(outcome.closed).toBe(true);
  });

  it('answers a complete request, then closes the idle keep-alive connection', async () => {
    const outcome = await writeAndWait(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(outcome.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(outcome.closed).toBe(true);
  });
});

describe('HTTP timeout settings at start-up', () => {
  beforeAll(() => {
    if (!existsSync(SERVICE_MAIN))
      throw new Error(`${SERVICE_MAIN} is missing: run "npm run build" first (npm test does)`);
  });

  it.each([
    [{ HTTP_HEADERS_TIMEOUT_MS: 'soon' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ HTTP_KEEP_ALIVE_TIMEOUT_MS: '0' }, 'HTTP_KEEP_ALIVE_TIMEOUT_MS'],
  ])('refuses %o with one line naming %s and exit 78', (env, name) => {
    const run = spawnSync(process.execPath, [SERVICE_MAIN], {
      cwd: mkdtempSync(join(tmpdir(), 'faceauth-timeouts-')),
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`Invalid configuration: ${name}`),
    ]);
  });
});
