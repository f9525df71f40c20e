import { LoadResult } from './http-load';
import { ServerProcess } from './server-process';

export interface ServerRound {
  load: LoadResult;
  /** Server CPU (user + system) spent from just before the load to the end of `settle`, in µs. */
  cpuUs: number;
  /** `cpuUs` per 2xx answer. */
  cpuUsPerReq: number;
  /** RSS of the server process at the end of the round. */
  rssBytes: number;
  heapUsedBytes: number;
  /** Peak RSS of the server process so far. */
  maxRssBytes: number;
  /** V8 heap bytes the server allocated over the round, per 2xx answer. */
  allocBytesPerReq: number;
}

/**
 * Drives one round of load at `server` and charges it the server's own CPU, read over IPC before and
 * after. `settle` runs before the second reading, for work the server still owes (e.g. the webhook
 * processor draining the inbox) that belongs to the same requests.
 */
export async function measureServerRound(
  server: ServerProcess,
  load: () => Promise<LoadResult>,
  settle?: () => Promise<void>,
): Promise<ServerRound> {
  const before = await server.cpu();
  const result = await load();
  if (settle) await settle();
  const after = await server.cpu();
  const cpuUs = after.cpuUs - before.cpuUs;
  return {
    load: result,
    cpuUs,
    cpuUsPerReq: cpuUs / Math.max(result.ok, 1),
    rssBytes: after.rssBytes,
    heapUsedBytes: after.heapUsedBytes,
    maxRssBytes: after.maxRssBytes,
    allocBytesPerReq: (after.allocatedBytes - before.allocatedBytes) / Math.max(result.ok, 1),
  };
}
