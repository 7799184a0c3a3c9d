/**
 * Weighted costs and the objective of problem (9) (MODEL.md §3, §5).
 *
 * With ω = w / reference, the paper's sum Σ_n Cost_n^U + Σ_m Cost_m^E + ω_s·Σ_n AS_n equals
 * ω_t·T + ω_e·E + ω_s·S, where T sums the per-user delays (**[mecsim]** with the uplink delay
 * when `objective.uplinkDelay`, without it for the paper's exact (4)), E the per-user energies and
 * S the stability bounds. `evaluate` uses the second form (`objectiveValue`); the first is
 * `userObjectiveTerm` per user, in the optimizer's weighted per-layer costs, and is tested to agree.
 */
import type { Normalization, Weights } from './types.ts';

/** ω_t (per second), ω_e (per joule), ω_s (per unit of stability bound). */
export interface ObjectiveWeights {
  readonly delayPerS: number;
  readonly energyPerJ: number;
  readonly stability: number;
}

/**
 * **[mecsim]** ω_t = w_t / T_ref, ω_e = w_e / E_ref, ω_s = w_s / S_ref: the paper's "weighting and
 * normalisation factors", with the references of a documented solution stored in the scenario.
 */
export function objectiveWeights(weights: Weights, normalization: Normalization): ObjectiveWeights {
  return {
    delayPerS: weights.delay / normalization.delayS,
    energyPerJ: weights.energy / normalization.energyJ,
    stability: weights.stability / normalization.stability,
  };
}

/**
 * Eqs. (14), (15): A_n = ω_t·T_n^loc + ω_e·E_n^loc and B_{n,m} = ω_t·T_{n,m}^edge + ω_e·E_{n,m}^edge,
 * the weighted cost of one layer on the user's GPU or on its share of the server's.
 */
export function weightedLayerCost(
  delayPerS: number,
  energyPerJ: number,
  layerDelayS: number,
  layerEnergyJ: number,
): number {
  return delayPerS * layerDelayS + energyPerJ * layerEnergyJ;
}

/**
 * Eqs. (14), (15) in coefficient form: A_n(f) or B_{n,m}(f) = delayCoef/f + energyCoef·f², where
 * delayCoef = ω_t·ψ/(cores·FLOPs per cycle) and energyCoef = ω_e·κ·ψ/(cores·FLOPs per cycle).
 */
export function layerCostAt(delayCoef: number, energyCoef: number, freqHz: number): number {
  return delayCoef / freqHz + energyCoef * freqHz * freqHz;
}

/** d/df of `layerCostAt`: −delayCoef/f² + 2·energyCoef·f. */
export function layerCostSlope(delayCoef: number, energyCoef: number, freqHz: number): number {
  return -delayCoef / (freqHz * freqHz) + 2 * energyCoef * freqHz;
}

/** d²/df² of `layerCostAt`: 2·delayCoef/f³ + 2·energyCoef (> 0: the cost is convex in f). */
export function layerCostCurvature(delayCoef: number, energyCoef: number, freqHz: number): number {
  return (2 * delayCoef) / (freqHz * freqHz * freqHz) + 2 * energyCoef;
}

/**
 * One user's share of problem (9)'s objective in weighted costs (eqs. (4), (7), MODEL.md §6):
 *
 *     ω_s·AS_n + α_n·A_n + [α_n < Υ]·(uplink + (Υ − α_n)·B_{n,m})
 *
 * where uplink = ω_e·E_n^up (+ ω_t·T_n^up when the uplink delay is counted). Summed over the
 * users it is `evaluate`'s objective (tested); the optimizer uses it at every candidate. α may be
 * fractional (the relaxed problem); a term that α switches off is not added, so an unused
 * Infinity (a zero share) cannot turn into NaN.
 */
export function userObjectiveTerm(
  layers: number,
  localLayers: number,
  stabilityCost: number,
  localLayerCost: number,
  uplinkCost: number,
  edgeLayerCost: number,
): number {
  let cost = stabilityCost;
  if (localLayers > 0) cost += localLayers * localLayerCost;
  if (localLayers < layers) {
    cost += uplinkCost;
    cost += (layers - localLayers) * edgeLayerCost;
  }
  return cost;
}

/** The stability term ω_s·Σ AS_n; 0 when ω_s = 0, even for an unbounded sum. */
export function stabilityTerm(stabilityWeight: number, stability: number): number {
  return stabilityWeight === 0 ? 0 : stabilityWeight * stability;
}

/** ω_t·T + ω_e·E + ω_s·S (problem (9)'s objective, in totals). */
export function objectiveValue(
  w: ObjectiveWeights,
  delayS: number,
  energyJ: number,
  stability: number,
): number {
  return w.delayPerS * delayS + w.energyPerJ * energyJ + stabilityTerm(w.stability, stability);
}
