import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { SystemClock } from '@faceauth/core';
import { ClockModule } from '@faceauth/module';
import {
  NOTIFICATIONS_OPTIONS,
  NotificationDispatcher,
  NotificationEndpointService,
  NotificationEvent,
  NotificationOutbox,
  NotificationsModule,
  ResolvedNotificationsOptions,
  TargetPolicy,
} from '@faceauth/notifications';
import { dataSourceOptions, DatabaseConfig, loadConfig } from '@faceauth/service';
import { FACEAUTH_OUTBOUND_EVENT_TYPES } from '@faceauth/webhook';
import { NotificationsRepository } from '../../../libs/notifications/src/persistence/notifications.repository';
import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { pairedRatios, runAlternatingRounds, RoundId } from '../http/alternating-rounds';
import { BareOutbox, inParallel, openBareOutbox, postWebhook } from '../http/bare-outbox';
import { BenchDatabase, BenchDatabaseKind, createBenchDatabase } from '../http/bench-database';
import { medianOf, round2, roundsOf } from '../http/figures';
import { httpPlan } from '../http/http-plan';
import { SERVER_ENTRIES, ServerProcess } from '../http/server-process';
import {
  BARE_OUTBOX_TABLE,
  createTwinOutbox,
  outboxIndexCount,
  SERVICE_OUTBOX_TABLE,
} from '../http/twin-outbox';
import { median } from '../measure/median';

/** Events per round: each is one signed delivery to the one endpoint. */
const EVENTS = 2_000;
/**
 * The service's settle group (libs/notifications DeliveredSettler, `SETTLE_GROUP` of the dispatcher): the
 * `info` variant of the limit settles as many delivered rows per transaction.
 */
const SERVICE_SETTLE_GROUP = 16;
const EVENT_TYPE = 'faceauth.link.approved';

/** One round of the no-database loop (an `info` line, measured in the limit's turn, outside the pairs). */
interface LoopRound {
  perS: number;
  cpuUsPerDelivery: number;
  receiverCpuUsPerDelivery: number;
}

interface DeliveryRound {
  /** Deliveries per second, end to end (enqueue, then dispatch until the outbox is empty). */
  perS: number;
  /** The dispatch phase alone (claim, sign, POST, settle), deliveries per second. */
  dispatchPerS: number;
  enqueueMs: number;
  /** CPU of the bench process (where every side runs) per delivery, µs. */
  cpuUsPerDelivery: number;
  /** On PostgreSQL: CPU of the database's backends per delivery, µs (-1 elsewhere). */
  databaseCpuUsPerDelivery: number;
  /** CPU of the receiver process per delivery, µs. */
  receiverCpuUsPerDelivery: number;
  /** The limit's turn only: the no-database loop run right after it (null on the subject's side). */
  noDatabase: LoopRound | null;
  /** The limit's turn only: the limit with settles grouped as the service's, run right after it. */
  grouped: DeliveryRound | null;
}

/**
 * Issue 20, step 7, and performance item 5: signed outbound webhooks through the service's own path —
 * `NotificationOutbox.enqueue` (the outbox rows) then `NotificationDispatcher.runOnce` until the outbox is
 * empty (claim under a lease, Standard Webhooks signature, POST through the target policy, settle) — against
 * the limit (http/bare-outbox.ts): what any durable outbound webhook sender must do, on the raw driver and a
 * twin of the outbox table — an autocommit `INSERT` per event, the service's claim per batch of 50, a
 * `standardwebhooks` signature and a keep-alive POST per row (8 in flight), the service's `delivered` `UPDATE`
 * per row. Two `info` variants run in the limit's turn, outside the pairs: the limit settling in groups of 16
 * per transaction (as the service's DeliveredSettler now does: whether the per-row limit still bounds it), and
 * the former baseline, the same events signed and POSTed with no database at all (what durability costs).
 * Everything posts to one node:http receiver (own process) answering 204. Goal ≥ 0.7.
 */
export function deliveriesBench(kind: BenchDatabaseKind): BenchRow {
  return {
    name: `deliveries-${kind}`,
    title: `Signed webhook deliveries on ${kind}, ${EVENTS} events per round to a local node:http receiver (204): NotificationOutbox.enqueue + NotificationDispatcher.runOnce (service defaults: batches of 50, 8 in flight) vs the limit, a hand-written outbox on the raw driver (autocommit INSERT per event into a twin outbox table, the service's claim per batch of 50, standardwebhooks signature, keep-alive POST 8 in flight, the service's delivered UPDATE per row)`,
    subjectLabel: '@faceauth/notifications outbox + dispatcher',
    baselineLabel: 'limit: raw-driver outbox (INSERT, claim, sign, POST, settle UPDATE)',
    unit: 'deliveries/s',
    goal: { op: '>=', value: 0.7 },
    run: (ctx) => measureDeliveries(kind, ctx),
  };
}

async function measureDeliveries(kind: BenchDatabaseKind, ctx: BenchContext): Promise<RowMeasurement> {
  const database = await createBenchDatabase(kind);
  let receiver: ServerProcess | null = null;
  let app: INestApplicationContext | null = null;
  let limit: BareOutbox | null = null;
  try {
    receiver = await ServerProcess.start('receiver', SERVER_ENTRIES.receiver, {});
    // The service's database settings (pool size, timeouts, migrations) from the same loader main.ts uses.
    const config = loadConfig({ ...database.env, NODE_ENV: 'development', LOG_LEVEL: 'silent' });
    @Module({
      imports: [
        ClockModule.forRoot(new SystemClock()),
        TypeOrmModule.forRoot(dataSourceOptions(config.database)),
        // The service's notification options (lib-options.mapper), with the dispatcher driven by the bench.
        NotificationsModule.forRoot({
          eventTypes: [...FACEAUTH_OUTBOUND_EVENT_TYPES],
          allowPrivateTargets: true,
          requireHttps: false,
          dispatcher: { autoStart: false },
        }),
      ],
    })
    class BenchNotificationsModule {}
    app = await NestFactory.createApplicationContext(BenchNotificationsModule, { logger: false });
    limit = await openLimit(database, config.database, app);
    return await measureOn(kind, app, limit, receiver, ctx);
  } finally {
    await limit?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await receiver?.stop().catch(() => undefined);
    await database.drop();
  }
}

/**
 * The limit on the service's database (migrated by now): its twin outbox, checked to carry as many indexes
 * as the service's, and its connections opened with the service's settings and dispatcher options.
 */
async function openLimit(
  database: BenchDatabase,
  config: DatabaseConfig,
  app: INestApplicationContext,
): Promise<BareOutbox> {
  const probe = await database.openProbe();
  try {
    await createTwinOutbox(probe, database.kind);
    const service = await outboxIndexCount(probe, database.kind, SERVICE_OUTBOX_TABLE);
    const twin = await outboxIndexCount(probe, database.kind, BARE_OUTBOX_TABLE);
    if (service === 0 || twin !== service)
      throw new Error(`the twin outbox has ${twin} indexes, the service's ${service}`);
  } finally {
    await probe.close();
  }
  const { dispatcher, delivery } = app.get<ResolvedNotificationsOptions>(NOTIFICATIONS_OPTIONS);
  return openBareOutbox(config, {
    batchSize: dispatcher.batchSize,
    concurrency: dispatcher.concurrency,
    leaseMs: delivery.leaseMs,
  });
}

async function measureOn(
  kind: BenchDatabaseKind,
  app: INestApplicationContext,
  limit: BareOutbox,
  receiver: ServerProcess,
  ctx: BenchContext,
): Promise<RowMeasurement> {
  const outbox = app.get(NotificationOutbox);
  const dispatcher = app.get(NotificationDispatcher);
  const options = app.get<ResolvedNotificationsOptions>(NOTIFICATIONS_OPTIONS);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const { concurrency, batchSize } = options.dispatcher;
  const url = `${receiver.baseUrl}/hooks`;
  const { secret } = await app.get(NotificationEndpointService).create({ url, description: 'bench' });
  await checkBareSignature(secret);

  const delivered = async (): Promise<number> => {
    const [row] = await dataSource.query<{ n: string | number }[]>(
      `SELECT count(*) AS n FROM ${SERVICE_OUTBOX_TABLE} WHERE status = 'delivered'`,
    );
    return Number(row?.n ?? 0);
  };

  /**
   * One round of an outbox side: enqueue every event, then dispatch until nothing is due; fails unless
   * `EVENTS` attempts were made and `EVENTS` more rows are `delivered` (counted in the side's table).
   */
  const outboxRound = async (
    side: string,
    enqueue: (events: readonly NotificationEvent[]) => Promise<void>,
    dispatch: () => Promise<number>,
    count: () => Promise<number>,
  ): Promise<DeliveryRound> => {
    const events = buildEvents();
    const before = await count();
    const db0 = await backendTicks(dataSource);
    const r0 = await receiver.cpu();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await enqueue(events);
    const t1 = performance.now();
    const attempts = await dispatch();
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const r1 = await receiver.cpu();
    const db1 = await backendTicks(dataSource);
    const after = await count();
    if (attempts !== EVENTS || after - before !== EVENTS)
      throw new Error(
        `the ${side} made ${attempts} attempts and delivered ${after - before} of ${EVENTS} events`,
      );
    return {
      perS: EVENTS / ((t2 - t0) / 1000),
      dispatchPerS: EVENTS / ((t2 - t1) / 1000),
      enqueueMs: t1 - t0,
      cpuUsPerDelivery: (cpu.user + cpu.system) / EVENTS,
      databaseCpuUsPerDelivery: db0 && db1 ? ticksBetween(db0, db1) / EVENTS : -1,
      receiverCpuUsPerDelivery: (r1.cpuUs - r0.cpuUs) / EVENTS,
      noDatabase: null,
      grouped: null,
    };
  };

  const runSubject = (): Promise<DeliveryRound> =>
    outboxRound(
      'dispatcher',
      (events) => inParallel(events, concurrency, (event) => outbox.enqueue(null, event)),
      async () => {
        let attempts = 0;
        for (let n = await dispatcher.runOnce(); n > 0; n = await dispatcher.runOnce()) attempts += n;
        return attempts;
      },
      delivered,
    );

  const runLimit = (settleGroup: number): Promise<DeliveryRound> =>
    outboxRound(
      settleGroup > 1 ? 'grouped limit' : 'limit',
      (events) => limit.enqueue(events),
      () => limit.dispatch(settleGroup),
      () => limit.deliveredCount(),
    );

  const noDatabaseRound = async (): Promise<LoopRound> => {
    const events = buildEvents();
    const r0 = await receiver.cpu();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const answered = await bareLoop(events, url, secret, concurrency);
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const r1 = await receiver.cpu();
    if (answered !== EVENTS) throw new Error(`the no-database loop got ${answered} 2xx answers of ${EVENTS}`);
    return {
      perS: EVENTS / ((t1 - t0) / 1000),
      cpuUsPerDelivery: (cpu.user + cpu.system) / EVENTS,
      receiverCpuUsPerDelivery: (r1.cpuUs - r0.cpuUs) / EVENTS,
    };
  };

  const describe = (r: DeliveryRound): string =>
    `${Math.round(r.perS)} deliveries/s (enqueue ${Math.round(r.enqueueMs)} ms, dispatch ${Math.round(r.dispatchPerS)}/s), ` +
    `${r.cpuUsPerDelivery.toFixed(0)} µs CPU/delivery here, receiver ${r.receiverCpuUsPerDelivery.toFixed(0)} µs` +
    (r.databaseCpuUsPerDelivery >= 0
      ? `, PostgreSQL backends ${r.databaseCpuUsPerDelivery.toFixed(0)} µs`
      : '');

  const plan = httpPlan(ctx);
  const runRound = async (round: RoundId): Promise<DeliveryRound> => {
    if (round.side === 'subject') {
      const r = await runSubject();
      ctx.log(`bench:   subject  round ${round.label}: ${describe(r)}`);
      return r;
    }
    const r = await runLimit(1);
    // The diagnostics, outside the paired measurement: the limit with the service's grouped settles, and the
    // same events signed and POSTed with no database.
    const grouped = await runLimit(SERVICE_SETTLE_GROUP);
    const loop = await noDatabaseRound();
    r.grouped = grouped;
    r.noDatabase = loop;
    ctx.log(`bench:   limit    round ${round.label}: ${describe(r)}`);
    ctx.log(`bench:   grouped  round ${round.label}: ${describe(grouped)}`);
    ctx.log(
      `bench:   no-db    round ${round.label}: ${Math.round(loop.perS)} deliveries/s, ` +
        `${loop.cpuUsPerDelivery.toFixed(0)} µs CPU/delivery here, receiver ${loop.receiverCpuUsPerDelivery.toFixed(0)} µs`,
    );
    return r;
  };
  const rounds = await runAlternatingRounds(plan, runRound);
  const ratios = pairedRatios(rounds, (r) => r.perS);
  const breakdown = await timedSubjectRound(app, runSubject);
  ctx.log(
    `bench:   where a delivery's time goes (one instrumented round, ${kind}): ${Object.entries(breakdown)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const loop = (figure: (r: LoopRound) => number) => (r: DeliveryRound) =>
    r.noDatabase ? figure(r.noDatabase) : Number.NaN;
  const grouped = (figure: (r: DeliveryRound) => number) => (r: DeliveryRound) =>
    r.grouped ? figure(r.grouped) : Number.NaN;
  const subject = medianOf(rounds.subject, (r) => r.perS);
  const baseline = medianOf(rounds.baseline, (r) => r.perS);
  const noDatabase = medianOf(
    rounds.baseline,
    loop((r) => r.perS),
  );
  const enqueuePerS = (r: DeliveryRound): number => EVENTS / (r.enqueueMs / 1000);
  const databaseFigures =
    kind === 'postgres'
      ? [
          {
            label: "PostgreSQL backends' CPU per delivery",
            subject: medianOf(rounds.subject, (r) => r.databaseCpuUsPerDelivery),
            baseline: medianOf(rounds.baseline, (r) => r.databaseCpuUsPerDelivery),
            unit: 'µs/delivery',
          },
        ]
      : [];
  return {
    subject,
    baseline,
    ratio: median(ratios),
    rounds: ratios,
    figures: [
      {
        label: 'enqueue phase alone vs the limit',
        subject: medianOf(rounds.subject, enqueuePerS),
        baseline: medianOf(rounds.baseline, enqueuePerS),
        unit: 'events/s',
      },
      {
        label: 'dispatch phase alone (outbox already written) vs the limit',
        subject: medianOf(rounds.subject, (r) => r.dispatchPerS),
        baseline: medianOf(rounds.baseline, (r) => r.dispatchPerS),
        unit: 'deliveries/s',
      },
      {
        label: `service vs the limit with settles grouped ${SERVICE_SETTLE_GROUP} per transaction (as the service's)`,
        subject,
        baseline: medianOf(
          rounds.baseline,
          grouped((r) => r.perS),
        ),
        unit: 'deliveries/s',
      },
      {
        label: 'service vs the no-database loop (sign + keep-alive POST, no outbox)',
        subject,
        baseline: noDatabase,
        unit: 'deliveries/s',
      },
      {
        label: 'the limit vs the no-database loop (what durability costs at least)',
        subject: baseline,
        baseline: noDatabase,
        unit: 'deliveries/s',
      },
      {
        label: 'CPU of the bench process per delivery vs the limit',
        subject: medianOf(rounds.subject, (r) => r.cpuUsPerDelivery),
        baseline: medianOf(rounds.baseline, (r) => r.cpuUsPerDelivery),
        unit: 'µs/delivery',
      },
      ...databaseFigures,
      {
        label: "receiver's CPU per delivery vs the limit",
        subject: medianOf(rounds.subject, (r) => r.receiverCpuUsPerDelivery),
        baseline: medianOf(rounds.baseline, (r) => r.receiverCpuUsPerDelivery),
        unit: 'µs/delivery',
      },
    ],
    details: {
      database: kind,
      eventsPerRound: EVENTS,
      concurrency,
      batchSize,
      rounds: plan.rounds,
      ratioRounds: ratios.map(round2),
      subjectPerSecRounds: roundsOf(rounds.subject, (r) => r.perS),
      subjectDispatchPerSecRounds: roundsOf(rounds.subject, (r) => r.dispatchPerS),
      subjectEnqueueMsRounds: roundsOf(rounds.subject, (r) => r.enqueueMs),
      limitPerSecRounds: roundsOf(rounds.baseline, (r) => r.perS),
      limitDispatchPerSecRounds: roundsOf(rounds.baseline, (r) => r.dispatchPerS),
      limitEnqueueMsRounds: roundsOf(rounds.baseline, (r) => r.enqueueMs),
      groupedLimitPerSecRounds: roundsOf(
        rounds.baseline,
        grouped((r) => r.perS),
      ),
      groupedLimitDatabaseCpuUsPerDelivery: round2(
        medianOf(
          rounds.baseline,
          grouped((r) => r.databaseCpuUsPerDelivery),
        ),
      ),
      noDatabasePerSecRounds: roundsOf(
        rounds.baseline,
        loop((r) => r.perS),
      ),
      subjectCpuUsPerDelivery: round2(medianOf(rounds.subject, (r) => r.cpuUsPerDelivery)),
      subjectDatabaseCpuUsPerDelivery: round2(medianOf(rounds.subject, (r) => r.databaseCpuUsPerDelivery)),
      limitCpuUsPerDelivery: round2(medianOf(rounds.baseline, (r) => r.cpuUsPerDelivery)),
      limitDatabaseCpuUsPerDelivery: round2(medianOf(rounds.baseline, (r) => r.databaseCpuUsPerDelivery)),
      noDatabaseCpuUsPerDelivery: round2(
        medianOf(
          rounds.baseline,
          loop((r) => r.cpuUsPerDelivery),
        ),
      ),
      ...breakdown,
    },
  };
}

/** Events shaped like the service's link events: the link with its outcome, reference and metadata. */
function buildEvents(): NotificationEvent[] {
  const now = new Date();
  return Array.from({ length: EVENTS }, (_, i) => ({
    type: EVENT_TYPE,
    timestamp: now,
    data: {
      link: {
        id: randomUUID(),
        sid: `sub_${i}`,
        authUserId: `user-${String(i).padStart(9, '0')}`,
        project: 'default',
        status: 'used',
        maxUses: 1,
        uses: 1,
        clientReference: `order-${i}`,
        metadata: { orderId: `ord_${i}`, amount: '129.90', currency: 'EUR' },
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
        outcome: {
          status: 'approved',
          authId: `auth_${randomBytes(8).toString('hex')}`,
          decidedAt: now.toISOString(),
          reason: null,
        },
      },
      result: { authId: `auth_${i}`, status: 'approved', score: 0.97, policyViolation: null },
    },
  }));
}

/**
 * The no-database loop (an `info` line): what a sender with no outbox does per event — serialise
 * `{type, timestamp, data}`, a `msg_` id, one `standardwebhooks` signature, a keep-alive POST; the 2xx count.
 * Nothing survives a crash: it shows what durability costs, not a bar to meet.
 */
async function bareLoop(
  events: readonly NotificationEvent[],
  url: string,
  secret: string,
  concurrency: number,
): Promise<number> {
  const webhook = new Webhook(secret);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let ok = 0;
  try {
    await inParallel(events, concurrency, async (event) => {
      const now = new Date();
      const body = JSON.stringify({
        type: event.type,
        timestamp: (event.timestamp ?? now).toISOString(),
        data: event.data,
      });
      const id = `msg_${randomBytes(24).toString('base64url')}`;
      const status = await postWebhook(url, agent, body, {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': webhook.sign(id, now, body),
      });
      if (status >= 200 && status < 300) ok++;
    });
  } finally {
    agent.destroy();
  }
  return ok;
}

/** The baseline's headers verify with the endpoint's secret, as the service's do (its own tests check those). */
async function checkBareSignature(secret: string): Promise<void> {
  const now = new Date();
  const body = '{"type":"faceauth.link.approved","timestamp":"x","data":{}}';
  const id = `msg_${randomBytes(24).toString('base64url')}`;
  new Webhook(secret).verify(body, {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, now, body),
  });
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU (user + system, clock ticks) of the PostgreSQL backends connected to the row's database, read from
 * /proc (the server runs on this machine); null on SQLite or when /proc is not readable.
 */
async function backendTicks(dataSource: DataSource): Promise<Map<number, number> | null> {
  if (dataSource.options.type !== 'postgres') return null;
  const rows = await dataSource.query<{ pid: number }[]>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      return null;
    }
  }
  return ticks;
}

/** Backend CPU between two readings, in µs (a backend that appeared meanwhile counts from zero). */
function ticksBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return (ticks * 1_000_000) / USER_HZ;
}

type Timed = Record<string, { ms: number; calls: number }>;

/**
 * One extra subject round (not counted) with the repository's statements and the target policy's check
 * timed: mean wall time of each per delivery, to show where a delivery's time goes.
 */
async function timedSubjectRound(
  app: INestApplicationContext,
  runSubject: () => Promise<DeliveryRound>,
): Promise<Record<string, number>> {
  const repository = app.get(NotificationsRepository, { strict: false });
  const policy = app.get(TargetPolicy, { strict: false });
  const timed: Timed = {};
  const restore: (() => void)[] = [];
  const wrap = (target: object, method: string): void => {
    const holder = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = holder[method];
    // The library changes: a method it no longer has is left out of the breakdown, not wrapped.
    if (typeof original !== 'function') return;
    const entry = (timed[method] = { ms: 0, calls: 0 });
    holder[method] = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const t0 = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        entry.ms += performance.now() - t0;
        entry.calls++;
      }
    };
    restore.push(() => {
      holder[method] = original;
    });
  };
  for (const m of [
    'subscribers',
    'insertDeliveries',
    'claim',
    'findEndpoint',
    'delivered',
    'deliveredAll',
    'endpointSucceeded',
  ])
    wrap(repository, m);
  wrap(policy, 'check');
  let round: DeliveryRound;
  try {
    round = await runSubject();
  } finally {
    for (const undo of restore) undo();
  }
  const out: Record<string, number> = {
    instrumentedPerS: round2(round.perS),
    instrumentedDispatchPerS: round2(round.dispatchPerS),
  };
  for (const [method, { ms, calls }] of Object.entries(timed)) {
    out[`${method}MsPerCall`] = Math.round((ms / Math.max(calls, 1)) * 1000) / 1000;
    out[`${method}Calls`] = calls;
  }
  return out;
}
