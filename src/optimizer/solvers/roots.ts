/**
 * One-dimensional root finding for the increasing marginals of the convex subproblems
 * (MODEL.md §6: every block of the resource step reduces to "find x with d(x) = level" for an
 * increasing d, or to a water-filling level found the same way).
 */

/** Relative width at which a bracket counts as converged (float64 leaves ~1e-16). */
export const ROOT_REL_TOL = 1e-13;

/** A family of increasing functions x ↦ d(i, x), one per index i (a user's marginal cost). */
export type Marginal = (i: number, x: number) => number;

/**
 * The x in [lo, hi] with d(i, x) = level for d increasing in x, clamped: lo if d(i, lo) ≥ level,
 * hi if d(i, hi) ≤ level. Taking the family and the index (instead of a closure per call) keeps
 * the hot loops free of allocation.
 *
 * Illinois (modified regula falsi): superlinear on smooth d, never leaves the bracket. While a
 * positive bracket spans more than a factor 16 it bisects geometrically instead, because the
 * brackets here span many decades (a bandwidth share may be anywhere from 1 Hz to 20 MHz) and
 * regula falsi crawls on such spans.
 */
export function levelRoot(
  d: Marginal,
  i: number,
  level: number,
  lo: number,
  hi: number,
  relTol = ROOT_REL_TOL,
): number {
  let glo = d(i, lo) - level;
  if (!(glo < 0)) return lo;
  let ghi = d(i, hi) - level;
  if (!(ghi > 0)) return hi;
  let side = 0;
  for (let iter = 0; iter < 400; iter++) {
    if (hi - lo <= relTol * Math.max(Math.abs(lo), Math.abs(hi)) + Number.MIN_VALUE) break;
    let x: number;
    if (lo > 0 && hi > 16 * lo) x = Math.sqrt(lo * hi);
    else if (hi < 0 && lo < 16 * hi) x = -Math.sqrt(lo * hi);
    else {
      x = (lo * ghi - hi * glo) / (ghi - glo);
      // Every third step bisects, so that a flat d cannot stall regula falsi.
      if (!(x > lo && x < hi) || iter % 3 === 2) x = 0.5 * (lo + hi);
    }
    const gx = d(i, x) - level;
    if (gx === 0) return x;
    if (gx < 0) {
      lo = x;
      glo = gx;
      if (side === -1) ghi *= 0.5;
      side = -1;
    } else {
      hi = x;
      ghi = gx;
      if (side === 1) glo *= 0.5;
      side = 1;
    }
  }
  return 0.5 * (lo + hi);
}

/**
 * As `levelRoot`, searching outwards from a guess x0 in (lo, hi) first: a warm start that is
 * already close costs a few evaluations instead of a bisection over many decades.
 */
export function levelRootNear(
  d: Marginal,
  i: number,
  level: number,
  x0: number,
  lo: number,
  hi: number,
  relTol = ROOT_REL_TOL,
): number {
  if (!(x0 > lo && x0 < hi)) return levelRoot(d, i, level, lo, hi, relTol);
  let a = Math.max(lo, x0 / 1.05);
  let b = Math.min(hi, x0 * 1.05);
  while (a > lo && d(i, a) > level) {
    b = a;
    a = Math.max(lo, a / 8);
  }
  while (b < hi && d(i, b) < level) {
    a = b;
    b = Math.min(hi, b * 8);
  }
  return levelRoot(d, i, level, a, b, relTol);
}

/** The root of one increasing function g on [lo, hi], clamped (see `levelRoot`). */
export function increasingRoot(
  g: (x: number) => number,
  lo: number,
  hi: number,
  relTol = ROOT_REL_TOL,
): number {
  return levelRoot((_i, x) => g(x), 0, 0, lo, hi, relTol);
}

/**
 * Water-filling: shares x_i > 0 with Σ x_i = total and d(i, x_i) = level for every i, where each
 * marginal is increasing on (0, total] and tends to −∞ at 0+ (so every share is positive). These
 * are the KKT conditions of min Σ F_i(x_i) s.t. Σ x_i = total for convex F_i with F_i' = d(i, ·);
 * the level is the negated multiplier of the budget.
 *
 * When `out` already holds positive shares that sum to `total` (the previous solution), they
 * warm-start it: the level then lies between the smallest and the largest current marginal (at
 * the largest every share can only grow, at the smallest only shrink), and each share is searched
 * near its old value.
 *
 * @returns the level; the shares are written to `out`
 */
export function waterFill(
  count: number,
  marginal: Marginal,
  total: number,
  out: Float64Array,
  relTol = ROOT_REL_TOL,
): number {
  if (count === 0) return 0;
  if (count === 1) {
    out[0] = total;
    return marginal(0, total);
  }
  const floor = total * 1e-18;
  const start = isWarm(count, out, total) ? out.slice(0, count) : undefined;
  let high = -Infinity;
  let low = Infinity;
  for (let i = 0; i < count; i++) {
    // Cold: at max_i d_i(total) every share is ≥ total, at min_i d_i(total/count) every share
    // is ≤ total/count.
    const hiAt = start === undefined ? marginal(i, total) : marginal(i, start[i] ?? NaN);
    const loAt = start === undefined ? marginal(i, total / count) : hiAt;
    high = Math.max(high, hiAt);
    low = Math.min(low, loAt);
  }
  const shareAt = (i: number, level: number): number =>
    start === undefined
      ? levelRoot(marginal, i, level, floor, total, relTol)
      : levelRootNear(marginal, i, level, start[i] ?? NaN, floor, total, relTol);
  const excess = (level: number): number => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += shareAt(i, level);
    return sum - total;
  };
  const level = low >= high ? low : increasingRoot(excess, low, high, relTol);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const x = shareAt(i, level);
    out[i] = x;
    sum += x;
  }
  // Rescale the last rounding error away so that (9e)/(9g) hold to float precision.
  for (let i = 0; i < count; i++) out[i] = ((out[i] ?? 0) * total) / sum;
  return level;
}

function isWarm(count: number, shares: Float64Array, total: number): boolean {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const x = shares[i] ?? NaN;
    if (!(x > 0 && x <= total)) return false;
    sum += x;
  }
  return Math.abs(sum - total) <= 1e-9 * total;
}
