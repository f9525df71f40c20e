import { Webhook } from 'standardwebhooks';
import { createSandboxApp, SandboxHandle } from '@faceauth/argos-sandbox';

const SECRET = 'whsec_' + Buffer.from('sandbox-outbound-secret-0001').toString('base64');

/**
 * The sandbox's receiver of faceauth's signed outbound webhooks: it verifies each with the standardwebhooks
 * library over the exact bytes received, refuses a bad signature with 401 once a secret is set, and lists
 * what arrived.
 */
describe('argos-sandbox outbound webhook receiver', () => {
  let sandbox: SandboxHandle;

  beforeAll(async () => {
    sandbox = await createSandboxApp();
  });
  afterAll(() => sandbox.close());

  const send = (body: string, headers: Record<string, string>) =>
    fetch(`${sandbox.url}/__sandbox/outbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (secret: string, id: string, body: string) => {
    const at = new Date();
    return {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, body),
    };
  };
  const list = async () =>
    (await (await fetch(`${sandbox.url}/__sandbox/outbound`)).json()) as {
      webhookId: string;
      type: string;
      verified: boolean;
      problem: string | null;
    }[];

  it('keeps an unsigned-for reception as unverified until a secret is set', async () => {
    const body = JSON.stringify({
      type: 'faceauth.link.approved',
      timestamp: '2026-12-02T00:00:00Z',
      data: {},
    });
    expect((await send(body, signed(SECRET, 'msg_before', body))).status).toBe(204);
    expect((await list()).find((r) => r.webhookId === 'msg_before')).toMatchObject({ verified: false });
  });

  it('verifies the exact bytes with the secret set, and refuses a bad signature with 401', async () => {
    const put = await fetch(`${sandbox.url}/__sandbox/outbound/secret`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: SECRET }),
    });
    expect(put.status).toBe(204);
    // Spacing that a re-serialisation would lose: only the raw bytes verify.
    const body = '{"type": "faceauth.result.stored", "timestamp": "2026-12-02T00:00:00Z", "data": {}}';
    expect((await send(body, signed(SECRET, 'msg_good', body))).status).toBe(204);
    const other = 'whsec_' + Buffer.from('another-secret-entirely-0002').toString('base64');
    expect((await send(body, signed(other, 'msg_bad', body))).status).toBe(401);
    const received = await list();
    expect(received.find((r) => r.webhookId === 'msg_good')).toMatchObject({
      type: 'faceauth.result.stored',
      verified: true,
      problem: null,
    });
    expect(received.find((r) => r.webhookId === 'msg_bad')).toMatchObject({ verified: false });
  });

  it('refuses a secret that is not a whsec_ secret with 400', async () => {
    const put = await fetch(`${sandbox.url}/__sandbox/outbound/secret`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: 'plain' }),
    });
    expect(put.status).toBe(400);
  });
});
