/**
 * The weighted per-user terms of problem (9) in the optimizer's coefficients, and the uplink rate
 * with the partial derivatives the first-order conditions need. One user's objective is
 *
 *     α·A_n(f_n) + [α < Υ]·( C_n(p)/r(p, b) + (Υ − α)·B_{n,m}(f_{n,m}) ) + ω_s·AS_n(α)
 *
 * with C_n(p) = s_n·(ω_e·p + ω_t) (MODEL.md §6; ω_t dropped with the paper's exact objective),
 * which sums over users to evaluate()'s objective (tested).
 */
import { bitsFor, type Instance } from './instance.ts';

const LN2 = Math.LN2;

/** A_n(f) (eq. (14)). */
export function localLayerCost(inst: Instance, n: number, freqHz: number): number {
  return (inst.localDelayCoef[n] ?? NaN) / freqHz + (inst.localEnergyCoef[n] ?? NaN) * freqHz * freqHz;
}

/** B_{n,m}(f) (eq. (15)). */
export function edgeLayerCost(inst: Instance, n: number, m: number, freqHz: number): number {
  const k = n * inst.servers + m;
  return (inst.edgeDelayCoef[k] ?? NaN) / freqHz + (inst.edgeEnergyCoef[k] ?? NaN) * freqHz * freqHz;
}

/** dB_{n,m}/df. */
export function edgeLayerCostSlope(inst: Instance, n: number, m: number, freqHz: number): number {
  const k = n * inst.servers + m;
  return -(inst.edgeDelayCoef[k] ?? NaN) / (freqHz * freqHz) + 2 * (inst.edgeEnergyCoef[k] ?? NaN) * freqHz;
}

/** ω_s·AS_n(α) = stabilityCoef/(1 − α/Υ); Infinity at α = Υ unless ω_s = 0. */
export function stabilityCost(inst: Instance, n: number, localLayers: number): number {
  const c = inst.stabilityCoef[n] ?? NaN;
  if (c === 0) return 0;
  return localLayers >= inst.layers ? Infinity : c / (1 - localLayers / inst.layers);
}

/** The uplink price factor C_n(p) = s·(ω_e·p + ω_t) and its slope s·ω_e, for s bits. */
export function uplinkFactor(inst: Instance, bits: number, powerW: number): number {
  return bits * (inst.energyPerJ * powerW + inst.uplinkDelayPerS);
}

/** r, ∂r/∂p, ∂r/∂b and second derivatives at (p, b) for snrPerW = g/σ². */
export interface RateTerms {
  rate: number;
  dp: number;
  db: number;
}

/** r = b·log2(1 + x) with x = k·p/b, and its gradient (written into `out`). */
export function rateTerms(snrPerW: number, powerW: number, bandwidthHz: number, out: RateTerms): RateTerms {
  const x = (snrPerW * powerW) / bandwidthHz;
  const l = Math.log1p(x);
  out.rate = (bandwidthHz * l) / LN2;
  out.dp = snrPerW / ((1 + x) * LN2);
  // ln(1+x) − x/(1+x) cancels for small x; its series is x²/2 − 2x³/3 + 3x⁴/4.
  out.db = (x < 1e-4 ? x * x * (0.5 - x * (2 / 3 - 0.75 * x)) : l - x / (1 + x)) / LN2;
  return out;
}

/** A reusable scratch record. */
export function newRateTerms(): RateTerms {
  return { rate: 0, dp: 0, db: 0 };
}

/** r_{n,m}(p, b). */
export function rateBps(inst: Instance, n: number, m: number, powerW: number, bandwidthHz: number): number {
  if (bandwidthHz <= 0) return 0;
  return (bandwidthHz * Math.log1p(((inst.snrPerW[n * inst.servers + m] ?? 0) * powerW) / bandwidthHz)) / LN2;
}

/** Decision variables of one user (α may be fractional inside the relaxed resource step). */
export interface UserPoint {
  server: number;
  localLayers: number;
  powerW: number;
  bandwidthHz: number;
  userFreqHz: number;
  edgeFreqHz: number;
}

/** One user's share of the objective of problem (9), for α in 0..Υ (fractional allowed). */
export function userObjective(inst: Instance, n: number, u: UserPoint): number {
  const alpha = u.localLayers;
  let cost = stabilityCost(inst, n, alpha);
  if (alpha > 0) cost += alpha * localLayerCost(inst, n, u.userFreqHz);
  if (alpha < inst.layers) {
    const bits = bitsFor(inst, n, alpha);
    cost += uplinkFactor(inst, bits, u.powerW) / rateBps(inst, n, u.server, u.powerW, u.bandwidthHz);
    cost += (inst.layers - alpha) * edgeLayerCost(inst, n, u.server, u.edgeFreqHz);
  }
  return cost;
}
