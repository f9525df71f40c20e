import * as http from 'node:http';
import { AddressInfo } from 'node:net';

/** A request as the fake Argos saw it, body fully read. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  /** Headers as received, except `x-api-key`, masked so a failing test's diff never prints the key. */
  readonly headers: http.IncomingHttpHeaders;
  /** The `x-api-key` header value; non-enumerable for the same reason. */
  readonly apiKey?: string;
  readonly body: Buffer;
  readonly receivedAt: number;
}

/** Answers one request; `index` is its 0-based position since the last reset. */
export type FakeHandler = (request: RecordedRequest, response: http.ServerResponse, index: number) => void;

/**
 * A real HTTP server on 127.0.0.1, port 0, standing in for the Argos Add-on API. Records every
 * request (the attempt counts the tests assert) and answers with the current handler.
 */
export class FakeArgosServer {
  readonly requests: RecordedRequest[] = [];
  private handler: FakeHandler = (_request, response) => sendJson(response, 200, []);

  private constructor(private readonly server: http.Server) {}

  /** Listens on `port` (default: any free port). */
  static async start(port = 0): Promise<FakeArgosServer> {
    const server = http.createServer();
    const fake = new FakeArgosServer(server);
    server.on('request', (req, res) => fake.onRequest(req, res));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return fake;
  }

  /** Base URL as the client is configured with it (the `/v3` prefix like the real API). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v3`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Replaces the handler and forgets earlier requests. */
  handle(handler: FakeHandler): void {
    this.requests.length = 0;
    this.handler = handler;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { 'x-api-key': apiKey, ...headers } = req.headers;
      const recorded: RecordedRequest = Object.defineProperty(
        {
          method: req.method ?? '',
          url: new URL(req.url ?? '/', 'http://127.0.0.1'),
          headers: apiKey === undefined ? headers : { ...headers, 'x-api-key': '<masked>' },
          body: Buffer.concat(chunks),
          receivedAt: Date.now(),
        },
        'apiKey',
        { value: apiKey, enumerable: false },
      );
      this.requests.push(recorded);
      this.handler(recorded, res, this.requests.length - 1);
    });
  }
}

export function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export function sendText(
  response: http.ServerResponse,
  status: number,
  text: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  response.writeHead(status, {
    'content-type': 'text/plain',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Never answers (the connection is closed by `close()`). */
export function hang(): void {
  // Intentionally nothing: the client's timeout must end the attempt.
}

/** Kills the TCP connection without any HTTP answer (ECONNRESET / socket hang up on the client). */
export function resetConnection(response: http.ServerResponse): void {
  response.socket?.resetAndDestroy();
}

/** Sends the headers and a first byte at once, then one more byte every `everyMs`, never finishing. */
export function trickle(response: http.ServerResponse, everyMs: number): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': 1_000_000 });
  response.write('[');
  const timer = setInterval(() => {
    if (response.destroyed || response.writableEnded) clearInterval(timer);
    else response.write(' ');
  }, everyMs);
  response.on('close', () => clearInterval(timer));
}

/** Handler answering request i with `handlers[i]`, the last one repeating. */
export function sequence(...handlers: FakeHandler[]): FakeHandler {
  return (request, response, index) =>
    handlers[Math.min(index, handlers.length - 1)](request, response, index);
}

/** Parses the multipart body the client sent (undici's Response does the work). */
export async function readMultipart(request: RecordedRequest): Promise<FormData> {
  return new Response(new Uint8Array(request.body), {
    headers: { 'content-type': String(request.headers['content-type']) },
  }).formData();
}
