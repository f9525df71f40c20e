import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * Where a row's heap allocations come from: with BENCH_ALLOCATION_PROFILE_DIR set, a bench server samples
 * every allocation (V8's sampling heap profiler, objects later collected included, unlike `--heap-prof`,
 * which keeps only what is still alive at exit) and writes `<dir>/<label>-<pid>.heapprofile` when the bench
 * stops it. Open the file in Chrome DevTools (Memory tab) or sum `selfSize` by call frame.
 */
export function startAllocationSampler(label: string): (() => Promise<void>) | null {
  const dir = process.env.BENCH_ALLOCATION_PROFILE_DIR;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return () =>
    new Promise<void>((resolve) => {
      session.post('HeapProfiler.stopSampling', (error, result) => {
        if (!error)
          writeFileSync(join(dir, `${label}-${process.pid}.heapprofile`), JSON.stringify(result.profile));
        else process.stderr.write(`allocation sampler: ${error.message}\n`);
        session.disconnect();
        resolve();
      });
    });
}
