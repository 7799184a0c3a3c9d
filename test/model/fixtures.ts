import type { ModelScenario, Network, UserSpec } from '../../src/model/types.ts';

/**
 * A network small enough to compute by hand (MODEL.md §2–§3):
 * Υ = 4, B = 1, h = 10, d = 10 → ψ = 72·1·10·100 + 12·1·100·10 = 84,000 FLOP per layer.
 * User: f = 1000 Hz, C = 2, D = 1, κ1 = 1e-9 → T_loc = 84000/2000 = 42 s,
 *       E_loc = 1e-9·1000²·84000/2 = 42 J (1 W for 42 s).
 * Server (whole): f = 2100 Hz, C = 10, D = 2, κ2 = 1e-10 → T_edge = 84000/42000 = 2 s,
 *       E_edge = 1e-10·2100²·84000/20 = 1.8522 J.
 * Uplink: b = 1000 Hz, g = 1, p = 0.3 W, σ² = 1e-4 W/Hz → SNR = 0.3/0.1 = 3,
 *       r = 1000·log2(4) = 2000 bit/s; s = 6000 bits → T_up = 3 s, E_up = 0.9 J.
 * Stability: L = 1, k = 100.
 */
export const handUser: UserSpec = {
  tokens: 10,
  gpuCores: 2,
  flopsPerCycle: 1,
  maxFreqHz: 1000,
  maxPowerW: 0.3,
  kappa: 1e-9,
  activationBits: 6000,
  datasetSize: 100,
};

export function handNetwork(users = 1, servers = 1, uplinkDelay = true): Network {
  return {
    llm: { layers: 4, batchSize: 1, hiddenDim: 10, tokenIdBits: 32 },
    noisePsdWPerHz: 1e-4,
    stability: { lipschitz: 1 },
    objective: { uplinkDelay, minPowerW: 1e-3 },
    users: Array.from({ length: users }, () => handUser),
    servers: Array.from({ length: servers }, () => ({
      gpuCores: 10,
      flopsPerCycle: 2,
      maxFreqHz: 2100,
      bandwidthHz: 1000,
      kappa: 1e-10,
    })),
    channelGain: Array.from({ length: users }, () => new Array<number>(servers).fill(1)),
  };
}

export function handScenario(users = 1, servers = 1, uplinkDelay = true): ModelScenario {
  return {
    ...handNetwork(users, servers, uplinkDelay),
    weights: { delay: 1, energy: 1, stability: 1 },
    // The reference of one user (α = 1): T = 42 + 3 + 3·2 = 51 s, E = 42 + 0.9 + 3·1.8522 = 48.4566 J,
    // S = 2/(100·(1 − 1/4)) = 2/75.
    normalization: { delayS: 51, energyJ: 48.4566, stability: 2 / 75 },
  };
}
