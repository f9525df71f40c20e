import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { NotificationDispatcher, NotificationOutbox } from '@faceauth/notifications';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/sandbox-journey';
import { databasesUnderTest } from '../support/test-databases';
import { WebhookReceiver } from './webhook-receiver';

const ADMIN = 'endpoints-api-admin-secret-0123456789abcdef';
const READER = 'endpoints-api-reader-secret-0123456789abcdef';
const BASE = '/v1/notification-endpoints';
const STORED = 'faceauth.result.stored';

/**
 * The admin API of the outbound webhooks over the real service: endpoints are created, read, changed, rotated
 * and deleted by an `admin` key; the `whsec_` secret is in the create and rotate answers only (never in another
 * answer, never in the logs); deliveries are listed newest first and a finished one is replayed.
 */
describe.each(databasesUnderTest())('notification endpoints API on %s', (kind) => {
  let api: ApiHarness;
  let receiver: WebhookReceiver;
  const secrets: string[] = [];

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    // One path is down: its deliveries stay pending (retried later), never delivered nor failed in a test.
    receiver.respond = (r) =>
      r.path === '/down' ? { status: 503, body: 'down' } : { status: 200, body: 'ok' };
    api = await startApi(kind, {
      env: {
        INTERNAL_API_KEYS: `ops|admin|${ADMIN};reader|links:read|${READER}`,
        RECONCILE_ENABLED: 'false',
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.stop();
  });

  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    key = ADMIN,
  ) => {
    const res = await api.app.inject({ method, url, headers: { 'x-api-key': key }, payload });
    return { status: res.statusCode, text: res.body, body: res.body ? res.json() : undefined };
  };
  const create = async (payload: object) => {
    const res = await call('POST', BASE, payload);
    expect(res.status).toBe(201);
    secrets.push(res.body.secret);
    return res.body;
  };
  /** No answer but create and rotate carries a secret, neither as a field nor anywhere in its text. */
  const expectNoSecret = (text: string) => {
    expect(text).not.toMatch(/whsec_/);
    expect(text).not.toMatch(/"secret"/);
    for (const secret of secrets) expect(text).not.toContain(secret.slice('whsec_'.length));
  };
  const enqueue = () => api.app.get(NotificationOutbox).enqueue(undefined, { type: STORED, data: {} });
  const deliveriesOf = async (id: string, query = '') => {
    const res = await call('GET', `${BASE}/${id}/deliveries${query}`);
    expect(res.status).toBe(200);
    expectNoSecret(res.text);
    return res.body as { items: Record<string, any>[]; nextCursor: string | null };
  };

  it('creates an endpoint: 201 with its whsec_ secret, shown in this answer only', async () => {
    const created = await create({
      url: receiver.url('/created'),
      events: [STORED, 'faceauth.link.approved'],
      description: 'CRM',
    });
    expect(created).toMatchObject({
      id: expect.any(String),
      url: receiver.url('/created'),
      events: [STORED, 'faceauth.link.approved'],
      description: 'CRM',
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
      previousSecretExpiresAt: null,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);

    const one = await call('GET', `${BASE}/${created.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ ...created, secret: undefined, updatedAt: expect.any(String) });
    expectNoSecret(one.text);

    const list = await call('GET', BASE);
    expect(list.status).toBe(200);
    expect(list.body.map((e: { id: string }) => e.id)).toContain(created.id);
    expectNoSecret(list.text);
  });

  it('defaults to every event type, and changes only the fields sent', async () => {
    const created = await create({ url: receiver.url('/all') });
    expect(created).toMatchObject({ events: null, description: null });

    const patched = await call('PATCH', `${BASE}/${created.id}`, {
      events: ['faceauth.link.revoked'],
      description: 'only revocations',
      enabled: false,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      url: receiver.url('/all'),
      events: ['faceauth.link.revoked'],
      description: 'only revocations',
      enabled: false,
      disabledReason: expect.any(String),
    });
    expectNoSecret(patched.text);

    const back = await call('PATCH', `${BASE}/${created.id}`, {
      url: receiver.url('/moved'),
      events: null,
      description: null,
      enabled: true,
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      url: receiver.url('/moved'),
      events: null,
      description: null,
      enabled: true,
      disabledReason: null,
    });
    expect((await call('GET', `${BASE}/${created.id}`)).body).toEqual(back.body);
  });

  it('rotates the secret: 200 with a new one; the previous one signs until previousSecretExpiresAt', async () => {
    const created = await create({ url: receiver.url('/rotate') });
    const rotated = await call('POST', `${BASE}/${created.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.id).toBe(created.id);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    secrets.push(rotated.body.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(Date.now());

    const after = await call('GET', `${BASE}/${created.id}`);
    expect(after.body.previousSecretExpiresAt).toBe(rotated.body.previousSecretExpiresAt);
    expectNoSecret(after.text);
  });

  it('lists deliveries newest first in keyset pages, and replays a delivered one (202)', async () => {
    const endpoint = await create({ url: receiver.url('/deliveries'), events: [STORED] });
    expect(await deliveriesOf(endpoint.id)).toEqual({ items: [], nextCursor: null });

    const first = await enqueue();
    const page = await deliveriesOf(endpoint.id);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      endpointId: endpoint.id,
      eventId: first.eventId,
      eventType: STORED,
      createdAt: expect.any(String),
    });
    const deliveryId: string = page.items[0].id;
    expect(first.deliveryIds).toContain(deliveryId);

    // Delivered to the receiver (the service's own loop may be the one that sends it).
    const delivered = await eventually(async () => {
      await api.app.get(NotificationDispatcher).runOnce();
      const [item] = (await deliveriesOf(endpoint.id)).items;
      return item?.status === 'delivered' ? item : null;
    });
    expect(delivered).toMatchObject({ attempts: 1, lastStatusCode: 200, deliveredAt: expect.any(String) });
    // The event's webhook-id is the same for every endpoint subscribed to it.
    const reception = receiver.receptions.find(
      (r) => r.path === '/deliveries' && r.headers['webhook-id'] === first.eventId,
    )!;
    expect(new Webhook(endpoint.secret).verify(reception.body, reception.headers)).toMatchObject({
      type: STORED,
    });

    const replayed = await call('POST', `${BASE}/${endpoint.id}/deliveries/${deliveryId}/replay`);
    expect(replayed.status).toBe(202);
    expect(replayed.body).toMatchObject({ id: deliveryId, eventId: first.eventId, attempts: 0 });
    expect(['pending', 'delivering', 'delivered']).toContain(replayed.body.status);
    expectNoSecret(replayed.text);
    await eventually(async () => {
      await api.app.get(NotificationDispatcher).runOnce();
      return (
        receiver.receptions.filter(
          (r) => r.path === '/deliveries' && r.headers['webhook-id'] === first.eventId,
        ).length === 2
      );
    });

    // A second event: pages of one, newest first, the cursor leading to the older one.
    const second = await enqueue();
    const newest = await deliveriesOf(endpoint.id, '?limit=1');
    expect(newest.items.map((d) => d.eventId)).toEqual([second.eventId]);
    expect(newest.nextCursor).toEqual(expect.any(String));
    const older = await deliveriesOf(
      endpoint.id,
      `?limit=1&cursor=${encodeURIComponent(newest.nextCursor!)}`,
    );
    expect(older.items.map((d) => d.eventId)).toEqual([first.eventId]);
    expect(older.nextCursor).toBeNull();
  });

  it('refuses to replay a delivery not yet finished (409), or one of another endpoint (404)', async () => {
    // Its receiver answers 503: the delivery is pending or being attempted, never finished during the test.
    const endpoint = await create({ url: receiver.url('/down'), events: [STORED] });
    const { deliveryIds } = await enqueue();
    const [pending] = (await deliveriesOf(endpoint.id)).items;
    expect(deliveryIds).toContain(pending.id);
    expect(['pending', 'delivering']).toContain(pending.status);
    const busy = await call('POST', `${BASE}/${endpoint.id}/deliveries/${pending.id}/replay`);
    expect(busy).toMatchObject({ status: 409, body: { code: 'DELIVERY_IN_PROGRESS' } });

    const other = await create({ url: receiver.url('/other') });
    const foreign = await call('POST', `${BASE}/${other.id}/deliveries/${pending.id}/replay`);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'DELIVERY_NOT_FOUND' } });
    const unknown = await call('POST', `${BASE}/${endpoint.id}/deliveries/${randomUUID()}/replay`);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'DELIVERY_NOT_FOUND' } });
  });

  it.each([
    ['a relative url', { url: '/hooks' }, 'url'],
    ['an ftp url', { url: 'ftp://hooks.example.com/x' }, 'url'],
    ['a url over 2048 characters', { url: `https://hooks.example.com/${'a'.repeat(2048)}` }, 'url'],
    ['no url', { events: [STORED] }, 'url'],
    ['an unknown event type', { url: 'https://hooks.example.com/x', events: ['faceauth.nope'] }, 'events'],
    ['an empty event list', { url: 'https://hooks.example.com/x', events: [] }, 'events'],
    ['events not a list', { url: 'https://hooks.example.com/x', events: STORED }, 'events'],
    [
      'a description over 200',
      { url: 'https://hooks.example.com/x', description: 'd'.repeat(201) },
      'description',
    ],
    ['an unknown field', { url: 'https://hooks.example.com/x', secret: 'whsec_mine' }, 'secret'],
  ])('refuses %s with 400 naming the field', async (_name, payload, field) => {
    const res = await call('POST', BASE, payload);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(field);
  });

  it('lists the event types that may be chosen when one is unknown', async () => {
    const res = await call('POST', BASE, { url: 'https://hooks.example.com/x', events: [STORED, 'nope'] });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^events must each be one of .*faceauth\.link\.approved/);
    expect(res.body.message).toContain('"nope"');
  });

  it('refuses invalid changes with 400 naming the field', async () => {
    const endpoint = await create({ url: receiver.url('/patch') });
    for (const [payload, field] of [
      [{ url: 'mailto:ops@example.com' }, 'url'],
      [{ url: null }, 'url'],
      [{ events: ['faceauth.link.nope'] }, 'events'],
      [{ enabled: 'yes' }, 'enabled'],
      [{ description: 'x'.repeat(201) }, 'description'],
    ] as const) {
      const res = await call('PATCH', `${BASE}/${endpoint.id}`, payload);
      expect({ payload, status: res.status, named: res.body.message.includes(field) }).toEqual({
        payload,
        status: 400,
        named: true,
      });
    }
    // A URL the library refuses beyond the DTO's rule (credentials) is a 400 too.
    const credentials = await call('PATCH', `${BASE}/${endpoint.id}`, {
      url: 'https://u:p@hooks.example.com/',
    });
    expect(credentials).toMatchObject({ status: 400, body: { code: 'INVALID_ENDPOINT' } });
  });

  it('answers 404 for unknown endpoints on every route', async () => {
    const id = randomUUID();
    for (const [method, url, payload] of [
      ['GET', `${BASE}/${id}`],
      ['PATCH', `${BASE}/${id}`, { enabled: true }],
      ['DELETE', `${BASE}/${id}`],
      ['POST', `${BASE}/${id}/rotate-secret`],
      ['GET', `${BASE}/${id}/deliveries`],
      ['POST', `${BASE}/${id}/deliveries/${randomUUID()}/replay`],
    ] as const) {
      const res = await call(method, url, payload);
      expect({ route: `${method} ${url}`, status: res.status, code: res.body.code }).toEqual({
        route: `${method} ${url}`,
        status: 404,
        code: 'ENDPOINT_NOT_FOUND',
      });
    }
  });

  it('deletes an endpoint: 204, then 404', async () => {
    const endpoint = await create({ url: receiver.url('/gone') });
    const deleted = await call('DELETE', `${BASE}/${endpoint.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await call('GET', `${BASE}/${endpoint.id}`)).status).toBe(404);
    expect((await call('DELETE', `${BASE}/${endpoint.id}`)).status).toBe(404);
  });

  it('answers 403 to a key without the admin scope', async () => {
    const endpoint = await create({ url: receiver.url('/forbidden') });
    for (const [method, url] of [
      ['POST', BASE],
      ['GET', BASE],
      ['GET', `${BASE}/${endpoint.id}`],
      ['PATCH', `${BASE}/${endpoint.id}`],
      ['DELETE', `${BASE}/${endpoint.id}`],
      ['POST', `${BASE}/${endpoint.id}/rotate-secret`],
      ['GET', `${BASE}/${endpoint.id}/deliveries`],
      ['POST', `${BASE}/${endpoint.id}/deliveries/${randomUUID()}/replay`],
    ] as const) {
      const res = await call(
        method,
        url,
        method === 'GET' ? undefined : { url: 'https://x.example' },
        READER,
      );
      expect({ route: `${method} ${url}`, status: res.status, code: res.body.code }).toEqual({
        route: `${method} ${url}`,
        status: 403,
        code: 'MISSING_SCOPE',
      });
    }
    expect((await call('GET', `${BASE}/${endpoint.id}`)).status).toBe(200);
  });

  it('never logs a secret', () => {
    expect(secrets.length).toBeGreaterThan(3);
    const logs = api.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(logs).not.toContain(secret.slice('whsec_'.length));
  });
});
