// Fixed decisions (optimize --fix): what is held stays as given, the rest is optimised, and a
// rule held under the proposed resource step is exactly the baseline of that rule.
import { describe, expect, it } from 'vitest';
import { checkSolution, equalShareAllocation, evaluate } from '../../src/model/index.ts';
import { FixError, optimize } from '../../src/optimizer/index.ts';
import { RandomStreams } from '../../src/random/index.ts';
import { CONTESTED_PRESET, generateScenario } from '../../src/scenario/index.ts';
import { expectRel } from './fixtures.ts';

const scenario = generateScenario({ preset: CONTESTED_PRESET, seed: 4, users: 8, servers: 3, layers: 8 });
const seed = scenario.seed;
const allocationOf = (s: Awaited<ReturnType<typeof optimize>>) => ({
  association: s.association,
  localLayers: s.localLayers,
  powerW: s.powerW,
  bandwidthHz: s.bandwidthHz,
  userFreqHz: s.userFreqHz,
  edgeFreqHz: s.edgeFreqHz,
});

describe('optimize with fixed decisions', () => {
  it.each(['greedy', 'random'] as const)(
    'association=%s under the proposed step is the %s baseline, number for number',
    async (rule) => {
      const held = await optimize(scenario, { seed, fix: { association: rule } });
      const baseline = await optimize(scenario, { algorithm: rule, seed });
      expect(allocationOf(held)).toEqual(allocationOf(baseline));
      expect(held.objective).toBe(baseline.objective);
      expect(held.lpSolves).toBe(0);
    },
  );

  it("a held split is resources-only's when given resources-only's draws", async () => {
    const streams = new RandomStreams(seed);
    const split = scenario.users.map((_, n) =>
      streams.get('resources-only', n).uniformInt(1, scenario.llm.layers - 1),
    );
    expect(new Set(split).size).toBeGreaterThan(1); // a real per-user list
    const held = await optimize(scenario, { seed, fix: { localLayers: split } });
    const baseline = await optimize(scenario, { algorithm: 'resources-only', seed });
    expect(held.localLayers).toEqual(split);
    expect(allocationOf(held)).toEqual(allocationOf(baseline));
  });

  it('a split held at each value: kept, feasible, and no better than the free optimum', async () => {
    const free = await optimize(scenario, { seed });
    for (const alpha of [1, 3, 7]) {
      const s = await optimize(scenario, { seed, fix: { localLayers: alpha } });
      expect(s.localLayers.every((a) => a === alpha)).toBe(true);
      expect(checkSolution(scenario, s)).toEqual([]);
      expect(s.objective).toBeGreaterThanOrEqual(free.objective * (1 - 1e-9));
    }
  });

  it('both held: only the resources move, to their optimum (transform and ao agree, both beat equal shares)', async () => {
    const association = [0, 1, 2, 0, 1, 2, 0, 1];
    const localLayers = [1, 2, 3, 4, 5, 6, 7, 1];
    const fix = { association, localLayers };
    const proposed = await optimize(scenario, { seed, fix });
    const ao = await optimize(scenario, { algorithm: 'ao', seed, fix });
    for (const s of [proposed, ao]) {
      expect(s.association).toEqual(association);
      expect(s.localLayers).toEqual(localLayers);
      expect(checkSolution(scenario, s)).toEqual([]);
    }
    expectRel(ao.objective, proposed.objective, 1e-6);
    const equal = equalShareAllocation(scenario, 1);
    const shares = evaluate(scenario, { ...equal, association, localLayers });
    expect(proposed.objective).toBeLessThan(shares.objective);
  });

  it('ao with a held split optimises the association around it', async () => {
    const s = await optimize(scenario, { algorithm: 'ao', seed, fix: { localLayers: 2 } });
    expect(s.localLayers.every((a) => a === 2)).toBe(true);
    expect(checkSolution(scenario, s)).toEqual([]);
  });

  it.each([
    [{ localLayers: [1, 2] }, 'localLayers: must give one value per user (8), got 2'],
    [
      { localLayers: 8 },
      'localLayers: must be an integer in 1..7 (1..Υ−1: Υ is local-only, 0 edge-only), got 8',
    ],
    [{ localLayers: 0 }, 'localLayers: must be an integer in 1..7'],
    [{ localLayers: [1, 1, 1, 2.5, 1, 1, 1, 1] }, 'localLayers[3]: must be an integer in 1..7'],
    [
      { association: 'nearest' as never },
      "association: unknown rule 'nearest' (choose from greedy, random, highest-gain)",
    ],
    [{ association: 3 }, 'association: must be a server index, an integer in 0..2, got 3'],
    [{ association: [0, 1, 2, 0, 1, 2, 0, -1] }, 'association[7]: must be a server index'],
  ])('%o → FixError %s', async (fix, message) => {
    await expect(optimize(scenario, { seed, fix })).rejects.toThrow(FixError);
    await expect(optimize(scenario, { seed, fix })).rejects.toThrow(message);
  });

  it('a server the user cannot reach, and an algorithm that fixes its own decisions', async () => {
    const cut = {
      ...scenario,
      channelGain: scenario.channelGain.map((row, n) => (n === 2 ? [row[0]!, 0, row[2]!] : row)),
    };
    await expect(optimize(cut, { seed, fix: { association: 1 } })).rejects.toThrow(
      'association: user 2 cannot reach server 1 (channelGain[2][1])',
    );
    await expect(optimize(scenario, { algorithm: 'greedy', seed, fix: { localLayers: 2 } })).rejects.toThrow(
      "algorithm 'greedy' fixes its own decisions; fixed decisions work with proposed, ao",
    );
  });
});
