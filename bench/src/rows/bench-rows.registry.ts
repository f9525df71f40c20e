import { BenchRow } from '../bench-row.interface';
import { adminGetBench } from './admin-get.bench';
import { codecGcmBench } from './codec-gcm.bench';
import { codecQueryBench } from './codec-query.bench';
import { codecBench } from './codec.bench';

/** Every row of `npm run bench`, in run order. Add a row: one `*.bench.ts` file, one line here. */
export const BENCH_ROWS: readonly BenchRow[] = [codecBench, codecQueryBench, codecGcmBench, adminGetBench('sqlite'), adminGetBench('postgres')];
