import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.ts';
import { staleNormalization } from '../../src/scenario/normalization.ts';
import { applySets } from '../../src/scenario/overrides.ts';
import { CONTESTED_PRESET } from '../../src/scenario/presets.ts';
import { normalizationOf } from '../../src/model/reference.ts';

const base = generateScenario({ preset: CONTESTED_PRESET, users: 8, servers: 3, seed: 4 });

describe('--set', () => {
  it('sets one field, all entries, one entry and a slice', () => {
    const { scenario: s } = applySets(base, [
      'llm.batchSize=64',
      'users[*].flopsPerCycle=250',
      'users[3].maxPowerW=0.2',
      'servers[0:2].gpuCores=40',
      'weights.energy=5',
    ]);
    expect(s.llm.batchSize).toBe(64);
    expect(s.users.every((u) => u.flopsPerCycle === 250)).toBe(true);
    expect(s.users.map((u) => u.maxPowerW === 0.2)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(s.servers.map((x) => x.gpuCores)).toEqual([40, 40, base.servers[2]!.gpuCores]);
    expect(s.weights.energy).toBe(5);
    expect(base.llm.batchSize).toBe(512); // the input is not changed
  });

  it('derived fields follow: activation bits keep their bits per value, the normalisation is recomputed', () => {
    const { scenario: s, recomputed } = applySets(base, ['llm.batchSize=64', 'users[*].flopsPerCycle=250']);
    expect(s.users[0]!.activationBits).toBe((base.users[0]!.activationBits * 64) / 512);
    expect(s.normalization).toEqual(normalizationOf(s));
    expect(s.normalization.delayS).not.toBe(base.normalization.delayS);
    expect(recomputed).toEqual(['activationBits of 8 user(s)', 'normalization']);
    // Weights do not enter the normalisation (ω = w / reference): nothing to recompute.
    expect(applySets(base, ['weights.energy=5']).recomputed).toEqual([]);
  });

  it('moving a user recomputes its gains from the path-loss law', () => {
    const { scenario: s, recomputed } = applySets(base, ['users[0].xM=0', 'users[0].yM=0']);
    expect(recomputed).toContain('channelGain');
    expect(s.channelGain[0]).not.toEqual(base.channelGain[0]);
    expect(s.channelGain[1]).toEqual(base.channelGain[1]);
  });

  it('an explicitly set normalisation is kept (and is then stale)', () => {
    const { scenario: s } = applySets(base, ['normalization.delayS=1']);
    expect(s.normalization.delayS).toBe(1);
    expect(staleNormalization(s)).toMatch(/^normalization is stale: it stores delayS 1,/);
    expect(staleNormalization(base)).toBeUndefined();
  });

  it.each([
    ['llm.batchsize=3', "--set llm.batchsize: unknown field 'batchsize' in llm (did you mean 'batchSize'?)"],
    ['lmm.layers=3', "--set lmm.layers: unknown field 'lmm' (did you mean 'llm'?)"],
    ['users[8].tokens=3', '--set users[8].tokens: users[8] is out of range: users has indices 0..7'],
    [
      'servers[2:9].gpuCores=3',
      '--set servers[2:9].gpuCores: servers[2:9] is out of range: servers has indices 0..2',
    ],
    ['users.tokens=3', '--set users.tokens: users is a list: index it, e.g. [*] or [0]'],
    ['users[*].maxPowerW=-1', '--set users[*].maxPowerW=-1: users[0].maxPowerW: must be > 0 (got -1)'],
    ['llm.layers=abc', '--set llm.layers=abc: llm.layers: must be a number, got "abc"'],
    ['llm.layers=2.5', '--set llm.layers=2.5: llm.layers: must be an integer in 1..10000'],
    ['llm.layers', '--set llm.layers: must be PATH=VALUE, e.g. llm.batchSize=64'],
    ['users[x].tokens=1', '--set users[x].tokens: not a path'],
  ])('%s → one line naming the path', (set, message) => {
    expect(() => applySets(base, [set])).toThrow(message);
  });
});
