/** The paper's analytic model as pure functions (MODEL.md). Explicit named re-exports only. */
export { layerFlops, userLayerFlops, activationBits, tokenIdBits } from './flops.ts';
export type { LayerFlopsLaw } from './flops.ts';
export {
  gpuFlopsPerS,
  gpuPowerW,
  localLayerDelayS,
  localLayerEnergyJ,
  edgeLayerDelayS,
  edgeLayerEnergyJ,
} from './compute.ts';
export {
  uplinkRateBps,
  uplinkRateAtSnrPerWBps,
  uplinkRateTerms,
  newRateTerms,
  uplinkDelayS,
  uplinkEnergyJ,
} from './uplink.ts';
export type { RateTerms } from './uplink.ts';
export { stabilityBound, userStabilityBound } from './stability.ts';
export {
  dbmToW,
  dbmPerHzToWPerHz,
  lossDbToGain,
  pathLossDb,
  pathGainAtDistance,
  pathGainBetween,
  tr38901LossDb,
  lawLossDb,
} from './channel.ts';
export type { PathLossLaw, LogDistanceLaw, Tr38901Law } from './channel.ts';
export {
  objectiveWeights,
  weightedLayerCost,
  layerCostAt,
  layerCostSlope,
  layerCostCurvature,
  userObjectiveTerm,
  stabilityTerm,
  objectiveValue,
} from './objective.ts';
export type { ObjectiveWeights } from './objective.ts';
export { newUserMetrics, sentBits, splitBits, userMetrics } from './user-costs.ts';
export { costTotals, objectiveDelayS, evaluate } from './evaluate.ts';
export type { CostTotals } from './evaluate.ts';
export { bestGainServer, equalShareAllocation, referenceAllocation, normalizationOf } from './reference.ts';
export { optimalUserFreqHz, relaxedOptimalLocalLayers } from './closed-form.ts';
export type {
  LlmShape,
  UserSpec,
  ServerSpec,
  Network,
  Weights,
  Normalization,
  ModelScenario,
  Allocation,
  UserMetrics,
  Metrics,
} from './types.ts';
export { checkSolution, formatViolation } from './feasibility.ts';
export type { Violation, CheckOptions } from './feasibility.ts';
