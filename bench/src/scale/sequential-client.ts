import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One HTTP request of a scale round, with the status every answer must have. */
export interface ScaleRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** When set, the answer's body must contain this text (e.g. a list page that is not empty). */
  bodyIncludes?: string;
}

/**
 * Sends requests one after another on one keep-alive connection and times each, from the write to the last
 * byte of the answer (wall time, `performance.now()`): the latency a caller sees, database time included
 * whichever process spends it. One connection, because with the request sequential the server does nothing
 * else: the time of a request is its own work, and a statement that grows with the table shows as it grows.
 */
export class SequentialClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly label: string,
    private readonly baseUrl: string,
  ) {}

  /** Sends one request; resolves with its wall time in ms; rejects on another status than expected. */
  send(spec: ScaleRequest): Promise<number> {
    const url = new URL(spec.path, this.baseUrl);
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
    const headers = { ...spec.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { method: spec.method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - started;
          if (res.statusCode !== spec.status) {
            const text = Buffer.concat(chunks).toString().slice(0, 500);
            reject(
              new Error(
                `${this.label}: ${spec.method} ${spec.path} answered ${res.statusCode}, expected ${spec.status}${spec.bodyIncludes ? ` and a body with ${spec.bodyIncludes}` : ''}: ${text}`,
              ),
            );
            return;
          }
          resolve(ms);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
