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
 * An increasing family with its slope: `at(i, x)` returns d(i, x) and leaves ∂d/∂x at the same
 * point for `slopeAtLast()`, because both share the expensive part (a rate and its derivatives).
 */
export interface SmoothMarginal {
  at(i: number, x: number): number;
  slopeAtLast(): number;
}

/**
 * The x in [lo, hi] with d(i, x) = level, as `levelRoot`, by safeguarded Newton from x0: the marginals here are smooth and a warm
 * start is close, so two or three steps replace the 20–40 evaluations of a bracketing search.
 * A step that leaves the bracket known so far (or a non-positive slope) bisects it instead
 * (geometrically while it spans more than a factor 16), so the iteration cannot diverge; the
 * result is clamped to [lo, hi] like `levelRoot`'s.
 */
export function newtonLevelRoot(
  d: SmoothMarginal,
  i: number,
  level: number,
  x0: number,
  lo: number,
  hi: number,
  relTol = ROOT_REL_TOL,
): number {
  let a = lo;
  let b = hi;
  let x = x0 > lo && x0 < hi ? x0 : Math.sqrt(lo * hi) || 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const g = d.at(i, x) - level;
    if (g === 0) return x;
    if (g < 0) a = x;
    else b = x;
    let next = x - g / d.slopeAtLast();
    if (!(next > a && next < b)) {
      // Newton points beyond a bound: the root may be clamped there.
      if (next >= hi && a === x && d.at(i, hi) <= level) return hi;
      if (next <= lo && b === x && d.at(i, lo) >= level) return lo;
      next = a > 0 && b > 16 * a ? Math.sqrt(a * b) : 0.5 * (a + b);
    }
    if (Math.abs(next - x) <= relTol * Math.abs(x) || b - a <= relTol * Math.abs(b)) return next;
    x = next;
  }
  return x;
}

/**
 * Water-filling: shares x_i > 0 with Σ x_i = total and d(i, x_i) = level for every i, where each
 * marginal is increasing on (0, total] and tends to −∞ at 0+ (so every share is positive): the
 * KKT conditions of min Σ F_i(x_i) s.t. Σ x_i = total for convex F_i with F_i' = d(i, ·), the
 * level being the negated multiplier of the budget.
 *
 * By Newton on the level: each share x_i(λ) solves
 * d(i, x_i) = λ (by `newtonLevelRoot` from its previous value), and the excess Σ x_i(λ) − total
 * has slope Σ 1/∂d/∂x_i. Warm shares in `out` give the first level by linearising every
 * marginal there; cold ones start from equal shares. The level is kept inside a bracket of the
 * excess's sign so a bad step bisects instead of diverging.
 *
 * @returns the level; the shares are written to `out`
 */
export function waterFill(
  count: number,
  marginal: SmoothMarginal,
  total: number,
  out: Float64Array,
  relTol = ROOT_REL_TOL,
): number {
  if (count === 0) return 0;
  if (count === 1) {
    out[0] = total;
    return marginal.at(0, total);
  }
  const floor = total * 1e-18;
  if (!isWarm(count, out, total)) out.fill(total / count, 0, count);
  // λ from the tangents at the current shares (which sum to total): Σ (λ − d_i)/d_i' = 0.
  let weighted = 0;
  let inverseSlopes = 0;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < count; i++) {
    const di = marginal.at(i, out[i] ?? NaN);
    const inv = 1 / marginal.slopeAtLast();
    weighted += di * inv;
    inverseSlopes += inv;
    low = Math.min(low, di);
    high = Math.max(high, di);
  }
  if (low >= high) return low;
  let level = weighted / inverseSlopes;
  if (!(level > low && level < high)) level = 0.5 * (low + high);
  for (let iter = 0; iter < 200; iter++) {
    let excess = -total;
    let slope = 0;
    for (let i = 0; i < count; i++) {
      const x = newtonLevelRoot(marginal, i, level, out[i] ?? NaN, floor, total, relTol);
      out[i] = x;
      excess += x;
      marginal.at(i, x);
      const s = marginal.slopeAtLast();
      // A share clamped at a bound does not move with the level.
      if (x > floor && x < total) slope += 1 / s;
    }
    if (excess === 0) break;
    if (excess < 0) low = level;
    else high = level;
    let next = level - excess / slope;
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(excess) <= relTol * total || Math.abs(next - level) <= relTol * Math.abs(level)) break;
    level = next;
  }
  // Rescale the last rounding error away so that (9e)/(9g) hold to float precision.
  let sum = 0;
  for (let i = 0; i < count; i++) sum += out[i] ?? 0;
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
