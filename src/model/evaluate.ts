/**
 * `evaluate(scenario, solution)`: the metrics contract of DESIGN.md for one allocation.
 */
import { objectiveValue, objectiveWeights, stabilityTerm } from './objective.ts';
import type { Allocation, Metrics, ModelScenario, Network, UserMetrics } from './types.ts';
import { userMetrics } from './user-costs.ts';

/** Per-user costs and their unweighted totals. */
export interface CostTotals {
  perUser: UserMetrics[];
  /** Σ delay_n, uplink delay included. */
  totalDelayS: number;
  /** Σ T_n^up, so that the paper's objective can leave it out. */
  totalUplinkDelayS: number;
  totalEnergyJ: number;
  /** Σ AS_n (Infinity if some α_n = Υ). */
  stability: number;
}

/** Evaluates every user of an allocation and sums (no weights, no normalisation needed). */
export function costTotals(net: Network, alloc: Allocation): CostTotals {
  const perUser: UserMetrics[] = [];
  let totalDelayS = 0;
  let totalUplinkDelayS = 0;
  let totalEnergyJ = 0;
  let stability = 0;
  for (let n = 0; n < net.users.length; n++) {
    const u = userMetrics(net, alloc, n);
    perUser.push(u);
    totalDelayS += u.delayS;
    totalUplinkDelayS += u.uplinkDelayS;
    totalEnergyJ += u.energyJ;
    stability += u.stability;
  }
  return { perUser, totalDelayS, totalUplinkDelayS, totalEnergyJ, stability };
}

/**
 * The delay the objective counts: the total delay, less the uplink delay for the paper's exact
 * objective (`objective.uplinkDelay = false`, MODEL.md §3).
 */
export function objectiveDelayS(net: Network, totals: CostTotals): number {
  return net.objective.uplinkDelay ? totals.totalDelayS : totals.totalDelayS - totals.totalUplinkDelayS;
}

/**
 * The metrics of an allocation (MODEL.md §3, §5). Accepts α_n in 0..Υ, so the edge-only (α = 0)
 * and local-only (α = Υ) baselines evaluate too; local-only gives an unbounded (Infinity)
 * stability. α_n may also be fractional (the relaxed problem of MODEL.md §6). Assumes the
 * allocation passed `checkSolution`.
 */
export function evaluate(scenario: ModelScenario, solution: Allocation): Metrics {
  const totals = costTotals(scenario, solution);
  const w = objectiveWeights(scenario.weights, scenario.normalization);
  const delayS = objectiveDelayS(scenario, totals);
  const n = scenario.users.length;
  return {
    objective: objectiveValue(w, delayS, totals.totalEnergyJ, totals.stability),
    totalDelayS: totals.totalDelayS,
    meanDelayS: n === 0 ? 0 : totals.totalDelayS / n,
    totalEnergyJ: totals.totalEnergyJ,
    stability: totals.stability,
    stabilityBounded: Number.isFinite(totals.stability),
    uplinkDelayCounted: scenario.objective.uplinkDelay,
    terms: {
      delay: w.delayPerS * delayS,
      energy: w.energyPerJ * totals.totalEnergyJ,
      stability: stabilityTerm(w.stability, totals.stability),
    },
    perUser: totals.perUser,
  };
}
