/**
 * Measuring helpers for `mecsim bench`: wall time of a workload, and heap bytes held per item.
 * Benchmarks report ratios of workloads measured side by side in one run, so the machine's speed
 * cancels out; absolute rates are printed for orientation only.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full garbage collection; exposes V8's gc() without requiring --expose-gc on the command line. */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Runs `work` (which returns how many events it processed) `repeats` times; the best rate wins,
 *  since slower repeats measure interference, not the code. */
export function bestRate(repeats: number, work: () => number): { eventsPerS: number; wallS: number } {
  let best = { eventsPerS: 0, wallS: Infinity };
  for (let r = 0; r < repeats; r++) {
    collectGarbage();
    const t0 = performance.now();
    const events = work();
    const wallS = (performance.now() - t0) / 1000;
    if (events / wallS > best.eventsPerS) best = { eventsPerS: events / wallS, wallS };
  }
  return best;
}

/** Heap bytes per item held by what `build(n)` returns (kept alive until measured). */
export function heapBytesPerItem(n: number, build: (n: number) => unknown): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const held = build(n);
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  // Touch `held` after the measurement so it cannot be collected before it.
  if (held === undefined) throw new Error('build() must return what it allocated');
  return (after - before) / n;
}
