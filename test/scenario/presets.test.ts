// Where the split matters: per-user relaxed optimum α_n* (MODEL.md §6) at the reference shares,
// with the optimal user frequency f_n*. The paper preset is a corner (α* = 1 for all); the
// contested preset is not.
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.ts';
import { CONTESTED_PRESET, PAPER_PRESET, type Preset } from '../../src/scenario/presets.ts';
import { evaluate } from '../../src/model/evaluate.ts';
import { referenceAllocation } from '../../src/model/reference.ts';
import { checkSolution } from '../../src/model/feasibility.ts';
import { objectiveWeights, weightedLayerCost } from '../../src/model/objective.ts';
import { optimalUserFreqHz, relaxedOptimalLocalLayers } from '../../src/model/closed-form.ts';
import { layerFlops } from '../../src/model/flops.ts';
import {
  edgeLayerDelayS,
  edgeLayerEnergyJ,
  localLayerDelayS,
  localLayerEnergyJ,
} from '../../src/model/compute.ts';

function closedFormSplit(preset: Preset, seed: number) {
  const s = generateScenario({ preset, seed });
  const ref = referenceAllocation(s);
  const w = objectiveWeights(s.weights, s.normalization);
  const userFreqHz = s.users.map((u) => optimalUserFreqHz(w.delayPerS, w.energyPerJ, u.kappa, u.maxFreqHz));
  const alpha = s.users.map((u, n) => {
    const psi = layerFlops(u.tokens, s.llm.batchSize, s.llm.hiddenDim);
    const f = userFreqHz[n]!;
    const A = weightedLayerCost(
      w.delayPerS,
      w.energyPerJ,
      localLayerDelayS(psi, f, u.gpuCores, u.flopsPerCycle),
      localLayerEnergyJ(psi, f, u.gpuCores, u.flopsPerCycle, u.kappa),
    );
    const m = s.servers[ref.association[n]!]!;
    const fe = ref.edgeFreqHz[n]!;
    const B = weightedLayerCost(
      w.delayPerS,
      w.energyPerJ,
      edgeLayerDelayS(psi, fe, m.gpuCores, m.flopsPerCycle),
      edgeLayerEnergyJ(psi, fe, m.gpuCores, m.flopsPerCycle, m.kappa),
    );
    return Math.round(
      relaxedOptimalLocalLayers(A, B, w.stability, s.stability.lipschitz, u.datasetSize, s.llm.layers),
    );
  });
  return { s, ref, alpha, userFreqHz };
}

describe('where the split matters', () => {
  it('paper preset: α_n* = 1 for every user (a corner, MODEL.md §8)', () => {
    expect(new Set(closedFormSplit(PAPER_PRESET, 1).alpha)).toEqual(new Set([1]));
  });
  it('contested preset: α_n* > 1 for most users at seed 1, and applying it lowers the objective', () => {
    const { s, ref, alpha, userFreqHz } = closedFormSplit(CONTESTED_PRESET, 1);
    const above = alpha.filter((a) => a > 1).length;
    expect(above).toBeGreaterThanOrEqual(0.6 * s.users.length);
    const split = { ...ref, localLayers: alpha, userFreqHz };
    expect(checkSolution(s, split, { allowEdgeOnly: false })).toEqual([]);
    expect(evaluate(s, split).objective).toBeLessThan(evaluate(s, ref).objective);
  });
});
