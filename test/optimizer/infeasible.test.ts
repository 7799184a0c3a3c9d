// Bad input gets one clear message naming the field, not NaN.
import { describe, expect, it } from 'vitest';
import { InfeasibleScenarioError, optimize } from '../../src/optimizer/index.ts';
import { generateScenario } from '../../src/scenario/index.ts';

const base = generateScenario({ seed: 1, users: 3, servers: 2, layers: 4 });

describe('infeasible scenarios', () => {
  it('a server with zero bandwidth', async () => {
    const s = { ...base, servers: base.servers.map((v, m) => (m === 1 ? { ...v, bandwidthHz: 0 } : v)) };
    await expect(optimize(s, { seed: 1 })).rejects.toThrow(InfeasibleScenarioError);
    await expect(optimize(s, { seed: 1 })).rejects.toThrow(/servers\[1\]\.bandwidthHz = 0: must be > 0/);
  });
  it('a user that no server can reach', async () => {
    const s = { ...base, channelGain: base.channelGain.map((row, n) => (n === 2 ? row.map(() => 0) : row)) };
    await expect(optimize(s, { seed: 1 })).rejects.toThrow(/user 2 can reach no server/);
  });
  it('exact refuses an instance too large to enumerate', async () => {
    await expect(
      optimize(generateScenario({ seed: 1, users: 10, servers: 3 }), { algorithm: 'exact', seed: 1 }),
    ).rejects.toThrow(/at most 6 users/);
  });
});
