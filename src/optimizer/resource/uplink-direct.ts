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
import { newtonLevelRoot, waterFill, type SmoothMarginal } from '../solvers/roots.ts';
import type { UplinkGroup } from './uplink-surrogate.ts';
import { at } from '../at.ts';

/**
 * N(p) = C'·r − C·∂r/∂p at a fixed b, with N' = −C·∂²r/∂p² (> 0), as Newton's marginal in p.
 * The marginals of this file are classes, not object literals: they are made once per root in
 * the hottest loops, and a literal's methods are new closures each time.
 */
class PowerBalance implements SmoothMarginal {
  private curvature = NaN;
  constructor(
    private readonly inst: Instance,
    private readonly snrPerW: number,
    private readonly bits: number,
    private readonly bandwidthHz: number,
    private readonly t: RateTerms,
  ) {}
  at(_i: number, p: number): number {
    const t = uplinkRateTerms(this.snrPerW, p, this.bandwidthHz, this.t);
    const c = uplinkFactor(this.inst, this.bits, p);
    this.curvature = -c * t.dpp;
    return this.bits * this.inst.energyPerJ * t.rate - c * t.dp;
  }
  slopeAtLast(): number {
    return this.curvature;
  }
}

/**
 * p*(b) = argmin_p C(p)/r(p, b) on [p_min, p_max]: the root of N(p), by Newton from `guessW` (a
 * previous p*, or NaN for none).
 */
export function bestPowerW(
  inst: Instance,
  n: number,
  snrPerW: number,
  bits: number,
  bandwidthHz: number,
  t: RateTerms,
  guessW = NaN,
): number {
  const balance = new PowerBalance(inst, snrPerW, bits, bandwidthHz, t);
  return newtonLevelRoot(balance, 0, 0, guessW, inst.minPowerW[n] ?? NaN, inst.maxPowerW[n] ?? NaN);
}

/** p*(b) and φ''(b) at the last `uplinkSlope`; `powerW` is also read as the guess for the next. */
export interface DirectPoint {
  powerW: number;
  curvature: number;
}

/**
 * φ_n'(b) = −C(p*)·(∂r/∂b)/r² at p* = p*(b) (envelope theorem). With `point`, also
 * φ''(b) = ∂F/∂b + [p* interior]·N_b²/(r²·C·∂²r/∂p²), where F = −C·r_b/r² and
 * N_b = C'·r_b − C·r_pb (implicit differentiation of N(p*(b), b) = 0), for Newton on b.
 */
export function uplinkSlope(
  inst: Instance,
  n: number,
  snrPerW: number,
  bits: number,
  bandwidthHz: number,
  t: RateTerms,
  point?: DirectPoint,
): number {
  const p = bestPowerW(inst, n, snrPerW, bits, bandwidthHz, t, point?.powerW);
  uplinkRateTerms(snrPerW, p, bandwidthHz, t);
  const c = uplinkFactor(inst, bits, p);
  const r2 = t.rate * t.rate;
  if (point !== undefined) {
    let curvature = (-c * t.dbb) / r2 + (2 * c * t.db * t.db) / (r2 * t.rate);
    if (c > 0 && p > (inst.minPowerW[n] ?? NaN) && p < (inst.maxPowerW[n] ?? NaN)) {
      const nb = bits * inst.energyPerJ * t.db - c * t.dpb;
      curvature += (nb * nb) / (r2 * c * t.dpp);
    }
    point.powerW = p;
    point.curvature = curvature;
  }
  return (-c * t.db) / r2;
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
  const p = Float64Array.from(g.users, (n) => powerW[n] ?? NaN);
  g.users.forEach((n, i) => {
    shares[i] = bandwidthHz[n] ?? NaN;
  });
  const point: DirectPoint = { powerW: NaN, curvature: NaN };
  const marginal: SmoothMarginal = {
    at(i, b) {
      point.powerW = p[i] ?? NaN;
      const slope = uplinkSlope(inst, at(g.users, i), snr(i), g.bits[i] ?? 0, b, t, point);
      p[i] = point.powerW;
      return slope;
    },
    slopeAtLast: () => point.curvature,
  };
  const level = waterFill(g.users.length, marginal, inst.bandwidthBudgetHz[m] ?? NaN, shares);
  g.users.forEach((n, i) => {
    const b = shares[i] ?? NaN;
    bandwidthHz[n] = b;
    powerW[n] = bestPowerW(inst, n, snr(i), g.bits[i] ?? 0, b, t, p[i]);
  });
  return level;
}

/** φ'(b) of one user with φ''(b), as Newton's marginal in b. */
class SlopeInBandwidth implements SmoothMarginal {
  readonly point: DirectPoint = { powerW: NaN, curvature: NaN };
  constructor(
    private readonly inst: Instance,
    private readonly n: number,
    private readonly snrPerW: number,
    private readonly bits: number,
    private readonly t: RateTerms,
  ) {}
  at(_i: number, b: number): number {
    return uplinkSlope(this.inst, this.n, this.snrPerW, this.bits, b, this.t, this.point);
  }
  slopeAtLast(): number {
    return this.point.curvature;
  }
}

/** What user n would take at server m if bandwidth cost `price` per Hz: argmin φ(b) + price·b. */
export interface UplinkDemand {
  powerW: number;
  bandwidthHz: number;
  /** C(p)/r(p, b), without the price. */
  cost: number;
}

/** The demand at `price`, by Newton on φ'(b) = −price from `guessHz` (any share in (0, b_m^max)). */
export function uplinkAtPrice(
  inst: Instance,
  n: number,
  m: number,
  bits: number,
  price: number,
  guessHz: number,
): UplinkDemand {
  const t = newRateTerms();
  const snr = inst.snrPerW[n * inst.servers + m] ?? 0;
  const total = inst.bandwidthBudgetHz[m] ?? NaN;
  const marginal = new SlopeInBandwidth(inst, n, snr, bits, t);
  const b = newtonLevelRoot(marginal, 0, -price, guessHz, total * 1e-18, total);
  const p = bestPowerW(inst, n, snr, bits, b, t, marginal.point.powerW);
  uplinkRateTerms(snr, p, b, t);
  return { powerW: p, bandwidthHz: b, cost: uplinkFactor(inst, bits, p) / t.rate };
}
