/**
 * The weighted per-user terms of problem (9) in the optimizer's coefficients (the formulas
 * themselves are in src/model). One user's objective is
 *
 *     α·A_n(f_n) + [α < Υ]·( C_n(p)/r(p, b) + (Υ − α)·B_{n,m}(f_{n,m}) ) + ω_s·AS_n(α)
 *
 * with C_n(p) = s_n·(ω_e·p + ω_t) (MODEL.md §6; ω_t dropped with the paper's exact objective),
 * which sums over users to evaluate()'s objective (tested).
 */
import {
  layerCostAt,
  layerCostCurvature,
  layerCostSlope,
  uplinkRateAtSnrPerWBps,
  userObjectiveTerm,
} from '../model/index.ts';
import { bitsFor, type Instance } from './instance.ts';

/** A_n(f) (eq. (14)). */
export function localLayerCost(inst: Instance, n: number, freqHz: number): number {
  return layerCostAt(inst.localDelayCoef[n] ?? NaN, inst.localEnergyCoef[n] ?? NaN, freqHz);
}

/** B_{n,m}(f) (eq. (15)). */
export function edgeLayerCost(inst: Instance, n: number, m: number, freqHz: number): number {
  const k = n * inst.servers + m;
  return layerCostAt(inst.edgeDelayCoef[k] ?? NaN, inst.edgeEnergyCoef[k] ?? NaN, freqHz);
}

/** dB_{n,m}/df. */
export function edgeLayerCostSlope(inst: Instance, n: number, m: number, freqHz: number): number {
  const k = n * inst.servers + m;
  return layerCostSlope(inst.edgeDelayCoef[k] ?? NaN, inst.edgeEnergyCoef[k] ?? NaN, freqHz);
}

/** d²B_{n,m}/df². */
export function edgeLayerCostCurvature(inst: Instance, n: number, m: number, freqHz: number): number {
  const k = n * inst.servers + m;
  return layerCostCurvature(inst.edgeDelayCoef[k] ?? NaN, inst.edgeEnergyCoef[k] ?? NaN, freqHz);
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

/** r_{n,m}(p, b). */
export function rateBps(inst: Instance, n: number, m: number, powerW: number, bandwidthHz: number): number {
  return uplinkRateAtSnrPerWBps(inst.snrPerW[n * inst.servers + m] ?? NaN, powerW, bandwidthHz);
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
  const sends = alpha < inst.layers;
  return userObjectiveTerm(
    inst.layers,
    alpha,
    stabilityCost(inst, n, alpha),
    localLayerCost(inst, n, u.userFreqHz),
    sends
      ? uplinkFactor(inst, bitsFor(inst, n, alpha), u.powerW) /
          rateBps(inst, n, u.server, u.powerW, u.bandwidthHz)
      : 0,
    sends ? edgeLayerCost(inst, n, u.server, u.edgeFreqHz) : 0,
  );
}
