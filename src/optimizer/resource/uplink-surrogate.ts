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
import { newtonLevelRoot, waterFill, type SmoothMarginal } from '../solvers/roots.ts';
import { at } from '../at.ts';

/** One server's sending users with their per-user data, aligned by position. */
export interface UplinkGroup {
  readonly server: number;
  readonly users: readonly number[];
  /** s_n of each user. */
  readonly bits: Float64Array;
}

/** ∂/∂p of C(p)²·v: 2·C·C'·v with C' = s·ω_e. */
function powerEnergyPart(inst: Instance, bits: number, v: number, p: number): number {
  return 2 * uplinkFactor(inst, bits, p) * bits * inst.energyPerJ * v;
}

/** ∂/∂p of −1/(4·r²·v), negated: r_p/(2·v·r³), from rate terms at (p, b). */
function powerRatePart(v: number, t: RateTerms): number {
  return t.dp / (2 * v * t.rate * t.rate * t.rate);
}

/** ∂²/∂p² of the surrogate's user term: 2·(s·ω_e)²·v − r_pp/(2·v·r³) + 3·r_p²/(2·v·r⁴). */
function powerCurvature(inst: Instance, bits: number, v: number, t: RateTerms): number {
  const c = bits * inst.energyPerJ;
  const r3 = t.rate * t.rate * t.rate;
  return 2 * c * c * v - t.dpp / (2 * v * r3) + (3 * t.dp * t.dp) / (2 * v * r3 * t.rate);
}

/** ∂/∂b of 1/(4·r²·v): −r_b/(2·v·r³). */
function bandwidthMarginal(v: number, t: RateTerms): number {
  return -t.db / (2 * v * t.rate * t.rate * t.rate);
}

/** ∂²/∂b² of 1/(4·r²·v): −r_bb/(2·v·r³) + 3·r_b²/(2·v·r⁴). */
function bandwidthCurvature(v: number, t: RateTerms): number {
  const r3 = t.rate * t.rate * t.rate;
  return -t.dbb / (2 * v * r3) + (3 * t.db * t.db) / (2 * v * r3 * t.rate);
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
  const count = g.users.length;
  const total = inst.bandwidthBudgetHz[m] ?? NaN;
  // The group's data in local arrays, so the hot loops index by position only.
  const snr = new Float64Array(count);
  const vs = new Float64Array(count);
  const p = new Float64Array(count);
  g.users.forEach((n, i) => {
    snr[i] = inst.snrPerW[n * inst.servers + m] ?? 0;
    vs[i] = v[i] ?? NaN;
    p[i] = powerW[n] ?? NaN;
    shares[i] = bandwidthHz[n] ?? NaN;
  });
  const t = newRateTerms();
  let slope = NaN;
  const inPower: SmoothMarginal = {
    at(i, x) {
      const bits = g.bits[i] ?? 0;
      const vi = vs[i] ?? NaN;
      uplinkRateTerms(snr[i] ?? 0, x, shares[i] ?? NaN, t);
      slope = powerCurvature(inst, bits, vi, t);
      return powerEnergyPart(inst, bits, vi, x) - powerRatePart(vi, t);
    },
    slopeAtLast: () => slope,
  };
  const inBandwidth: SmoothMarginal = {
    at(i, x) {
      const vi = vs[i] ?? NaN;
      uplinkRateTerms(snr[i] ?? 0, p[i] ?? NaN, x, t);
      slope = bandwidthCurvature(vi, t);
      return bandwidthMarginal(vi, t);
    },
    slopeAtLast: () => slope,
  };
  let sweep = 0;
  for (; sweep < 1000; sweep++) {
    for (let i = 0; i < count; i++) {
      const n = at(g.users, i);
      p[i] = newtonLevelRoot(inPower, i, 0, p[i] ?? NaN, inst.minPowerW[n] ?? NaN, inst.maxPowerW[n] ?? NaN);
    }
    waterFill(count, inBandwidth, total, shares);
    g.users.forEach((n, i) => {
      powerW[n] = p[i] ?? NaN;
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
    const energyPart = powerEnergyPart(inst, bits, vi, p);
    const ratePart = powerRatePart(vi, t);
    let gp = (energyPart - ratePart) / (energyPart + ratePart);
    if (p <= (inst.minPowerW[n] ?? 0)) gp = Math.min(gp, 0);
    if (p >= (inst.maxPowerW[n] ?? 0)) gp = Math.max(gp, 0);
    worst = Math.max(worst, Math.abs(gp));
    const gb = bandwidthMarginal(vi, t);
    lo = Math.min(lo, gb);
    hi = Math.max(hi, gb);
  });
  if (g.users.length > 1) worst = Math.max(worst, (hi - lo) / Math.max(Math.abs(lo), Math.abs(hi)));
  return worst;
}
