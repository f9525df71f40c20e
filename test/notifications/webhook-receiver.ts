import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request as the receiver saw it. */
export interface Reception {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer (a stalled receiver). */
  hang?: boolean;
}

/** A real HTTP receiver on 127.0.0.1, answering as `respond` says (200 by default), recording everything. */
export class WebhookReceiver {
  readonly receptions: Reception[] = [];
  respond: (reception: Reception, index: number) => Answer = () => ({ status: 200, body: 'ok' });
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();

  constructor() {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** Listens on `port` (an ephemeral one by default; the same one again after `stop()` to come back). */
  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hooks'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Receptions per `webhook-id`. */
  countsById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.receptions)
      counts.set(r.headers['webhook-id'], (counts.get(r.headers['webhook-id']) ?? 0) + 1);
    return counts;
  }

  reset(): void {
    this.receptions.length = 0;
    this.respond = () => ({ status: 200, body: 'ok' });
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers[name] = value;
      }
      const reception = { path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = this.receptions.push(reception) - 1;
      const answer = this.respond(reception, index);
      if (answer.hang) {
        this.hanging.add(res);
        return;
      }
      res.writeHead(answer.status, answer.headers ?? { 'content-type': 'text/plain' });
      res.end(answer.body ?? '');
    });
  }
}
