import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ManualClock } from '@faceauth/core';
import { ClockModule } from '@faceauth/module';
import {
  NOTIFICATION_ENTITIES,
  NotificationDispatcher,
  NotificationEndpointService,
  NotificationOutbox,
  NotificationsModule,
  NotificationsModuleOptions,
  Resolver,
  TargetPolicy,
} from '@faceauth/notifications';
import { dataSourceOptions } from '@faceauth/service';
import { Notifications1764100000009 } from '../../src/database/migrations/1764100000009-notifications';
import { NotificationsRepository } from '../../libs/notifications/src/persistence/notifications.repository';
import { createTestDatabase, DatabaseKindUnderTest, TestDatabase } from '../support/test-databases';
import { WebhookReceiver } from './webhook-receiver';

export const EVENT_TYPES = ['faceauth.result', 'link.expired', 'link.created'];

/** Development targets (a receiver on http://127.0.0.1), nothing started on bootstrap. */
export const DEV_OPTIONS: NotificationsModuleOptions = {
  eventTypes: EVENT_TYPES,
  allowPrivateTargets: true,
  requireHttps: false,
  dispatcher: { autoStart: false },
};

export interface NotificationsHarness {
  moduleRef: TestingModule;
  dataSource: DataSource;
  outbox: NotificationOutbox;
  dispatcher: NotificationDispatcher;
  endpoints: NotificationEndpointService;
  repository: NotificationsRepository;
  clock: ManualClock;
  database: TestDatabase;
  /** Runs the dispatcher until a claim comes back empty; returns how many attempts were made. */
  drain(): Promise<number>;
  close(): Promise<void>;
}

export interface HarnessSetup {
  options?: NotificationsModuleOptions;
  /** Join this database (another worker) rather than creating one; it is then not dropped on close. */
  database?: TestDatabase;
  clock?: ManualClock;
  /** A resolver for the target policy instead of the system's. */
  resolver?: Resolver;
}

/**
 * The notifications lib on a real database migrated with its migration only, with a manual clock set to
 * the wall clock (receivers check `webhook-timestamp` against real time, within 5 minutes).
 */
export async function startNotifications(
  kind: DatabaseKindUnderTest,
  setup: HarnessSetup = {},
): Promise<NotificationsHarness> {
  const options = setup.options ?? DEV_OPTIONS;
  const owned = !setup.database;
  const database = setup.database ?? (await createTestDatabase(kind));
  const clock = setup.clock ?? new ManualClock(Date.now());
  let builder = Test.createTestingModule({
    imports: [
      ClockModule.forRoot(clock),
      TypeOrmModule.forRoot({
        ...dataSourceOptions(database.config),
        entities: NOTIFICATION_ENTITIES,
        migrations: [Notifications1764100000009],
      }),
      NotificationsModule.forRoot(options),
    ],
  });
  if (setup.resolver) {
    builder = builder.overrideProvider(TargetPolicy).useValue(
      new TargetPolicy(
        {
          allowPrivateTargets: options.allowPrivateTargets ?? false,
          requireHttps: options.requireHttps ?? true,
        },
        setup.resolver,
      ),
    );
  }
  const moduleRef = await builder.compile();
  await moduleRef.init();
  const dispatcher = moduleRef.get(NotificationDispatcher);
  return {
    moduleRef,
    dataSource: moduleRef.get<DataSource>(getDataSourceToken()),
    outbox: moduleRef.get(NotificationOutbox),
    dispatcher,
    endpoints: moduleRef.get(NotificationEndpointService),
    repository: moduleRef.get(NotificationsRepository),
    clock,
    database,
    drain: async () => {
      let total = 0;
      for (let n = await dispatcher.runOnce(); n > 0; n = await dispatcher.runOnce()) total += n;
      return total;
    },
    close: async () => {
      await moduleRef.close();
      if (owned) await database.drop();
    },
  };
}

/** Enqueues `n` `faceauth.result` events with auth ids `<tag>-0` … `<tag>-(n-1)`, one transaction each. */
export async function enqueueResults(h: NotificationsHarness, n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await h.outbox.enqueue(undefined, {
      type: 'faceauth.result',
      data: { authId: `${tag}-${i}`, status: 'approved' },
    });
  }
}

/** A harness and a receiver, for one `describe` block (see {@link useNotificationsWithReceiver}). */
export interface NotificationsWithReceiver {
  readonly h: NotificationsHarness;
  readonly receiver: WebhookReceiver;
}

/**
 * For one `describe` block: a real receiver and a harness started before its tests and closed after them; between
 * tests the receiver is reset and every endpoint (with its deliveries) deleted.
 */
export function useNotificationsWithReceiver(
  kind: DatabaseKindUnderTest,
  setup: HarnessSetup,
): NotificationsWithReceiver {
  let started: { h: NotificationsHarness; receiver: WebhookReceiver } | undefined;
  const get = () => {
    if (!started) throw new Error('useNotificationsWithReceiver: only inside its describe block');
    return started;
  };
  beforeAll(async () => {
    const receiver = await new WebhookReceiver().start();
    started = { receiver, h: await startNotifications(kind, setup) };
  });
  afterAll(async () => {
    await started?.h.close();
    await started?.receiver.stop();
  });
  beforeEach(() => get().receiver.reset());
  afterEach(async () => {
    const { h } = get();
    for (const endpoint of await h.endpoints.list()) await h.endpoints.delete(endpoint.id);
  });
  return {
    get h() {
      return get().h;
    },
    get receiver() {
      return get().receiver;
    },
  };
}
