import { BenchRow } from '../bench-row.interface';
import { adminGetBench } from './admin-get.bench';
import { deliveriesBench } from './deliveries.bench';
import { codecGcmBench } from './codec-gcm.bench';
import { codecQueryBench } from './codec-query.bench';
import { codecBench } from './codec.bench';
import { cleanupBench } from './cleanup.bench';
import { cliStartupBench } from './cli.bench';
import { floorBench } from './floor.bench';
import { longPollBench } from './long-poll.bench';
import { mintBench } from './mint.bench';
import { scaleBenchRows } from './scale.bench';
import { webhookBench, webhookIntakeBench } from './webhook.bench';

/** Every row of `npm run bench`, in run order. Add a row: one `*.bench.ts` file, one line here. */
export const BENCH_ROWS: readonly BenchRow[] = [
  codecBench,
  codecQueryBench,
  codecGcmBench,
  cliStartupBench,
  floorBench,
  adminGetBench('sqlite'),
  adminGetBench('postgres'),
  mintBench('sqlite'),
  mintBench('postgres'),
  webhookIntakeBench('sqlite'),
  webhookIntakeBench('postgres'),
  webhookBench('sqlite'),
  webhookBench('postgres', { rssCheck: true }),
  cleanupBench('sqlite'),
  cleanupBench('postgres'),
  deliveriesBench('sqlite'),
  deliveriesBench('postgres'),
  longPollBench('sqlite'),
  longPollBench('postgres'),
  // Each engine's scale rows share one pair of seeded databases: keep them together.
  ...scaleBenchRows('sqlite'),
  ...scaleBenchRows('postgres'),
];
