/**
 * Weighted costs and the objective of problem (9) (MODEL.md §3, §5).
 *
 * With ω = w / reference, the paper's sum Σ_n Cost_n^U + Σ_m Cost_m^E + ω_s·Σ_n AS_n equals
 * ω_t·T + ω_e·E + ω_s·S, where T sums the per-user delays (**[mecsim]** with the uplink delay
 * when `objective.uplinkDelay`, without it for the paper's exact (4)), E the per-user energies and
 * S the stability bounds. `evaluate` uses the second form; the first is kept here formula by formula
 * for the optimizer and is tested to agree.
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
export function weightedLayerCost(delayPerS: number, energyPerJ: number, layerDelayS: number, layerEnergyJ: number): number {
  return delayPerS * layerDelayS + energyPerJ * layerEnergyJ;
}

/**
 * Eq. (4): Cost_n^U = α_n·A_n + ω_e·E_n^up, plus **[mecsim]** ω_t·T_n^up when the uplink delay is
 * counted (the default).
 */
export function userCost(
  localLayers: number, localLayerCost: number, delayPerS: number, energyPerJ: number,
  uplinkDelayS: number, uplinkEnergyJ: number, countUplinkDelay: boolean,
): number {
  const local = localLayers === 0 ? 0 : localLayers * localLayerCost;
  return local + energyPerJ * uplinkEnergyJ + (countUplinkDelay ? delayPerS * uplinkDelayS : 0);
}

/** One user's share of eq. (7): (Υ − α_n)·B_{n,m}; Cost_m^E sums it over the server's users. */
export function edgeCost(layers: number, localLayers: number, edgeLayerCost: number): number {
  return localLayers === layers ? 0 : (layers - localLayers) * edgeLayerCost;
}

/** The stability term ω_s·Σ AS_n; 0 when ω_s = 0, even for an unbounded sum. */
export function stabilityTerm(stabilityWeight: number, stability: number): number {
  return stabilityWeight === 0 ? 0 : stabilityWeight * stability;
}

/** ω_t·T + ω_e·E + ω_s·S (problem (9)'s objective, in totals). */
export function objectiveValue(w: ObjectiveWeights, delayS: number, energyJ: number, stability: number): number {
  return w.delayPerS * delayS + w.energyPerJ * energyJ + stabilityTerm(w.stability, stability);
}
