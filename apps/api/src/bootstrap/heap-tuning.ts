import { setFlagsFromString } from 'node:v8';

/**
 * V8 lets the old generation grow to several times its live size before a full collection; under load
 * the service's short-lived request garbage is partly promoted, so its resident memory climbed from
 * ~45 MB of live heap to 200-260 MB before a collection. Capping the growth factor at 1.3× keeps peak RSS
 * near 150-170 MB in `npm run bench` at no measurable CPU cost (collections are incremental). Applied by the
 * service's entry points only, never by the embeddable module: a host application owns its own heap.
 * `FACEAUTH_HEAP_GROWING_PERCENT=0` (config `runtime.heapGrowingPercent`) restores V8's default.
 */
export function tuneHeap(heapGrowingPercent: number): void {
  if (heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
