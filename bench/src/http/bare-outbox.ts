import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import { DatabaseConfig } from '@faceauth/service';
import { BARE_OUTBOX_TABLE } from './twin-outbox';

/** An event as the row hands it to both sides (`NotificationEvent`'s shape). */
export interface BareEvent {
  type: string;
  data: unknown;
  timestamp?: Date;
}

/** The dispatcher settings the limit shares with the service (the service's resolved options). */
export interface BareOutboxSettings {
  /** Rows per claim. */
  batchSize: number;
  /** POSTs in flight within a batch, and the keep-alive sockets to the receiver. */
  concurrency: number;
  /** How long a claim holds its rows. */
  leaseMs: number;
}

/**
 * The `deliveries-*` row's limit: what any implementation of durable outbound webhooks must do, hand-written
 * on the raw driver, against the twin outbox (twin-outbox.ts) and the service's own endpoints table.
 */
export interface BareOutbox {
  /**
   * Writes one outbox row per event and subscribed endpoint: one autocommit `INSERT` per row, `concurrency`
   * events at once, as `NotificationOutbox.enqueue(null, …)` writes (no caller transaction).
   */
  enqueue(events: readonly BareEvent[]): Promise<void>;
  /**
   * Claims batches until none is due, and makes one attempt of each claimed row: sign, POST, settle on 2xx.
   * Returns the attempts made. `settleGroup`: delivered rows settled per transaction; 1 (the default, the
   * row's limit) is one autocommit `UPDATE` per row; more groups a batch's settles, one transaction per group
   * written while the batch's POSTs go on (the `info` variant matching the service's DeliveredSettler).
   */
  dispatch(settleGroup?: number): Promise<number>;
  /** Rows of the twin settled `delivered` (the round's check). */
  deliveredCount(): Promise<number>;
  close(): Promise<void>;
}

/** `faceauth_notification_outbox`'s columns, as the service's claim returns them (entity metadata order). */
const OUTBOX_COLUMNS =
  'id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, locked_until, ' +
  'last_status_code, last_error, response_excerpt, created_at, delivered_at';

/** The service's `subscribers` read, once per enqueue call (the service keeps it a second). */
const SUBSCRIBERS = 'SELECT id, event_types FROM faceauth_notification_endpoints WHERE enabled = TRUE';

/**
 * The service's `outboxInsert`: every column, and its `ON CONFLICT (endpoint_id, event_id) DO NOTHING` (a
 * repeated event writes nothing; the unique index is paid for either way). `$1` id, `$2` endpoint, `$3`
 * event id, `$4` type, `$5` payload, `$6` now.
 */
const INSERT = `INSERT INTO ${BARE_OUTBOX_TABLE} (${OUTBOX_COLUMNS})
VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, NULL, NULL, NULL, NULL, $6, NULL)
ON CONFLICT (endpoint_id, event_id) DO NOTHING`;

/** The service's due condition (notifications.sql.ts `DUE`). `$1` now. */
const DUE = `((status = 'pending' AND next_attempt_at <= $1) OR (status = 'delivering' AND locked_until <= $1))`;

/**
 * The service's `claim`, on the twin, enabled-endpoint subquery included: one autocommit statement per batch,
 * the attempt counted. `$1` now, `$2` lease end, `$3` batch size.
 */
function claimSql(postgres: boolean): string {
  return `UPDATE ${BARE_OUTBOX_TABLE} SET status = 'delivering', locked_until = $2, attempts = attempts + 1
WHERE id IN (
  SELECT id FROM ${BARE_OUTBOX_TABLE} WHERE ${DUE}
    AND endpoint_id IN (SELECT id FROM faceauth_notification_endpoints WHERE enabled = TRUE)
  ORDER BY next_attempt_at, id
  LIMIT $3${postgres ? ' FOR UPDATE SKIP LOCKED' : ''})
  AND ${DUE}
RETURNING ${OUTBOX_COLUMNS}`;
}

/** The endpoint a claimed row goes to: its URL and secret, read once per endpoint and batch, as the dispatcher does. */
const ENDPOINT = 'SELECT url, secret FROM faceauth_notification_endpoints WHERE id = $1';

/**
 * The service's `delivered` settle, one autocommit `UPDATE` per row, only while the lease is held. `$1` id,
 * `$2` lease, `$3` now, `$4` status code, `$5` excerpt.
 */
const DELIVERED = `UPDATE ${BARE_OUTBOX_TABLE} SET status = 'delivered', delivered_at = $3, last_status_code = $4,
  response_excerpt = $5, last_error = NULL, locked_until = NULL
WHERE id = $1 AND status = 'delivering' AND locked_until = $2
RETURNING id`;

const DELIVERED_COUNT = `SELECT count(*) AS n FROM ${BARE_OUTBOX_TABLE} WHERE status = 'delivered'`;

type Row = Record<string, unknown>;

/**
 * The raw statements of the limit on one engine: `$n` texts, each committing on its own through `rows`, or
 * together through `transaction` (the grouped-settle variant only).
 */
interface BareOutboxDriver {
  /** Rows of a read or of a write's `RETURNING`. */
  rows(name: string, text: string, values: readonly unknown[]): Promise<Row[]>;
  /** Runs the statements in one transaction (all commit, or none); returns how many returned a row. */
  transaction(name: string, text: string, values: readonly (readonly unknown[])[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * better-sqlite3 on the service's database file with the service's pragmas (WAL, synchronous NORMAL,
 * foreign keys) and busy timeout, statements prepared once. The `$n` texts bind as named parameters.
 */
function sqliteDriver(path: string, busyTimeoutMs: number): BareOutboxDriver {
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const prepared = new Map<string, Database.Statement>();
  const run = (name: string, text: string, values: readonly unknown[]): Row[] => {
    let statement = prepared.get(name);
    if (!statement) {
      statement = db.prepare(text);
      prepared.set(name, statement);
    }
    // better-sqlite3 refuses a parameter object for a statement that has no parameter.
    const bound = values.length === 0 ? [] : [Object.fromEntries(values.map((v, i) => [i + 1, v]))];
    if (statement.reader) return statement.all(...bound) as Row[];
    statement.run(...bound);
    return [];
  };
  // `BEGIN IMMEDIATE`, as the service's atomic units on SQLite.
  const inTransaction = db.transaction(
    (name: string, text: string, values: readonly (readonly unknown[])[]) =>
      values.filter((v) => run(name, text, v).length > 0).length,
  );
  return {
    async rows(name, text, values) {
      return run(name, text, values);
    },
    async transaction(name, text, values) {
      return inTransaction.immediate(name, text, values);
    },
    async close() {
      db.close();
    },
  };
}

/** A pg Pool of the service's pool size, named (prepared) statements as the service's hot statements are. */
function postgresDriver(url: string, poolSize: number): BareOutboxDriver {
  const pool = new Pool({ connectionString: url, max: poolSize });
  // An idle connection's error (the row drops its database with FORCE as it ends, and `pool.end()` does not
  // wait for the sockets to close) would otherwise be an unhandled 'error' event; a query reports its own.
  pool.on('error', () => undefined);
  return {
    async rows(name, text, values) {
      return (await pool.query<Row>({ name: `bare_outbox_${name}`, text, values: [...values] })).rows;
    },
    async transaction(name, text, values) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        let held = 0;
        for (const v of values) {
          const result = await client.query({ name: `bare_outbox_${name}`, text, values: [...v] });
          if (result.rows.length > 0) held++;
        }
        await client.query('COMMIT');
        return held;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: Error) => {
          broken = rollback; // the connection's state is unknown: not pooled again
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** Opens the limit on the database the service uses (its `loadConfig` settings). */
export function openBareOutbox(database: DatabaseConfig, settings: BareOutboxSettings): BareOutbox {
  const postgres = database.type === 'postgres';
  const driver =
    database.type === 'postgres'
      ? postgresDriver(database.url, database.poolSize)
      : sqliteDriver(database.path, database.busyTimeoutMs ?? 5_000);
  return new BareOutboxLimit(driver, claimSql(postgres), settings);
}

/** A claimed row: what an attempt needs from the claim's `RETURNING`. */
interface Claimed {
  id: string;
  endpointId: string;
  eventId: string;
  payload: string;
  /** As the driver returned it (a string on PostgreSQL's BIGINT), bound back as the settle's lease. */
  lockedUntil: unknown;
}

/** Where an attempt's `delivered` settle goes (see `BareOutboxLimit.settler`). */
interface Settle {
  add(values: readonly unknown[]): Promise<void>;
  /** Writes what is pending and waits for every write. */
  finish(): Promise<void>;
}

/** An endpoint as an attempt needs it. */
interface Target {
  url: string;
  webhook: Webhook;
}

class BareOutboxLimit implements BareOutbox {
  private readonly agent: Agent;

  constructor(
    private readonly driver: BareOutboxDriver,
    private readonly claim: string,
    private readonly settings: BareOutboxSettings,
  ) {
    // One keep-alive agent to the receiver, as the service's DeliveryAgents keeps one per checked address.
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: settings.concurrency,
      maxFreeSockets: settings.concurrency,
    });
  }

  async enqueue(events: readonly BareEvent[]): Promise<void> {
    const subscribers = (await this.driver.rows('subscribers', SUBSCRIBERS, [])).map((row) => ({
      id: String(row.id),
      eventTypes: row.event_types == null ? null : (JSON.parse(String(row.event_types)) as string[]),
    }));
    await inParallel(events, this.settings.concurrency, async (event) => {
      const now = new Date();
      // Serialised once: the bytes signed and sent on every attempt.
      const payload = JSON.stringify({
        type: event.type,
        timestamp: (event.timestamp ?? now).toISOString(),
        data: event.data ?? null,
      });
      const eventId = `msg_${randomBytes(24).toString('base64url')}`;
      for (const s of subscribers) {
        if (s.eventTypes !== null && !s.eventTypes.includes(event.type)) continue;
        await this.driver.rows('insert', INSERT, [
          randomUUID(),
          s.id,
          eventId,
          event.type,
          payload,
          now.getTime(),
        ]);
      }
    });
  }

  async dispatch(settleGroup = 1): Promise<number> {
    const { batchSize, leaseMs, concurrency } = this.settings;
    let attempts = 0;
    for (;;) {
      const now = Date.now();
      const batch = (await this.driver.rows('claim', this.claim, [now, now + leaseMs, batchSize])).map(
        (row): Claimed => ({
          id: String(row.id),
          endpointId: String(row.endpoint_id),
          eventId: String(row.event_id),
          payload: String(row.payload),
          lockedUntil: row.locked_until,
        }),
      );
      if (batch.length === 0) return attempts;
      attempts += batch.length;
      const targets = new Map<string, Promise<Target>>();
      const settle = this.settler(settleGroup);
      await inParallel(batch, concurrency, async (row) => {
        let target = targets.get(row.endpointId);
        if (!target) {
          target = this.target(row.endpointId);
          targets.set(row.endpointId, target);
        }
        await this.attempt(row, await target, settle);
      });
      await settle.finish();
    }
  }

  async deliveredCount(): Promise<number> {
    const [row] = await this.driver.rows('delivered_count', DELIVERED_COUNT, []);
    return Number(row?.n ?? 0);
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await this.driver.close();
  }

  private async target(endpointId: string): Promise<Target> {
    const [row] = await this.driver.rows('endpoint', ENDPOINT, [endpointId]);
    if (!row) throw new Error(`endpoint ${endpointId} is gone`);
    return { url: String(row.url), webhook: new Webhook(String(row.secret)) };
  }

  /**
   * Sign, POST, settle. A non-2xx answer is not settled: the row keeps its lease, is not claimed again in
   * this round, and the round's count check fails (the receiver always answers 204).
   */
  private async attempt(row: Claimed, target: Target, settle: Settle): Promise<void> {
    const at = new Date();
    const status = await postWebhook(target.url, this.agent, row.payload, {
      'content-type': 'application/json',
      'webhook-id': row.eventId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': target.webhook.sign(row.eventId, at, row.payload),
    });
    if (status < 200 || status >= 300) return;
    await settle.add([row.id, row.lockedUntil, Date.now(), status, null]);
  }

  /**
   * How a batch's delivered rows are settled: one autocommit `UPDATE` each, awaited by its worker; or, with
   * `group` > 1, in groups written one after another (one transaction each) while the POSTs go on, the
   * last group at the batch's end.
   */
  private settler(group: number): Settle {
    if (group <= 1) {
      return {
        add: async (values) => {
          await this.driver.rows('delivered', DELIVERED, values);
        },
        finish: async () => undefined,
      };
    }
    let pending: (readonly unknown[])[] = [];
    let chain: Promise<unknown> = Promise.resolve();
    const flush = (): void => {
      if (pending.length === 0) return;
      const rows = pending;
      pending = [];
      chain = chain.then(() => this.driver.transaction('delivered', DELIVERED, rows));
      // Handled here so a failed group is not an unhandled rejection before `finish` rethrows it.
      chain.catch(() => undefined);
    };
    return {
      add: async (values) => {
        pending.push(values);
        if (pending.length >= group) flush();
      },
      finish: async () => {
        flush();
        await chain;
      },
    };
  }
}

/** Runs `work` over `items`, at most `concurrency` at once (the row's sides all use it). */
export async function inParallel<T>(
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
 * One POST of a signed body, the answer read to its end (so a keep-alive socket goes back to the agent);
 * the status code. Shared by the limit and the row's no-database loop, so both post alike.
 */
export function postWebhook(
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
