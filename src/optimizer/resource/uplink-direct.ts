/**
 * Power and bandwidth of one server's users on the direct objective (no quadratic transform),
 * for the `ao` baseline, the exact reference and the association step's would-be shares:
 *
 *     min Σ_n φ_n(b_n)  s.t. Σ_n b_n = b_m^max,   φ_n(b) = min_{p_min ≤ p ≤ p_max} C_n(p)/r(p, b)
 *
 * For fixed b the ratio C(p)/r(p, b) is unimodal in p: the sign of its slope is that of
 * N(p) = C'·r − C·∂r/∂p, and N' = −C·∂²r/∂p² > 0. So p*(b) is one root. φ_n is convex in b on the
 * instances we generate (checked by a test on sampled users; not proved), which makes the
 * water-filling on φ_n' = −C·(∂r/∂b)/r² at p*(b) (envelope theorem) the global optimum.
 */
import { uplinkFactor } from '../costs.ts';
import { newRateTerms, uplinkRateTerms, type RateTerms } from '../../model/index.ts';
import type { Instance } from '../instance.ts';
import { increasingRoot, waterFill } from '../solvers/roots.ts';
import type { UplinkGroup } from './uplink-surrogate.ts';
import { at } from '../at.ts';

/** p*(b) = argmin_p C(p)/r(p, b) on [p_min, p_max]. */
export function bestPowerW(
  inst: Instance,
  n: number,
  snrPerW: number,
  bits: number,
  bandwidthHz: number,
  t: RateTerms,
): number {
  const slope = bits * inst.energyPerJ;
  return increasingRoot(
    (p) => {
      uplinkRateTerms(snrPerW, p, bandwidthHz, t);
      return slope * t.rate - uplinkFactor(inst, bits, p) * t.dp;
    },
    inst.minPowerW[n] ?? NaN,
    inst.maxPowerW[n] ?? NaN,
  );
}

/** φ_n'(b) = −C(p*)·(∂r/∂b)/r² at p* = p*(b). */
export function uplinkSlope(
  inst: Instance,
  n: number,
  snrPerW: number,
  bits: number,
  bandwidthHz: number,
  t: RateTerms,
): number {
  const p = bestPowerW(inst, n, snrPerW, bits, bandwidthHz, t);
  uplinkRateTerms(snrPerW, p, bandwidthHz, t);
  return (-uplinkFactor(inst, bits, p) * t.db) / (t.rate * t.rate);
}

/**
 * Solves one server's direct (p, b) block in place (global user indices).
 *
 * @returns the level, −λ_m (λ_m ≥ 0 is the bandwidth price)
 */
export function solveUplinkDirect(
  inst: Instance,
  g: UplinkGroup,
  powerW: Float64Array,
  bandwidthHz: Float64Array,
  shares: Float64Array,
): number {
  const m = g.server;
  const t = newRateTerms();
  const snr = (i: number): number => inst.snrPerW[at(g.users, i) * inst.servers + m] ?? 0;
  g.users.forEach((n, i) => {
    shares[i] = bandwidthHz[n] ?? NaN;
  });
  const level = waterFill(
    g.users.length,
    (i, b) => uplinkSlope(inst, at(g.users, i), snr(i), g.bits[i] ?? 0, b, t),
    inst.bandwidthBudgetHz[m] ?? NaN,
    shares,
  );
  g.users.forEach((n, i) => {
    const b = shares[i] ?? NaN;
    bandwidthHz[n] = b;
    powerW[n] = bestPowerW(inst, n, snr(i), g.bits[i] ?? 0, b, t);
  });
  return level;
}

/** What user n would take at server m if bandwidth cost `price` per Hz: argmin φ(b) + price·b. */
export interface UplinkDemand {
  powerW: number;
  bandwidthHz: number;
  /** C(p)/r(p, b), without the price. */
  cost: number;
}

export function uplinkAtPrice(
  inst: Instance,
  n: number,
  m: number,
  bits: number,
  price: number,
): UplinkDemand {
  const t = newRateTerms();
  const snr = inst.snrPerW[n * inst.servers + m] ?? 0;
  const total = inst.bandwidthBudgetHz[m] ?? NaN;
  const b = increasingRoot((x) => uplinkSlope(inst, n, snr, bits, x, t) + price, total * 1e-18, total);
  const p = bestPowerW(inst, n, snr, bits, b, t);
  uplinkRateTerms(snr, p, b, t);
  return { powerW: p, bandwidthHz: b, cost: uplinkFactor(inst, bits, p) / t.rate };
}
