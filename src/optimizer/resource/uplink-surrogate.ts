/**
 * Power and bandwidth of one server's users in the proposed method's convex surrogate (13):
 *
 *     min Σ_n C_n(p_n)²·v_n + 1/(4·r(p_n, b_n)²·v_n)   s.t. Σ_n b_n = b_m^max (9e), p_min ≤ p_n ≤ p_max (9d)
 *
 * C_n is affine in p, so C² is convex; r is jointly concave and positive, so 1/r² is convex: the
 * problem is jointly convex and smooth, and its feasible set is a product (a box in p times a
 * simplex in b). Block-coordinate descent — every p_n by a 1-D root, then b by water-filling —
 * therefore converges to its minimum; we stop when the KKT residual is below `tol`.
 * Why not Newton on ml-matrix: the Hessian couples users only through one budget row per
 * server, so the per-server dual (one multiplier) is exact and O(users) per sweep, while a
 * dense Newton step would be O(users³).
 */
import { uplinkFactor } from '../costs.ts';
import { newRateTerms, uplinkRateTerms, type RateTerms } from '../../model/index.ts';
import type { Instance } from '../instance.ts';
import { levelRootNear, waterFill } from '../solvers/roots.ts';
import { at } from '../at.ts';

/** One server's sending users with their per-user data, aligned by position. */
export interface UplinkGroup {
  readonly server: number;
  readonly users: readonly number[];
  /** s_n of each user. */
  readonly bits: Float64Array;
}

function powerSlope(
  inst: Instance,
  snr: number,
  bits: number,
  v: number,
  p: number,
  b: number,
  t: RateTerms,
): number {
  uplinkRateTerms(snr, p, b, t);
  return (
    2 * uplinkFactor(inst, bits, p) * bits * inst.energyPerJ * v - t.dp / (2 * v * t.rate * t.rate * t.rate)
  );
}

function bandwidthSlope(snr: number, v: number, p: number, b: number, t: RateTerms): number {
  uplinkRateTerms(snr, p, b, t);
  return -t.db / (2 * v * t.rate * t.rate * t.rate);
}

/**
 * Solves the surrogate's (p, b) block of one server in place in `powerW`, `bandwidthHz` (global
 * user indices), starting from their current values.
 *
 * @returns BCD sweeps used
 */
export function solveUplinkSurrogate(
  inst: Instance,
  g: UplinkGroup,
  v: Float64Array,
  powerW: Float64Array,
  bandwidthHz: Float64Array,
  tol: number,
  shares: Float64Array,
): number {
  const m = g.server;
  const total = inst.bandwidthBudgetHz[m] ?? NaN;
  const snr = (i: number): number => inst.snrPerW[at(g.users, i) * inst.servers + m] ?? 0;
  const t = newRateTerms();
  const slopeInPower = (i: number, p: number): number =>
    powerSlope(inst, snr(i), g.bits[i] ?? 0, v[i] ?? NaN, p, bandwidthHz[at(g.users, i)] ?? NaN, t);
  const slopeInBandwidth = (i: number, b: number): number =>
    bandwidthSlope(snr(i), v[i] ?? NaN, powerW[at(g.users, i)] ?? NaN, b, t);
  let sweep = 0;
  for (; sweep < 1000; sweep++) {
    for (let i = 0; i < g.users.length; i++) {
      const n = at(g.users, i);
      powerW[n] = levelRootNear(
        slopeInPower,
        i,
        0,
        powerW[n] ?? NaN,
        inst.minPowerW[n] ?? NaN,
        inst.maxPowerW[n] ?? NaN,
      );
    }
    g.users.forEach((n, i) => {
      shares[i] = bandwidthHz[n] ?? NaN;
    });
    waterFill(g.users.length, slopeInBandwidth, total, shares);
    g.users.forEach((n, i) => {
      bandwidthHz[n] = shares[i] ?? NaN;
    });
    if (uplinkSurrogateResidual(inst, g, v, powerW, bandwidthHz) <= tol) return sweep + 1;
  }
  return sweep;
}

/**
 * The KKT residual of the (p, b) block: for each p_n, its scaled gradient where it is interior
 * (or the part pointing out of the box at a bound), and for b the spread of the marginals
 * ∂K/∂b_n, which must all equal −λ_m; each relative to the size of the terms.
 */
export function uplinkSurrogateResidual(
  inst: Instance,
  g: UplinkGroup,
  v: Float64Array,
  powerW: Float64Array,
  bandwidthHz: Float64Array,
): number {
  const m = g.server;
  let worst = 0;
  let lo = Infinity;
  let hi = -Infinity;
  const t = newRateTerms();
  g.users.forEach((n, i) => {
    const s = inst.snrPerW[n * inst.servers + m] ?? 0;
    const p = powerW[n] ?? NaN;
    const b = bandwidthHz[n] ?? NaN;
    const vi = v[i] ?? NaN;
    const bits = g.bits[i] ?? 0;
    uplinkRateTerms(s, p, b, t);
    const energyPart = 2 * uplinkFactor(inst, bits, p) * bits * inst.energyPerJ * vi;
    const ratePart = t.dp / (2 * vi * t.rate ** 3);
    let gp = (energyPart - ratePart) / (energyPart + ratePart);
    if (p <= (inst.minPowerW[n] ?? 0)) gp = Math.min(gp, 0);
    if (p >= (inst.maxPowerW[n] ?? 0)) gp = Math.max(gp, 0);
    worst = Math.max(worst, Math.abs(gp));
    const gb = -t.db / (2 * vi * t.rate ** 3);
    lo = Math.min(lo, gb);
    hi = Math.max(hi, gb);
  });
  if (g.users.length > 1) worst = Math.max(worst, (hi - lo) / Math.max(Math.abs(lo), Math.abs(hi)));
  return worst;
}
