import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { CheckedTarget, sendWebhook } from '@faceauth/notifications';
import { DeliveryAgents } from '../../libs/notifications/src/delivery/delivery-agents';

/** A receiver that numbers its connections and answers as `answer` says for each request. */
class CountingReceiver {
  readonly seen: Array<{ connection: number; n: number }> = [];
  answer: (req: IncomingMessage, res: ServerResponse, n: number) => void = (_req, res) => {
    res.writeHead(204);
    res.end();
  };
  private readonly server: Server;
  private readonly connections = new Map<Socket, number>();

  constructor() {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const n = this.seen.length;
        this.seen.push({ connection: this.connections.get(req.socket) ?? -1, n });
        this.answer(req, res, n);
      });
    });
    this.server.on('connection', (socket) => this.connections.set(socket, this.connections.size));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  target(): CheckedTarget {
    const { port } = this.server.address() as AddressInfo;
    return { url: new URL(`http://127.0.0.1:${port}/hooks`), address: '127.0.0.1', family: 4 };
  }

  connectionsUsed(): number[] {
    return this.seen.map((s) => s.connection);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Deliveries keep their connection to a checked address alive between attempts (DeliveryAgents), but only
 * after an answer read to its end within the excerpt bound; and a kept connection the receiver dropped is
 * retried once on a new one, so that keep-alive never turns into a failed attempt.
 */
describe('kept-alive delivery connections', () => {
  let receiver: CountingReceiver;
  let agents: DeliveryAgents;

  beforeEach(async () => {
    receiver = await new CountingReceiver().start();
    agents = new DeliveryAgents(4);
  });
  afterEach(async () => {
    agents.destroy();
    await receiver.stop();
  });

  const send = () => {
    const target = receiver.target();
    return sendWebhook(target, { 'webhook-id': 'msg_1' }, '{"a":1}', 2_000, agents.for(target));
  };

  it('sends consecutive deliveries on one connection', async () => {
    for (let i = 0; i < 5; i++) expect(await send()).toMatchObject({ ok: true, statusCode: 204 });
    expect(receiver.connectionsUsed()).toEqual([0, 0, 0, 0, 0]);
  });

  it('does not keep a connection whose answer went beyond the excerpt', async () => {
    receiver.answer = (_req, res, n) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(n === 0 ? 'x'.repeat(100_000) : 'ok');
    };
    const first = await send();
    expect(first).toMatchObject({ ok: true, statusCode: 200 });
    expect(first.excerpt).toHaveLength(256);
    expect(await send()).toMatchObject({ ok: true, excerpt: 'ok' });
    expect(await send()).toMatchObject({ ok: true, excerpt: 'ok' });
    expect(receiver.connectionsUsed()).toEqual([0, 1, 1]);
  });

  it('retries once on a new connection when the kept one was dropped by the receiver', async () => {
    receiver.answer = (req, res, n) => {
      if (n === 1) {
        req.socket.destroy(); // the receiver drops its idle connection as the next request arrives
        return;
      }
      res.writeHead(204);
      res.end();
    };
    expect(await send()).toMatchObject({ ok: true });
    expect(await send()).toMatchObject({ ok: true, statusCode: 204, error: null });
    expect(receiver.connectionsUsed()).toEqual([0, 0, 1]);
  });

  it('does not retry a new connection that fails: the attempt fails', async () => {
    receiver.answer = (req) => req.socket.destroy();
    expect(await send()).toMatchObject({ ok: false, statusCode: null, error: 'ECONNRESET' });
    expect(receiver.connectionsUsed()).toEqual([0]);
  });
});
