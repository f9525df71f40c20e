/**
 * Issue 20 (operators): `faceauth endpoints add | list | rotate | remove | enable | disable` and `faceauth
 * deliveries list | replay` as real child processes. Deliveries are written in-process by the API harness on
 * the same database (its NotificationOutbox, its dispatcher stopped and run by hand towards a local
 * receiver): the CLI never sends, a replay only re-queues.
 */
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { NotificationDispatcher, NotificationOutbox } from '@faceauth/notifications';
import { ApiHarness } from '../support/api-harness';
import { startApiOn } from '../support/api-on-database';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { cliDatabaseEnv } from './cli-database.env';
import { expectOneLineFailure } from './cli-expectations';
import { cliEntry, runCli } from './faceauth-cli.runner';

interface PrintedEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[] | null;
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface PrintedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

interface DeliveryPage {
  items: PrintedDelivery[];
  nextCursor: string | null;
}

const SECRET = /^whsec_[A-Za-z0-9+/=]+$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe.each(databasesUnderTest())('faceauth endpoints and deliveries on %s', (kind) => {
  let database: TestDatabase;
  let api: ApiHarness;
  let env: Record<string, string>;
  let receiver: Server;
  let receiverUrl: string;
  const received: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    cliEntry();
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push(req.headers);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    database = await createTestDatabase(kind);
    // Its dispatcher off: the test sends the outbox itself (runOnce), when it wants a delivery settled.
    api = await startApiOn(database, {
      env: { WEBHOOK_PROCESSOR_ENABLED: 'false', RECONCILE_ENABLED: 'false' },
      configure: (config) => ({
        ...config,
        notifications: { ...config.notifications, dispatcherEnabled: false },
      }),
    });
    env = cliDatabaseEnv(database);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  const cli = (args: string[]) => runCli(args, { env });
  const json = async <T>(args: string[]): Promise<T> => {
    const result = await cli([...args, '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout) as T;
  };
  const enqueue = (type: string) =>
    api.app.get(NotificationOutbox).enqueue(null, { type, data: { test: true } });

  it('add → list → rotate → deliveries list → replay → remove', async () => {
    // add: the secret alone on stdout, once; the endpoint and the "store it" line on stderr, never the secret.
    const added = await cli([
      'endpoints',
      'add',
      receiverUrl,
      '--events',
      'faceauth.link.approved,faceauth.result.stored',
      '--description',
      'ops receiver',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^whsec_\S+\n$/);
    const secret = added.stdout.trim();
    expect(secret).toMatch(SECRET);
    expect(added.stderr).toMatch(/^Added endpoint [0-9a-f-]{36} for http:\/\/127\.0\.0\.1:\d+\/hooks /);
    expect(added.stderr).toMatch(/shown only now: store it/);
    expect(added.stderr).not.toContain(secret);
    const id = /Added endpoint ([0-9a-f-]{36})/.exec(added.stderr)![1];

    // list: no secret, in the table or the JSON.
    const listed = await json<PrintedEndpoint[]>(['endpoints', 'list']);
    expect(listed).toEqual([
      {
        id,
        url: receiverUrl,
        description: 'ops receiver',
        events: ['faceauth.link.approved', 'faceauth.result.stored'],
        enabled: true,
        disabledReason: null,
        consecutiveFailures: 0,
        previousSecretExpiresAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    const table = await cli(['endpoints', 'list']);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout).toMatch(/^ID +URL +EVENTS +STATUS +FAILURES +CREATED +DESCRIPTION\n/);
    expect(table.stdout).toContain(id);
    expect(table.stdout).toMatch(/ enabled +0 +/);
    for (const out of [table.stdout, JSON.stringify(listed)]) {
      expect(out).not.toContain(secret);
      expect(out).not.toContain('whsec_');
    }

    // rotate: a new secret, once; the previous one still signs during the overlap.
    const rotated = await cli(['endpoints', 'rotate', id]);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/^whsec_\S+\n$/);
    const newSecret = rotated.stdout.trim();
    expect(newSecret).not.toBe(secret);
    expect(rotated.stderr).toMatch(
      new RegExp(`^Rotated the secret of endpoint ${id}: the previous secret still signs`),
    );
    expect(rotated.stderr).not.toContain('whsec_');
    expect((await json<PrintedEndpoint[]>(['endpoints', 'list']))[0].previousSecretExpiresAt).toEqual(
      expect.any(String),
    );

    // No delivery yet.
    expect(await json<DeliveryPage>(['deliveries', 'list', id])).toEqual({ items: [], nextCursor: null });
    const emptyTable = await cli(['deliveries', 'list', id]);
    expect(emptyTable).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^ID +EVENT +WEBHOOK-ID +STATUS +ATTEMPTS +LAST +CREATED\n$/),
      stderr: '',
    });

    // An event the endpoint subscribes to, written to the outbox by the running product.
    const event = await enqueue('faceauth.result.stored');
    expect(event.deliveryIds).toHaveLength(1);
    const deliveryId = event.deliveryIds[0];
    const pending = await json<DeliveryPage>(['deliveries', 'list', id]);
    expect(pending).toEqual({
      items: [
        expect.objectContaining({
          id: deliveryId,
          endpointId: id,
          eventId: event.eventId,
          eventType: 'faceauth.result.stored',
          status: 'pending',
          attempts: 0,
        }),
      ],
      nextCursor: null,
    });

    // A pending delivery is not replayed: it is on its way.
    const early = await cli(['deliveries', 'replay', deliveryId]);
    expectOneLineFailure(early, /DELIVERY_IN_PROGRESS/);
    expect(early.code).toBe(1);

    // The service sends it (here: one dispatcher pass); the CLI then shows it delivered.
    expect(await api.app.get(NotificationDispatcher).runOnce()).toBe(1);
    expect(received.map((h) => h['webhook-id'])).toEqual([event.eventId]);
    const delivered = await cli(['deliveries', 'list', id]);
    expect(delivered.code).toBe(0);
    expect(delivered.stdout).toMatch(
      new RegExp(`\\n${deliveryId} +faceauth\\.result\\.stored +${event.eventId} +delivered +1 +HTTP 204 +`),
    );

    // replay: re-queued only; the running service delivers it, with the same webhook-id.
    const replayed = await cli(['deliveries', 'replay', deliveryId]);
    expect(replayed).toMatchObject({ code: 0, stderr: '' });
    expect(replayed.stdout).toBe(
      `delivery ${deliveryId} (faceauth.result.stored, webhook-id ${event.eventId}) to ${receiverUrl} re-queued: ` +
        'the running service delivers it, this command does not send\n',
    );
    expect(received).toHaveLength(1);
    expect((await json<DeliveryPage>(['deliveries', 'list', id])).items[0]).toMatchObject({
      id: deliveryId,
      status: 'pending',
      attempts: 0,
    });
    expect(await api.app.get(NotificationDispatcher).runOnce()).toBe(1);
    expect(received.map((h) => h['webhook-id'])).toEqual([event.eventId, event.eventId]);
    const again = await json<PrintedDelivery>(['deliveries', 'replay', deliveryId]);
    expect(again).toMatchObject({ id: deliveryId, endpointId: id, status: 'pending', attempts: 0 });

    // Pages, newest first.
    const newer = await enqueue('faceauth.link.approved');
    await enqueue('faceauth.link.revoked'); // not subscribed: no delivery
    const page1 = await json<DeliveryPage>(['deliveries', 'list', id, '--limit', '1']);
    expect(page1.items.map((d) => d.id)).toEqual([newer.deliveryIds[0]]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await json<DeliveryPage>([
      'deliveries',
      'list',
      id,
      '--limit',
      '1',
      '--cursor',
      page1.nextCursor!,
    ]);
    expect(page2).toMatchObject({ items: [{ id: deliveryId }], nextCursor: null });
    const paged = await cli(['deliveries', 'list', id, '--limit', '1']);
    expect(paged.stderr).toBe(`more: pass --cursor ${page1.nextCursor}\n`);

    // disable / enable
    const disabled = await cli(['endpoints', 'disable', id]);
    expect(disabled).toEqual({
      code: 0,
      stdout: `endpoint ${id} disabled (disabled by an administrator)\n`,
      stderr: '',
    });
    expect(await json<PrintedEndpoint>(['endpoints', 'enable', id])).toMatchObject({
      id,
      enabled: true,
      disabledReason: null,
    });

    // remove: the endpoint and its deliveries are gone.
    expect(await json<unknown>(['endpoints', 'remove', id])).toEqual({ id, removed: true });
    expect(await json<PrintedEndpoint[]>(['endpoints', 'list'])).toEqual([]);
    const twice = await cli(['endpoints', 'remove', id]);
    expectOneLineFailure(
      twice,
      new RegExp(`no notification endpoint has the id ${id} \\(ENDPOINT_NOT_FOUND\\)`),
    );
    expect(twice.code).toBe(1);
    expectOneLineFailure(await cli(['deliveries', 'replay', deliveryId]), /DELIVERY_NOT_FOUND/);
  });

  it('add --json prints the endpoint with its secret, rotate --json the new one', async () => {
    const added = await cli(['endpoints', 'add', receiverUrl, '--json']);
    expect(added.code).toBe(0);
    const created = JSON.parse(added.stdout) as PrintedEndpoint & { secret: string };
    expect(created).toMatchObject({ url: receiverUrl, events: null, description: null, enabled: true });
    expect(created.secret).toMatch(SECRET);
    expect(added.stderr).toMatch(/all events\)\. The secret above is shown only now: store it/);
    expect(added.stderr).not.toContain(created.secret);

    const rotated = JSON.parse((await cli(['endpoints', 'rotate', created.id, '--json'])).stdout) as {
      id: string;
      secret: string;
      previousSecretExpiresAt: string | null;
    };
    expect(rotated).toMatchObject({ id: created.id, previousSecretExpiresAt: expect.any(String) });
    expect(rotated.secret).toMatch(SECRET);
    expect(rotated.secret).not.toBe(created.secret);
    expect(await json<unknown>(['endpoints', 'remove', created.id])).toEqual({
      id: created.id,
      removed: true,
    });
  });

  it('an unknown id fails in one line, exit 1', async () => {
    for (const args of [
      ['endpoints', 'rotate', UNKNOWN_ID],
      ['endpoints', 'remove', UNKNOWN_ID],
      ['endpoints', 'enable', UNKNOWN_ID],
      ['endpoints', 'disable', UNKNOWN_ID],
      ['deliveries', 'list', UNKNOWN_ID],
    ]) {
      const result = await cli(args);
      expectOneLineFailure(
        result,
        new RegExp(`no notification endpoint has the id ${UNKNOWN_ID} \\(ENDPOINT_NOT_FOUND\\)`),
      );
      expect(result.code).toBe(1);
    }
    const replay = await cli(['deliveries', 'replay', UNKNOWN_ID]);
    expectOneLineFailure(replay, new RegExp(`no delivery has the id ${UNKNOWN_ID} \\(DELIVERY_NOT_FOUND\\)`));
    expect(replay.code).toBe(1);
  });
});

// Checked before any database is opened (SQLITE_PATH is unusable on purpose): once, not per database kind.
describe('faceauth endpoints and deliveries: usage', () => {
  const env = { SQLITE_PATH: '/dev/null/unusable.sqlite' };

  it.each<[string[], RegExp]>([
    [['endpoints'], /faceauth endpoints needs a subcommand: add, list, rotate, remove, enable, disable/],
    [['endpoints', 'frobnicate'], /unknown command "endpoints frobnicate"/],
    [['deliveries'], /faceauth deliveries needs a subcommand: list, replay/],
    [['endpoints', 'add'], /missing required argument 'url'/],
    [['endpoints', 'add', 'ftp://example.com/x'], /must be an absolute http\(s\) URL/],
    [['endpoints', 'add', 'not a url'], /must be an absolute http\(s\) URL/],
    [['endpoints', 'add', 'https://u:p@example.com/x'], /must not carry credentials/],
    [
      ['endpoints', 'add', 'https://example.com/x', '--events', 'faceauth.nope'],
      /--events must be .*unknown: faceauth\.nope/,
    ],
    [['endpoints', 'add', 'https://example.com/x', '--events', ','], /--events must be/],
    [
      ['endpoints', 'add', 'https://example.com/x', '--description', 'x'.repeat(201)],
      /--description must be/,
    ],
    [['endpoints', 'rotate', 'not-a-uuid'], /the endpoint id must be a UUID/],
    [['endpoints', 'remove'], /missing required argument 'id'/],
    [['endpoints', 'list', '--bogus'], /unknown option '--bogus'/],
    [['deliveries', 'list', 'x'], /the endpoint id must be a UUID/],
    [['deliveries', 'list', UNKNOWN_ID, '--limit', '0'], /--limit must be a whole number from 1 to 200/],
    [['deliveries', 'replay', 'x'], /the delivery id must be a UUID/],
  ])('%j exits 2 in one line', async (args, message) => {
    const result = await runCli(args, { env });
    expectOneLineFailure(result, message);
    expect(result.code).toBe(2);
  });

  it.each([
    'endpoints add',
    'endpoints list',
    'endpoints rotate',
    'endpoints remove',
    'endpoints enable',
    'endpoints disable',
    'deliveries list',
    'deliveries replay',
  ])('%s --help offers --json', async (command) => {
    const help = await runCli([...command.split(' '), '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}--json +\S/m);
  });

  it('replay says, in its help, that it only re-queues', async () => {
    const help = await runCli(['deliveries', 'replay', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('it does not send: the running service delivers it');
  });
});
