import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
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
import { dataSourceOptions, loadConfig } from '@faceauth/service';
import { FACEAUTH_OUTBOUND_EVENT_TYPES } from '@faceauth/webhook';
import { NotificationsRepository } from '../../../libs/notifications/src/persistence/notifications.repository';
import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { pairedRatios, runAlternatingRounds, RoundId } from '../http/alternating-rounds';
import { BenchDatabaseKind, createBenchDatabase } from '../http/bench-database';
import { medianOf, round2, roundsOf } from '../http/figures';
import { httpPlan } from '../http/http-plan';
import { SERVER_ENTRIES, ServerProcess } from '../http/server-process';
import { median } from '../measure/median';

/** Events per round: each is one signed delivery to the one endpoint. */
const EVENTS = 2_000;
const EVENT_TYPE = 'faceauth.link.approved';

interface DeliveryRound {
  /** Deliveries per second, end to end (enqueue included on the subject's side). */
  perS: number;
  /** Subject only: the dispatch phase alone (claim, sign, POST, settle), deliveries per second. */
  dispatchPerS: number;
  enqueueMs: number;
  /** CPU of the bench process (where both sides run) per delivery, µs. */
  cpuUsPerDelivery: number;
  /** Subject on PostgreSQL only: CPU of the database's backends per delivery, µs (-1 elsewhere). */
  databaseCpuUsPerDelivery: number;
  /** CPU of the receiver process per delivery, µs (connection set-up shows here). */
  receiverCpuUsPerDelivery: number;
  /** Baseline only: the same bare loop with a new connection per POST (`agent: false`, as sendWebhook). */
  oneShotPerS: number;
}

/**
 * Issue 20, step 7: signed outbound webhooks through the service's own path — `NotificationOutbox.enqueue`
 * (the outbox rows) then `NotificationDispatcher.runOnce` until the outbox is empty (claim under a lease,
 * Standard Webhooks signature, POST through the target policy, settle) — against a bare loop that
 * serialises the same events, signs them with `standardwebhooks` and POSTs them with the same concurrency,
 * no database. Both post to one node:http receiver (own process) answering 204. Goal ≥ 0.7.
 */
export function deliveriesBench(kind: BenchDatabaseKind): BenchRow {
  return {
    name: `deliveries-${kind}`,
    title: `Signed webhook deliveries on ${kind}, ${EVENTS} events per round to a local node:http receiver (204): NotificationOutbox.enqueue + NotificationDispatcher.runOnce (service defaults: batches of 50, 8 in flight) vs a bare loop signing the same bodies with standardwebhooks and POSTing them 8 in flight (keep-alive), no database`,
    subjectLabel: '@faceauth/notifications outbox + dispatcher',
    baselineLabel: 'bare standardwebhooks sign + node:http POST',
    unit: 'deliveries/s',
    goal: { op: '>=', value: 0.7 },
    run: (ctx) => measureDeliveries(kind, ctx),
  };
}

async function measureDeliveries(kind: BenchDatabaseKind, ctx: BenchContext): Promise<RowMeasurement> {
  const database = await createBenchDatabase(kind);
  let receiver: ServerProcess | null = null;
  let app: INestApplicationContext | null = null;
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
    return await measureOn(kind, app, receiver, ctx);
  } finally {
    await app?.close().catch(() => undefined);
    await receiver?.stop().catch(() => undefined);
    await database.drop();
  }
}

async function measureOn(
  kind: BenchDatabaseKind,
  app: INestApplicationContext,
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
      `SELECT count(*) AS n FROM faceauth_notification_outbox WHERE status = 'delivered'`,
    );
    return Number(row?.n ?? 0);
  };

  const runSubject = async (): Promise<DeliveryRound> => {
    const events = buildEvents();
    const before = await delivered();
    const db0 = await backendTicks(dataSource);
    const r0 = await receiver.cpu();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await inParallel(events, concurrency, (event) => outbox.enqueue(null, event));
    const t1 = performance.now();
    let attempts = 0;
    for (let n = await dispatcher.runOnce(); n > 0; n = await dispatcher.runOnce()) attempts += n;
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const r1 = await receiver.cpu();
    const db1 = await backendTicks(dataSource);
    const after = await delivered();
    if (attempts !== EVENTS || after - before !== EVENTS)
      throw new Error(
        `the dispatcher made ${attempts} attempts and delivered ${after - before} of ${EVENTS} events`,
      );
    return {
      perS: EVENTS / ((t2 - t0) / 1000),
      dispatchPerS: EVENTS / ((t2 - t1) / 1000),
      enqueueMs: t1 - t0,
      cpuUsPerDelivery: (cpu.user + cpu.system) / EVENTS,
      databaseCpuUsPerDelivery: db0 && db1 ? ticksBetween(db0, db1) / EVENTS : -1,
      receiverCpuUsPerDelivery: (r1.cpuUs - r0.cpuUs) / EVENTS,
      oneShotPerS: Number.NaN,
    };
  };

  const bareRound = async (keepAlive: boolean): Promise<DeliveryRound> => {
    const events = buildEvents();
    const r0 = await receiver.cpu();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const answered = await bareLoop(events, url, secret, concurrency, keepAlive);
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const r1 = await receiver.cpu();
    if (answered !== EVENTS) throw new Error(`the bare loop got ${answered} 2xx answers of ${EVENTS}`);
    const perS = EVENTS / ((t1 - t0) / 1000);
    return {
      perS,
      dispatchPerS: perS,
      enqueueMs: 0,
      databaseCpuUsPerDelivery: 0,
      cpuUsPerDelivery: (cpu.user + cpu.system) / EVENTS,
      receiverCpuUsPerDelivery: (r1.cpuUs - r0.cpuUs) / EVENTS,
      oneShotPerS: Number.NaN,
    };
  };

  const plan = httpPlan(ctx);
  const runRound = async (round: RoundId): Promise<DeliveryRound> => {
    if (round.side === 'subject') {
      const r = await runSubject();
      ctx.log(
        `bench:   subject  round ${round.label}: ${Math.round(r.perS)} deliveries/s (enqueue ${Math.round(r.enqueueMs)} ms, dispatch ${Math.round(r.dispatchPerS)}/s), ` +
          `${r.cpuUsPerDelivery.toFixed(0)} µs CPU/delivery here, receiver ${r.receiverCpuUsPerDelivery.toFixed(0)} µs` +
          (r.databaseCpuUsPerDelivery >= 0
            ? `, PostgreSQL backends ${r.databaseCpuUsPerDelivery.toFixed(0)} µs`
            : ''),
      );
      return r;
    }
    const r = await bareRound(true);
    // The diagnostic variant, outside the paired measurement: one connection per POST like sendWebhook.
    const oneShot = await bareRound(false);
    r.oneShotPerS = oneShot.perS;
    ctx.log(
      `bench:   baseline round ${round.label}: ${Math.round(r.perS)} deliveries/s, ${r.cpuUsPerDelivery.toFixed(0)} µs CPU/delivery here, ` +
        `receiver ${r.receiverCpuUsPerDelivery.toFixed(0)} µs; new connection per POST: ${Math.round(oneShot.perS)}/s, ` +
        `${oneShot.cpuUsPerDelivery.toFixed(0)} µs CPU here, receiver ${oneShot.receiverCpuUsPerDelivery.toFixed(0)} µs`,
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
  const oneShot = medianOf(rounds.baseline, (r) => r.oneShotPerS);
  const subject = medianOf(rounds.subject, (r) => r.perS);
  return {
    subject,
    baseline: medianOf(rounds.baseline, (r) => r.perS),
    ratio: median(ratios),
    rounds: ratios,
    figures: [
      {
        label: 'dispatch phase alone (outbox already written) vs bare',
        subject: medianOf(rounds.subject, (r) => r.dispatchPerS),
        baseline: medianOf(rounds.baseline, (r) => r.perS),
        unit: 'deliveries/s',
      },
      {
        label: 'service vs bare with a new connection per POST (as sendWebhook)',
        subject,
        baseline: oneShot,
        unit: 'deliveries/s',
      },
      {
        label: 'CPU of the bench process per delivery',
        subject: medianOf(rounds.subject, (r) => r.cpuUsPerDelivery),
        baseline: medianOf(rounds.baseline, (r) => r.cpuUsPerDelivery),
        unit: 'µs/delivery',
      },
      {
        label: "receiver's CPU per delivery",
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
      baselinePerSecRounds: roundsOf(rounds.baseline, (r) => r.perS),
      baselineOneShotPerSecRounds: roundsOf(rounds.baseline, (r) => r.oneShotPerS),
      subjectCpuUsPerDelivery: round2(medianOf(rounds.subject, (r) => r.cpuUsPerDelivery)),
      subjectDatabaseCpuUsPerDelivery: round2(medianOf(rounds.subject, (r) => r.databaseCpuUsPerDelivery)),
      baselineCpuUsPerDelivery: round2(medianOf(rounds.baseline, (r) => r.cpuUsPerDelivery)),
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

/** Runs `work` over `items`, at most `concurrency` at once. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * The baseline: what a hand-written sender does per event — serialise `{type, timestamp, data}`, a
 * `msg_` id, one `standardwebhooks` signature, a POST; `keepAlive` false opens a connection per POST.
 */
async function bareLoop(
  events: readonly NotificationEvent[],
  url: string,
  secret: string,
  concurrency: number,
  keepAlive: boolean,
): Promise<number> {
  const webhook = new Webhook(secret);
  const agent = keepAlive ? new Agent({ keepAlive: true, maxSockets: concurrency }) : false;
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
      const status = await post(url, agent, body, {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': webhook.sign(id, now, body),
      });
      if (status >= 200 && status < 300) ok++;
    });
  } finally {
    if (agent) agent.destroy();
  }
  return ok;
}

function post(
  url: string,
  agent: Agent | false,
  body: string,
  headers: Record<string, string>,
): Promise<number> {
  const payload = Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(payload.length) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
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
