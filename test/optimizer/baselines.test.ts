// The paper's ordering (MODEL.md §8), on reduced networks so that the suite stays fast: the
// proposed method is no worse than layers-only, resources-only, greedy and random on every
// scenario, and no worse than ao on average. The full-size comparisons are the `weights` and
// `users` experiments (their claims: proposed lowest on every preset).
import { describe, expect, it } from 'vitest';
import { optimize, type AlgorithmName } from '../../src/optimizer/index.ts';
import { CONTESTED_PRESET, PAPER_PRESET, generateScenario } from '../../src/scenario/index.ts';

const RANKED: readonly AlgorithmName[] = ['layers-only', 'resources-only', 'greedy', 'random'];

describe('proposed vs baselines', () => {
  for (const preset of [PAPER_PRESET, CONTESTED_PRESET]) {
    it(`${preset.name} preset, 20 users × 4 servers, 3 seeds`, async () => {
      let proposedSum = 0;
      let aoSum = 0;
      for (const seed of [1, 2, 3]) {
        const scenario = generateScenario({ preset, seed, users: 20, servers: 4 });
        const proposed = await optimize(scenario, { algorithm: 'proposed', seed });
        const ao = await optimize(scenario, { algorithm: 'ao', seed });
        proposedSum += proposed.objective;
        aoSum += ao.objective;
        if (ao.objective < proposed.objective)
          console.log(
            `${preset.name} seed ${seed}: ao below proposed by ${(100 * (proposed.objective / ao.objective - 1)).toExponential(2)}%`,
          );
        for (const algorithm of RANKED) {
          const b = await optimize(scenario, { algorithm, seed });
          expect(proposed.objective, `${preset.name} seed ${seed} vs ${algorithm}`).toBeLessThanOrEqual(
            b.objective * (1 + 1e-9),
          );
        }
      }
      expect(proposedSum).toBeLessThanOrEqual(aoSum * (1 + 1e-6));
    }, 120_000);
  }
});
