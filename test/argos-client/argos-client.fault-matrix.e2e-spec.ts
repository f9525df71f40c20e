import { ArgosClient, ArgosClientError, ArgosErrorCode } from '@faceauth/argos-client';
import { closeClients, JPEG_BYTES, makeClient, rejectionOf } from './support/client.fixture';
import {
  FakeArgosServer,
  FakeHandler,
  hang,
  resetConnection,
  sendJson,
  sendText,
  sequence,
  trickle,
} from './support/fake-argos.server';

// Real dependencies: node:http server on 127.0.0.1 (port 0), real axios, real sockets. Nothing mocked.

type Call = (client: ArgosClient) => Promise<unknown>;
const calls: Record<'getResult' | 'listResults' | 'getImage' | 'deleteResult' | 'submitFaceImage', Call> = {
  getResult: (c) => c.getResult('auth-1'),
  listResults: (c) => c.listResultsPage(),
  getImage: (c) => c.getImage('auth-1'),
  deleteResult: (c) => c.deleteResult('auth-1'),
  submitFaceImage: (c) =>
    c.submitFaceImage({
      submissionId: 'sub-1',
      image: JPEG_BYTES,
      filename: 'face.jpg',
      mimeType: 'image/jpeg',
    }),
};
type Op = keyof typeof calls;

const json =
  (status: number, body: unknown, headers = {}): FakeHandler =>
  (_req, res) =>
    sendJson(res, status, body, headers);
const text =
  (status: number, body: string): FakeHandler =>
  (_req, res) =>
    sendText(res, status, body);
const redirect =
  (status: number, location: string): FakeHandler =>
  (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
const EXPLICIT_DENY = { Message: 'User is not authorized to access this resource with an explicit deny' };
const CANNOT_FIND = { errorCode: 'Cannot find submission. Please check input data.' };

describe('Argos client fault matrix (real local HTTP server)', () => {
  let server: FakeArgosServer;
  beforeAll(async () => {
    server = await FakeArgosServer.start();
  });
  afterAll(() => server.close());
  afterEach(() => closeClients());

  async function failure(op: Op, handler: FakeHandler, overrides = {}): Promise<ArgosClientError> {
    server.handle(handler);
    const error = await rejectionOf(calls[op](makeClient(server.baseUrl, overrides)));
    expect(error).toBeInstanceOf(ArgosClientError);
    return error as ArgosClientError;
  }

  describe('status mapping and retry counts (maxAttempts 3)', () => {
    it.each<[string, ArgosErrorCode, number, Op, FakeHandler]>([
      [
        '400 {errorCode, message, traceId} on POST',
        ArgosErrorCode.BAD_REQUEST,
        1,
        'submitFaceImage',
        json(400, { errorCode: 'invalid_data_format', message: 'bad image', traceId: 't-1' }),
      ],
      [
        '400 {errorCode} on GET list',
        ArgosErrorCode.BAD_REQUEST,
        1,
        'listResults',
        json(400, { errorCode: 'required_field_missing' }),
      ],
      [
        '400 plain text on GET',
        ArgosErrorCode.BAD_REQUEST,
        1,
        'getResult',
        text(400, 'Invalid Query String parameters'),
      ],
      [
        '400 "Cannot find submission" on getResult',
        ArgosErrorCode.NOT_FOUND,
        1,
        'getResult',
        json(400, CANNOT_FIND),
      ],
      [
        '400 "Cannot find submission" on getImage',
        ArgosErrorCode.NOT_FOUND,
        1,
        'getImage',
        json(400, CANNOT_FIND),
      ],
      [
        '400 "Cannot find submission" on deleteResult',
        ArgosErrorCode.NOT_FOUND,
        1,
        'deleteResult',
        json(400, CANNOT_FIND),
      ],
      [
        '400 "Cannot find submission" on POST (unknown submissionId)',
        ArgosErrorCode.BAD_REQUEST,
        1,
        'submitFaceImage',
        json(400, CANNOT_FIND),
      ],
      [
        '400 "faceAuth_project not found" on getResult',
        ArgosErrorCode.BAD_REQUEST,
        1,
        'getResult',
        json(400, { errorCode: 'faceAuth_project not found' }),
      ],
      ['403 explicit deny on GET', ArgosErrorCode.IP_NOT_ALLOWED, 1, 'getResult', json(403, EXPLICIT_DENY)],
      [
        '403 Forbidden on GET',
        ArgosErrorCode.INVALID_API_KEY,
        1,
        'getResult',
        json(403, { message: 'Forbidden' }),
      ],
      [
        '403 Forbidden on DELETE',
        ArgosErrorCode.INVALID_API_KEY,
        1,
        'deleteResult',
        json(403, { message: 'Forbidden' }),
      ],
      [
        '413 on POST',
        ArgosErrorCode.PAYLOAD_TOO_LARGE,
        1,
        'submitFaceImage',
        text(413, 'Request Entity Too Large'),
      ],
      [
        '429 on GET',
        ArgosErrorCode.RATE_LIMITED,
        1,
        'getResult',
        json(429, { message: 'Too Many Requests' }),
      ],
      [
        '500 on GET getResult',
        ArgosErrorCode.SERVER_ERROR,
        3,
        'getResult',
        json(500, { message: 'Internal Server Error' }),
      ],
      ['500 on GET list', ArgosErrorCode.SERVER_ERROR, 3, 'listResults', json(500, {})],
      ['500 on GET image', ArgosErrorCode.SERVER_ERROR, 3, 'getImage', json(500, {})],
      ['500 on DELETE', ArgosErrorCode.SERVER_ERROR, 3, 'deleteResult', json(500, {})],
      ['500 on POST (not idempotent)', ArgosErrorCode.SERVER_ERROR, 1, 'submitFaceImage', json(500, {})],
      ['502 on DELETE', ArgosErrorCode.BAD_GATEWAY, 3, 'deleteResult', json(502, { message: 'Bad Gateway' })],
      ['502 on POST', ArgosErrorCode.BAD_GATEWAY, 1, 'submitFaceImage', json(502, {})],
      ['503 on GET', ArgosErrorCode.SERVER_ERROR, 3, 'getResult', text(503, 'Service Unavailable')],
      [
        'connection reset on GET',
        ArgosErrorCode.UNAVAILABLE,
        3,
        'getResult',
        (_q, res) => resetConnection(res),
      ],
      [
        'connection reset on DELETE',
        ArgosErrorCode.UNAVAILABLE,
        3,
        'deleteResult',
        (_q, res) => resetConnection(res),
      ],
      [
        'connection reset on POST (may have reached Argos)',
        ArgosErrorCode.UNAVAILABLE,
        1,
        'submitFaceImage',
        (_q, res) => resetConnection(res),
      ],
      [
        '302 redirect on GET (never followed)',
        ArgosErrorCode.BAD_RESPONSE,
        1,
        'getResult',
        redirect(302, '/v3/elsewhere'),
      ],
      [
        '200 with a non-JSON body',
        ArgosErrorCode.BAD_RESPONSE,
        1,
        'getResult',
        text(200, '<html>maintenance</html>'),
      ],
      ['200 with an empty body', ArgosErrorCode.BAD_RESPONSE, 1, 'listResults', text(200, '')],
      [
        '200 with a record lacking an id',
        ArgosErrorCode.BAD_RESPONSE,
        1,
        'getResult',
        json(200, [{ auth_status: 'approved' }]),
      ],
      [
        '200 with an unrecognisable object',
        ArgosErrorCode.BAD_RESPONSE,
        1,
        'submitFaceImage',
        json(200, { hello: 'world' }),
      ],
    ])('%s → %s after %i attempt(s)', async (_name, code, attempts, op, handler) => {
      const error = await failure(op, handler);
      expect(error.code).toBe(code);
      expect(error.attempts).toBe(attempts);
      expect(server.requests).toHaveLength(attempts);
      expect(error.operation).toBe(op);
    });

    it('carries the vendor code, the vendor traceId as request id, and the status', async () => {
      const error = await failure(
        'submitFaceImage',
        json(400, { errorCode: 'invalid_data_format', message: 'bad', traceId: 'trace-9' }),
      );
      expect(error).toMatchObject({ status: 400, vendorCode: 'invalid_data_format', requestId: 'trace-9' });
    });

    it('passes on only a documented vendor code, never free vendor text', async () => {
      const error = await failure(
        'submitFaceImage',
        json(400, { errorCode: 'Please call +1 555 0100 and quote <script>', message: 'free text' }),
      );
      expect(error.code).toBe(ArgosErrorCode.BAD_REQUEST);
      expect(error.vendorCode).toBeUndefined();
      expect(JSON.stringify(error.details())).not.toContain('555 0100');
    });

    it('uses the x-request-id it sent (the same on every attempt) when Argos gives no traceId', async () => {
      server.handle(json(500, {}));
      const error = (await rejectionOf(
        makeClient(server.baseUrl).getResult('a', { requestId: 'req-42' }),
      )) as ArgosClientError;
      expect(error.requestId).toBe('req-42');
      expect(server.requests.map((r) => r.headers['x-request-id'])).toEqual(['req-42', 'req-42', 'req-42']);
    });

    it('recovers when a retried GET succeeds', async () => {
      server.handle(
        sequence(json(500, {}), json(502, {}), json(200, [{ auth_id: 'auth-1', auth_status: 'approved' }])),
      );
      await expect(makeClient(server.baseUrl).getResult('auth-1')).resolves.toMatchObject({
        authId: 'auth-1',
        status: 'approved',
      });
      expect(server.requests).toHaveLength(3);
    });

    it('never follows a redirect: the target is never requested', async () => {
      await failure('getResult', redirect(307, `${server.baseUrl}/faceauth-moved`));
      expect(server.requests.map((r) => r.url.pathname)).toEqual(['/v3/faceauth']);
    });
  });

  describe('timeouts and slow bodies', () => {
    it('a hanging GET times out per attempt and is retried up to maxAttempts', async () => {
      const error = await failure('getResult', hang, {
        timeouts: { requestMs: 150 },
        retry: { maxAttempts: 2 },
      });
      expect(error.code).toBe(ArgosErrorCode.TIMEOUT);
      expect(error.attempts).toBe(2);
      expect(server.requests).toHaveLength(2);
    });

    it('a hanging POST times out after uploadMs and is not retried', async () => {
      const error = await failure('submitFaceImage', hang, { timeouts: { uploadMs: 150 } });
      expect(error.code).toBe(ArgosErrorCode.TIMEOUT);
      expect(error.attempts).toBe(1);
      expect(server.requests).toHaveLength(1);
    });

    it('headers followed by a trickling body are cut off by the per-call timeout', async () => {
      const error = await failure('listResults', (_q, res) => trickle(res, 20), {
        timeouts: { requestMs: 250 },
        retry: { maxAttempts: 2 },
      });
      expect(error.code).toBe(ArgosErrorCode.TIMEOUT);
      expect(error.attempts).toBe(2);
      expect(server.requests).toHaveLength(2);
    }, 5_000);

    it('the overall deadline bounds a single long attempt', async () => {
      const error = await failure('getResult', hang, { timeouts: { requestMs: 10_000, deadlineMs: 300 } });
      expect(error.code).toBe(ArgosErrorCode.TIMEOUT);
      expect(error.message).toMatch(/deadline/);
      expect(error.attempts).toBe(1);
    }, 5_000);

    it('the overall deadline stops retries before maxAttempts', async () => {
      // random pinned to 1: delays are exactly 400 ms then 800 ms; 400 + 800 > 1000 ms deadline.
      const error = await failure('getResult', json(500, {}), {
        timeouts: { deadlineMs: 1_000 },
        retry: { maxAttempts: 5, baseDelayMs: 400, maxDelayMs: 5_000 },
      });
      expect(error.code).toBe(ArgosErrorCode.SERVER_ERROR);
      expect(error.attempts).toBe(2);
      expect(server.requests).toHaveLength(2);
    });
  });

  describe('connection refused', () => {
    let closedPortUrl: string;
    beforeAll(async () => {
      const probe = await FakeArgosServer.start();
      closedPortUrl = probe.baseUrl;
      await probe.close();
    });

    it.each<[Op]>([['submitFaceImage'], ['getResult']])(
      '%s is retried: the request provably never reached Argos',
      async (op) => {
        const error = (await rejectionOf(calls[op](makeClient(closedPortUrl)))) as ArgosClientError;
        expect(error.code).toBe(ArgosErrorCode.UNAVAILABLE);
        expect(error.attempts).toBe(3);
      },
    );

    it('a POST refused once reaches Argos on the retry, exactly once', async () => {
      const probe = await FakeArgosServer.start();
      const { port, baseUrl } = probe;
      await probe.close();
      // First attempt is refused within milliseconds; the retry comes 1 s later (random pinned to 1).
      // Argos "comes back" at 300 ms, well inside that window.
      const client = makeClient(baseUrl, { retry: { baseDelayMs: 1_000, maxDelayMs: 1_000 } });
      const pending = calls.submitFaceImage(client);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const revived = await FakeArgosServer.start(port);
      try {
        revived.handle(json(200, { authentication_id: 'auth-7', auth_status: 'approved' }));
        await expect(pending).resolves.toMatchObject({ authId: 'auth-7' });
        expect(revived.requests).toHaveLength(1);
      } finally {
        await revived.close();
      }
    }, 5_000);
  });

  describe('Retry-After', () => {
    it('waits at least Retry-After before the next attempt (backoff jitter pinned to 0)', async () => {
      server.handle(sequence(json(503, {}, { 'retry-after': '1' }), json(200, [{ auth_id: 'auth-1' }])));
      await makeClient(server.baseUrl, { random: () => 0 }).getResult('auth-1');
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1].receivedAt - server.requests[0].receivedAt).toBeGreaterThanOrEqual(950);
    });

    it('a Retry-After beyond maxRetryAfterMs ends the call and is reported', async () => {
      const error = await failure('getResult', json(503, {}, { 'retry-after': '120' }));
      expect(error).toMatchObject({ code: ArgosErrorCode.SERVER_ERROR, attempts: 1, retryAfterSeconds: 120 });
    });

    it('is reported on a non-retried 429', async () => {
      const error = await failure('getResult', json(429, {}, { 'retry-after': '7' }));
      expect(error).toMatchObject({ code: ArgosErrorCode.RATE_LIMITED, attempts: 1, retryAfterSeconds: 7 });
    });
  });

  describe('AbortSignal', () => {
    it('an already aborted signal sends nothing', async () => {
      server.handle(json(200, []));
      const error = (await rejectionOf(
        makeClient(server.baseUrl).getResult('a', { signal: AbortSignal.abort() }),
      )) as ArgosClientError;
      expect(error).toMatchObject({ code: ArgosErrorCode.ABORTED, attempts: 0 });
      expect(server.requests).toHaveLength(0);
    });

    it('aborts an attempt in flight at once, without retrying', async () => {
      const controller = new AbortController();
      server.handle(() => controller.abort());
      const error = (await rejectionOf(
        makeClient(server.baseUrl).getResult('a', { signal: controller.signal }),
      )) as ArgosClientError;
      expect(error).toMatchObject({ code: ArgosErrorCode.ABORTED, attempts: 1 });
      expect(server.requests).toHaveLength(1);
    }, 5_000);

    it('aborts a backoff sleep at once', async () => {
      const controller = new AbortController();
      server.handle((_q, res) => {
        sendJson(res, 500, {});
        setTimeout(() => controller.abort(), 50);
      });
      // A 30 s backoff: only the abort can end this call within the test timeout.
      const client = makeClient(server.baseUrl, {
        retry: { baseDelayMs: 30_000, maxDelayMs: 30_000 },
        timeouts: { deadlineMs: 120_000 },
      });
      const error = (await rejectionOf(
        client.getResult('a', { signal: controller.signal }),
      )) as ArgosClientError;
      expect(error).toMatchObject({ code: ArgosErrorCode.ABORTED, attempts: 1 });
      expect(server.requests).toHaveLength(1);
    }, 5_000);
  });

  describe('circuit breaker (injected clock)', () => {
    let now: number;
    const breakerClient = (): ArgosClient =>
      makeClient(server.baseUrl, {
        now: () => now,
        breaker: { failureThreshold: 3, resetAfterMs: 1_000 },
        retry: { maxAttempts: 1 },
      });
    beforeEach(() => {
      now = 1_000_000;
    });

    it('opens after N consecutive failures, fails fast, half-opens after resetAfterMs and closes on a good trial', async () => {
      const client = breakerClient();
      server.handle(json(500, {}));
      for (let i = 0; i < 3; i += 1) await rejectionOf(client.getResult('a'));
      expect(client.circuitState()).toBe('open');

      const fast = (await rejectionOf(client.getResult('a'))) as ArgosClientError;
      expect(fast).toMatchObject({ code: ArgosErrorCode.UNAVAILABLE, attempts: 0, retryAfterSeconds: 1 });
      expect(server.requests).toHaveLength(3);

      now += 1_000;
      expect(client.circuitState()).toBe('half-open');
      server.handle(json(200, [{ auth_id: 'a' }]));
      await client.getResult('a');
      expect(server.requests).toHaveLength(1);
      expect(client.circuitState()).toBe('closed');
    });

    it('a failed trial re-opens the circuit for another resetAfterMs', async () => {
      const client = breakerClient();
      server.handle(json(502, {}));
      for (let i = 0; i < 3; i += 1) await rejectionOf(client.deleteResult('a'));
      now += 1_000;
      await rejectionOf(client.deleteResult('a'));
      expect(server.requests).toHaveLength(4);
      expect(client.circuitState()).toBe('open');
      now += 999;
      expect(client.circuitState()).toBe('open');
      now += 1;
      expect(client.circuitState()).toBe('half-open');
    });

    it('lets a single trial through while half-open; an aborted trial frees the slot', async () => {
      const client = breakerClient();
      server.handle((_q, res) => resetConnection(res));
      for (let i = 0; i < 3; i += 1) await rejectionOf(client.getResult('a'));
      now += 1_000;
      server.handle(hang);
      const controller = new AbortController();
      const trial = rejectionOf(client.getResult('a', { signal: controller.signal }));
      await waitFor(() => server.requests.length === 1);
      const concurrent = (await rejectionOf(client.getResult('b'))) as ArgosClientError;
      expect(concurrent).toMatchObject({ code: ArgosErrorCode.UNAVAILABLE, attempts: 0 });
      controller.abort();
      expect(await trial).toMatchObject({ code: ArgosErrorCode.ABORTED });
      expect(client.circuitState()).toBe('half-open');
      expect(server.requests).toHaveLength(1);
    }, 5_000);

    it('4xx answers prove Argos is up and never open the circuit', async () => {
      const client = breakerClient();
      server.handle(json(400, { errorCode: 'invalid_data_format' }));
      for (let i = 0; i < 6; i += 1) await rejectionOf(client.getResult('a'));
      expect(client.circuitState()).toBe('closed');
      expect(server.requests).toHaveLength(6);
    });

    it('a success resets the consecutive-failure count', async () => {
      const client = breakerClient();
      server.handle(
        sequence(json(500, {}), json(500, {}), json(200, [{ auth_id: 'a' }]), json(500, {}), json(500, {})),
      );
      for (let i = 0; i < 5; i += 1) await client.getResult('a').catch(() => undefined);
      expect(client.circuitState()).toBe('closed');
    });

    it('stops retrying once the circuit opens mid-call and reports the real failure', async () => {
      const client = makeClient(server.baseUrl, {
        now: () => now,
        breaker: { failureThreshold: 2, resetAfterMs: 1_000 },
        retry: { maxAttempts: 5 },
      });
      server.handle(json(500, {}));
      const error = await rejectionOf(client.getResult('a'));
      expect(error).toMatchObject({ code: ArgosErrorCode.SERVER_ERROR, attempts: 2 });
      expect(server.requests).toHaveLength(2);
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
