import { AllocationMeter } from './allocation-meter';
import { startAllocationSampler } from './allocation-sampler';

/**
 * The IPC protocol between the bench and a server it spawned. CPU is read inside the server
 * (`process.cpuUsage()`), because server CPU µs per request is the stable figure on these shared machines
 * (QUALITY.md) and only the server process itself can report its own usage exactly.
 */

/** Bench → server. */
export type BenchServerCommand = { cmd: 'cpu'; id: number } | { cmd: 'stop' };

/** Server → bench. */
export type BenchServerMessage =
  { type: 'ready'; port: number } | { type: 'cpu'; id: number; sample: ServerCpuSample };

export interface ServerCpuSample {
  /** Cumulative user + system CPU of the server process, in µs. */
  cpuUs: number;
  rssBytes: number;
  /** V8 heap in use: tells heap growth (a leak, or garbage not yet collected) from native memory. */
  heapUsedBytes: number;
  /** Peak resident set size of the process so far (`resourceUsage().maxRSS`), in bytes. */
  maxRssBytes: number;
  /** V8 heap bytes allocated since the server announced itself (see AllocationMeter). */
  allocatedBytes: number;
}

export function isBenchServerCommand(value: unknown): value is BenchServerCommand {
  if (typeof value !== 'object' || value === null) return false;
  const cmd = (value as { cmd?: unknown }).cmd;
  return cmd === 'cpu' || cmd === 'stop';
}

/**
 * Announces the listening port and answers the bench's commands until it says stop. `close` releases the
 * server's resources (HTTP server, database pool) before the process exits.
 */
export function serveBenchIpc(port: number, close: () => Promise<void>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('a bench server must be spawned with an IPC channel');
  const allocation = new AllocationMeter();
  const sampler = startAllocationSampler(process.argv[1]?.replace(/^.*\/|\.js$/g, '') ?? 'server');
  process.on('message', (message: unknown) => {
    if (!isBenchServerCommand(message)) return;
    if (message.cmd === 'cpu') {
      const cpu = process.cpuUsage();
      const sample: ServerCpuSample = {
        cpuUs: cpu.user + cpu.system,
        rssBytes: process.memoryUsage.rss(),
        heapUsedBytes: process.memoryUsage().heapUsed,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        allocatedBytes: allocation.read(),
      };
      send({ type: 'cpu', id: message.id, sample } satisfies BenchServerMessage);
      return;
    }
    Promise.resolve(sampler?.())
      .then(close)
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
  // The bench died: do not linger as an orphan holding the database.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port } satisfies BenchServerMessage);
}
