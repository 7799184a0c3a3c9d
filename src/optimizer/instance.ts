/**
 * A scenario compiled for the optimizer: every per-user and per-pair coefficient of the weighted
 * costs (14), (15), (3) precomputed once, in flat typed arrays, so that the inner loops of the
 * resource step only multiply and take logarithms.
 */
import { layerFlops, objectiveWeights, optimalUserFreqHz, sentBits } from '../model/index.ts';
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
  /** ω_s (per unit of stability bound). */
  readonly stabilityWeight: number;
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
  readonly minPowerW: Float64Array;
  readonly maxPowerW: Float64Array;
}

/** Compiles a scenario (assumed validated, see `validate.ts`). */
export function compileInstance(scenario: ModelScenario): Instance {
  const n = scenario.users.length;
  const m = scenario.servers.length;
  const w = objectiveWeights(scenario.weights, scenario.normalization);
  const { batchSize, hiddenDim, layers } = scenario.llm;
  const inst = {
    scenario, users: n, servers: m, layers,
    delayPerS: w.delayPerS,
    energyPerJ: w.energyPerJ,
    uplinkDelayPerS: scenario.objective.uplinkDelay ? w.delayPerS : 0,
    stabilityWeight: w.stability,
    localDelayCoef: new Float64Array(n),
    localEnergyCoef: new Float64Array(n),
    userFreqHz: new Float64Array(n),
    localLayerCost: new Float64Array(n),
    edgeDelayCoef: new Float64Array(n * m),
    edgeEnergyCoef: new Float64Array(n * m),
    snrPerW: new Float64Array(n * m),
    usable: new Uint8Array(n * m),
    stabilityCoef: new Float64Array(n),
    minPowerW: new Float64Array(n),
    maxPowerW: new Float64Array(n),
  };
  const lipschitz = scenario.stability.lipschitz;
  scenario.users.forEach((u, i) => {
    const psi = layerFlops(u.tokens, batchSize, hiddenDim);
    const perCycle = psi / (u.gpuCores * u.flopsPerCycle);
    inst.localDelayCoef[i] = w.delayPerS * perCycle;
    inst.localEnergyCoef[i] = w.energyPerJ * u.kappa * perCycle;
    const f = optimalUserFreqHz(w.delayPerS, w.energyPerJ, u.kappa, u.maxFreqHz);
    inst.userFreqHz[i] = f;
    inst.localLayerCost[i] = (w.delayPerS * perCycle) / f + w.energyPerJ * u.kappa * perCycle * f * f;
    inst.stabilityCoef[i] = (w.stability * 2 * lipschitz * lipschitz) / u.datasetSize;
    inst.minPowerW[i] = Math.min(scenario.objective.minPowerW, u.maxPowerW);
    inst.maxPowerW[i] = u.maxPowerW;
    scenario.servers.forEach((s, j) => {
      const k = i * m + j;
      const edgePerCycle = psi / (s.gpuCores * s.flopsPerCycle);
      inst.edgeDelayCoef[k] = w.delayPerS * edgePerCycle;
      inst.edgeEnergyCoef[k] = w.energyPerJ * s.kappa * edgePerCycle;
      const g = scenario.channelGain[i]?.[j] ?? 0;
      inst.snrPerW[k] = g / scenario.noisePsdWPerHz;
      inst.usable[k] = g > 0 && Number.isFinite(g) && s.bandwidthHz > 0 && s.maxFreqHz > 0 ? 1 : 0;
    });
  });
  return inst;
}

/** s_n for a split α (activations; token ids at α = 0; nothing at α = Υ), as the model counts it. */
export function bitsFor(inst: Instance, n: number, localLayers: number): number {
  return sentBits(inst.scenario, n, localLayers);
}
