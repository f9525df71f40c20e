import { Webhook } from 'standardwebhooks';
import { eventually } from '../support/sandbox-journey';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { WebhookReceiver } from './webhook-receiver';

const ADMIN_KEY = 'dispatch-crash-admin-secret-000000001';

interface Delivery {
  id: string;
  eventId: string;
  status: string;
  attempts: number;
}

async function call<T>(service: ServiceProcess, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { 'x-api-key': ADMIN_KEY, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/**
 * Issue 20, acceptance 2: the built service is killed with SIGKILL while an outbound delivery is in flight
 * (the receiver has the request and has not answered). After a restart on the same database the delivery is
 * claimed again once its lease runs out and delivered, with the same `webhook-id` and a valid signature.
 */
describe.each(databasesUnderTest())('outbound delivery across a SIGKILL on %s', (kind) => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    await service?.kill('SIGTERM');
    await receiver.stop();
    await database.drop();
  });

  it('delivers after the restart what the killed process was sending', async () => {
    const env: Record<string, string> = {
      ...(database.config.type === 'sqlite'
        ? { SQLITE_PATH: database.config.path }
        : { DATABASE_URL: database.config.url }),
      INTERNAL_API_KEYS: `ops|admin|${ADMIN_KEY}`,
      WEBHOOK_PROCESSOR_ENABLED: 'false',
      RECONCILE_ENABLED: 'false',
      NOTIFICATION_TIMEOUT_MS: '2000',
      NOTIFICATION_LEASE_MS: '2000',
    };
    service = await startServiceProcess(env);
    const endpoint = await call<{ id: string; secret: string }>(
      service,
      'POST',
      '/v1/notification-endpoints',
      { url: receiver.url(), events: ['faceauth.link.revoked'] },
    );
    receiver.respond = () => ({ status: 200, hang: true });
    const link = await call<{ id: string }>(service, 'POST', '/v1/links', {
      sid: 'sub_crash',
      clientReference: 'order-crash-1',
    });
    await call(service, 'DELETE', `/v1/links/${link.id}`);

    await eventually(async () => receiver.receptions.length === 1, 10_000);
    await service.kill('SIGKILL');
    const inFlight = receiver.receptions[0];
    receiver.respond = () => ({ status: 204 });

    service = await startServiceProcess(env);
    await eventually(async () => receiver.receptions.length >= 2, 20_000);
    const again = receiver.receptions[1];
    expect(again.headers['webhook-id']).toBe(inFlight.headers['webhook-id']);
    expect(again.body).toBe(inFlight.body);
    const event = new Webhook(endpoint.secret).verify(again.body, again.headers) as {
      type: string;
      data: { link: { id: string; clientReference: string; outcome: { status: string } } };
    };
    expect(event.type).toBe('faceauth.link.revoked');
    expect(event.data.link).toMatchObject({
      id: link.id,
      clientReference: 'order-crash-1',
      outcome: { status: 'revoked' },
    });
    await eventually(async () => {
      const { items } = await call<{ items: Delivery[] }>(
        service!,
        'GET',
        `/v1/notification-endpoints/${endpoint.id}/deliveries`,
      );
      return items.length === 1 && items[0].status === 'delivered';
    }, 10_000);
    const { items } = await call<{ items: Delivery[] }>(
      service,
      'GET',
      `/v1/notification-endpoints/${endpoint.id}/deliveries`,
    );
    expect(items).toEqual([
      expect.objectContaining({ eventId: inFlight.headers['webhook-id'], status: 'delivered' }),
    ]);
    // A claim counts its attempt: the killed one and the one after the restart.
    expect(items[0].attempts).toBe(2);
    expect(receiver.receptions).toHaveLength(2);
  }, 120_000);
});
