import { GCProfiler, getHeapStatistics } from 'node:v8';

// GCProfiler reports heap statistics in camelCase, whatever @types/node says (checked on Node 20).
type GcHeapStatistics = { usedHeapSize?: number; used_heap_size?: number };
const usedOf = (stats: GcHeapStatistics): number => stats.usedHeapSize ?? stats.used_heap_size ?? 0;

/**
 * Bytes the V8 heap allocated since the meter started: the growth of the used heap between collections,
 * summed over every collection (V8's `GCProfiler` gives the used size before and after each). Unlike CPU
 * time, this barely moves with the machine's load, so it tells a change of per-request work from noise.
 */
export class AllocationMeter {
  private profiler = new GCProfiler();
  private total = 0;
  private lastUsed = getHeapStatistics().used_heap_size;

  constructor() {
    this.profiler.start();
  }

  /** Cumulative bytes allocated so far. */
  read(): number {
    const { statistics } = this.profiler.stop();
    this.profiler = new GCProfiler();
    this.profiler.start();
    for (const gc of statistics) {
      this.total += Math.max(0, usedOf(gc.beforeGC.heapStatistics as GcHeapStatistics) - this.lastUsed);
      this.lastUsed = usedOf(gc.afterGC.heapStatistics as GcHeapStatistics);
    }
    const used = getHeapStatistics().used_heap_size;
    this.total += Math.max(0, used - this.lastUsed);
    this.lastUsed = used;
    return this.total;
  }
}
