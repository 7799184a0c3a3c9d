/**
 * Statistics of one metric over the runs of a group: mean with a 95% Student-t confidence
 * interval (STYLE §10.9) and order statistics for error distributions. Non-finite values (an
 * unbounded stability, a run with no step) are left out and counted apart.
 */
import { studentTQuantile } from './student-t.ts';

export interface Stats {
  /** Finite values summarised. */
  n: number;
  /** Values left out because they were null or not finite. */
  omitted: number;
  mean: number | null;
  /** Half-width of the 95% confidence interval of the mean; null with fewer than 2 values. */
  ci95: number | null;
  sd: number | null;
  min: number | null;
  median: number | null;
  p95: number | null;
  max: number | null;
}

/** Quantile by linear interpolation between order statistics (type 7, as R's default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function summarize(values: readonly (number | null)[]): Stats {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  const omitted = values.length - n;
  if (n === 0)
    return { n, omitted, mean: null, ci95: null, sd: null, min: null, median: null, p95: null, max: null };
  // Welford's one-pass update: no catastrophic cancellation when the spread is small.
  let mean = 0;
  let m2 = 0;
  xs.forEach((x, i) => {
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  });
  const sorted = [...xs].sort((a, b) => a - b);
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : null;
  const ci95 = sd === null ? null : (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return {
    n,
    omitted,
    mean,
    ci95,
    sd,
    min: sorted[0]!,
    median: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    max: sorted[n - 1]!,
  };
}
