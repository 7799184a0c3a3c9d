/**
 * A scenario compiled for the optimizer: every per-user and per-pair coefficient of the weighted
 * costs (14), (15), (3), every budget and bound, precomputed once in flat typed arrays, so that
 * the inner loops only index arrays, multiply and take logarithms (never look into the scenario).
 */
import {
  layerCostAt,
  userLayerFlops,
  objectiveWeights,
  optimalUserFreqHz,
  splitBits,
  tokenIdBits,
} from '../model/index.ts';
import type { ModelScenario } from '../model/index.ts';

export interface Instance {
  readonly scenario: ModelScenario;
  /** N users, M servers, Υ layers. */
  readonly users: number;
  readonly servers: number;
  readonly layers: number;
  /** ω_t (1/s), ω_e (1/J), as the objective uses them. */
  readonly delayPerS: number;
  readonly energyPerJ: number;
  /** ω_t counted on the uplink: ω_t with mecsim's default objective, 0 with the paper's (4). */
  readonly uplinkDelayPerS: number;
  /** ω_s (per unit of stability bound) and the Lipschitz constant L of Theorem 1. */
  readonly stabilityWeight: number;
  readonly lipschitz: number;
  /** A_n(f) = localDelayCoef/f + localEnergyCoef·f² (eq. (14)), per user. */
  readonly localDelayCoef: Float64Array;
  readonly localEnergyCoef: Float64Array;
  /** f_n* (MODEL.md §6) and A_n(f_n*), the least weighted cost of one local layer. */
  readonly userFreqHz: Float64Array;
  readonly localLayerCost: Float64Array;
  /** B_{n,m}(f) = edgeDelayCoef/f + edgeEnergyCoef·f² (eq. (15)), index n·M + m. */
  readonly edgeDelayCoef: Float64Array;
  readonly edgeEnergyCoef: Float64Array;
  /** g_{n,m}/σ² (1/(W/Hz)): r = b·log2(1 + snrPerW·p/b). Index n·M + m. */
  readonly snrPerW: Float64Array;
  /** Whether user n can use server m at all (positive finite gain). Index n·M + m. */
  readonly usable: Uint8Array;
  /** ω_s·2L²/k_n: the stability term is stabilityCoef/(1 − α/Υ). */
  readonly stabilityCoef: Float64Array;
  /** Per user: k_n, the bounds of (9d) and (9f), s_n and the token-id bits (α = 0). */
  readonly datasetSize: Float64Array;
  readonly minPowerW: Float64Array;
  readonly maxPowerW: Float64Array;
  readonly maxUserFreqHz: Float64Array;
  readonly activationBits: Float64Array;
  readonly tokenIdBits: Float64Array;
  /** Per server: the budgets of (9e) and (9g). */
  readonly bandwidthBudgetHz: Float64Array;
  readonly frequencyBudgetHz: Float64Array;
}

/** Compiles a scenario (assumed validated, see `validate.ts`). */
export function compileInstance(scenario: ModelScenario): Instance {
  const n = scenario.users.length;
  const m = scenario.servers.length;
  const w = objectiveWeights(scenario.weights, scenario.normalization);
  const { batchSize, layers } = scenario.llm;
  const perUser = (): Float64Array => new Float64Array(n);
  const inst = {
    scenario,
    users: n,
    servers: m,
    layers,
    delayPerS: w.delayPerS,
    energyPerJ: w.energyPerJ,
    uplinkDelayPerS: scenario.objective.uplinkDelay ? w.delayPerS : 0,
    stabilityWeight: w.stability,
    lipschitz: scenario.stability.lipschitz,
    localDelayCoef: perUser(),
    localEnergyCoef: perUser(),
    userFreqHz: perUser(),
    localLayerCost: perUser(),
    edgeDelayCoef: new Float64Array(n * m),
    edgeEnergyCoef: new Float64Array(n * m),
    snrPerW: new Float64Array(n * m),
    usable: new Uint8Array(n * m),
    stabilityCoef: perUser(),
    datasetSize: perUser(),
    minPowerW: perUser(),
    maxPowerW: perUser(),
    maxUserFreqHz: perUser(),
    activationBits: perUser(),
    tokenIdBits: perUser(),
    bandwidthBudgetHz: Float64Array.from(scenario.servers, (s) => s.bandwidthHz),
    frequencyBudgetHz: Float64Array.from(scenario.servers, (s) => s.maxFreqHz),
  };
  const lipschitz = scenario.stability.lipschitz;
  scenario.users.forEach((u, i) => {
    const psi = userLayerFlops(scenario.llm, u.tokens);
    const perCycle = psi / (u.gpuCores * u.flopsPerCycle);
    inst.localDelayCoef[i] = w.delayPerS * perCycle;
    inst.localEnergyCoef[i] = w.energyPerJ * u.kappa * perCycle;
    const f = optimalUserFreqHz(w.delayPerS, w.energyPerJ, u.kappa, u.maxFreqHz);
    inst.userFreqHz[i] = f;
    inst.localLayerCost[i] = layerCostAt(w.delayPerS * perCycle, w.energyPerJ * u.kappa * perCycle, f);
    inst.stabilityCoef[i] = (w.stability * 2 * lipschitz * lipschitz) / u.datasetSize;
    inst.datasetSize[i] = u.datasetSize;
    inst.minPowerW[i] = Math.min(scenario.objective.minPowerW, u.maxPowerW);
    inst.maxPowerW[i] = u.maxPowerW;
    inst.maxUserFreqHz[i] = u.maxFreqHz;
    inst.activationBits[i] = u.activationBits;
    inst.tokenIdBits[i] = tokenIdBits(u.tokens, batchSize, scenario.llm.tokenIdBits);
    const gains = scenario.channelGain[i];
    if (gains === undefined) throw new RangeError(`channelGain[${i}]: missing`);
    scenario.servers.forEach((s, j) => {
      const k = i * m + j;
      const edgePerCycle = psi / (s.gpuCores * s.flopsPerCycle);
      inst.edgeDelayCoef[k] = w.delayPerS * edgePerCycle;
      inst.edgeEnergyCoef[k] = w.energyPerJ * s.kappa * edgePerCycle;
      const g = gains[j];
      if (g === undefined) throw new RangeError(`channelGain[${i}][${j}]: missing`);
      inst.snrPerW[k] = g / scenario.noisePsdWPerHz;
      inst.usable[k] = g > 0 && Number.isFinite(g) && s.bandwidthHz > 0 && s.maxFreqHz > 0 ? 1 : 0;
    });
  });
  return inst;
}

/** s_n for a split α (activations; token ids at α = 0; nothing at α = Υ), as the model counts it. */
export function bitsFor(inst: Instance, n: number, localLayers: number): number {
  return splitBits(inst.layers, localLayers, inst.activationBits[n] ?? NaN, inst.tokenIdBits[n] ?? NaN);
}
