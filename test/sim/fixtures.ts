/** Scenarios and allocations for the simulation tests. */
import { RandomStreams } from '../../src/random/index.ts';
import { bestGainServer, type Allocation } from '../../src/model/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/**
 * A feasible allocation with random splits in 0..Υ (edge-only and local-only included), powers,
 * frequencies and uneven shares that fill each server's budgets exactly.
 */
export function randomAllocation(s: Scenario, seed: number): Allocation {
  const rng = new RandomStreams(seed).get('test-allocation');
  const users = s.users.length;
  const association = s.users.map((_, n) =>
    rng.random() < 0.5 ? bestGainServer(s, n) : rng.uniformInt(0, s.servers.length - 1),
  );
  const localLayers = s.users.map(() => rng.uniformInt(0, s.llm.layers));
  const weight = s.users.map(() => rng.uniform(0.2, 1));
  const load = s.servers.map(() => 0);
  for (let n = 0; n < users; n++) if (localLayers[n]! < s.llm.layers) load[association[n]!]! += weight[n]!;
  const share = (n: number, total: number): number =>
    localLayers[n]! < s.llm.layers ? (total * weight[n]!) / load[association[n]!]! : 0;
  return {
    association,
    localLayers,
    powerW: s.users.map((u) => rng.uniform(0.1, 1) * u.maxPowerW),
    bandwidthHz: association.map((m, n) => share(n, s.servers[m]!.bandwidthHz)),
    userFreqHz: s.users.map((u) => rng.uniform(0.3, 1) * u.maxFreqHz),
    edgeFreqHz: association.map((m, n) => share(n, s.servers[m]!.maxFreqHz)),
  };
}

/**
 * A hand-sized network: one layer is ψ = 72·B·d·h² + 12·B·d²·h = 84 FLOPs (B = d = h = 1); a
 * GPU with 1 core, 1 FLOP/cycle at 84 Hz runs it in 1 s, and κ = 1/84³ makes that GPU draw 1 W.
 * The uplink: g·p/(σ²·b) = 1·1/(1e-3·1000) = 1, so r = 1000·log2(2) = 1000 bit/s and the 1000
 * activation bits take 1 s at 1 W.
 */
export function handScenario(userFreqsHz: number[], layers: number): Scenario {
  const kappa = 1 / 84 ** 3;
  return {
    version: 1,
    preset: 'custom',
    seed: 1,
    areaM: 100,
    llm: { layers, batchSize: 1, hiddenDim: 1, tokenIdBits: 32 },
    weights: { delay: 1, energy: 1, stability: 1 },
    normalization: { delayS: 1, energyJ: 1, stability: 1 },
    objective: { uplinkDelay: true, minPowerW: 1e-3 },
    noisePsdWPerHz: 1e-3,
    pathLoss: { at1KmDb: 128.1, perDecadeDb: 37.6, minDistanceM: 10 },
    stability: { lipschitz: 1 },
    users: userFreqsHz.map((f) => ({
      tokens: 1,
      gpuCores: 1,
      flopsPerCycle: 1,
      maxFreqHz: f,
      maxPowerW: 1,
      kappa,
      activationBits: 1000,
      datasetSize: 100,
      xM: 0,
      yM: 0,
    })),
    servers: [
      {
        gpuCores: 1,
        flopsPerCycle: 1,
        maxFreqHz: 84,
        bandwidthHz: 1000 * userFreqsHz.length,
        kappa,
        txPowerW: 10,
        xM: 0,
        yM: 0,
      },
    ],
    channelGain: userFreqsHz.map(() => [1]),
  };
}

export function handAllocation(userFreqsHz: number[], localLayers: number): Allocation {
  const users = userFreqsHz.length;
  return {
    association: userFreqsHz.map(() => 0),
    localLayers: userFreqsHz.map(() => localLayers),
    powerW: userFreqsHz.map(() => 1),
    bandwidthHz: userFreqsHz.map(() => 1000),
    userFreqHz: userFreqsHz,
    edgeFreqHz: userFreqsHz.map(() => 84 / users),
  };
}
