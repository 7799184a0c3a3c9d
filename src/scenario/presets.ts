/**
 * Named parameter sets for the scenario generator. `paper` follows the paper's §5; `contested`
 * is **[mecsim]**'s variant in which local layers can pay off (MODEL.md §8). A range [lo, hi] is
 * drawn uniformly (integers where the field is a count); lo = hi fixes the value.
 */
import type { ProfileRecipe } from './compose.ts';
import { DEFAULT_PATH_LOSS } from './schema.ts';

export type Range = readonly [number, number];

export interface Preset {
  readonly name: string;
  readonly description: string;
  readonly users: number;
  readonly servers: number;
  /** Side of the square area; users and servers are placed uniformly in it. */
  readonly areaM: number;
  readonly llm: {
    readonly layers: number;
    readonly batchSize: number;
    readonly hiddenDim: number;
    readonly tokenIdBits: number;
  };
  readonly user: {
    readonly tokens: Range;
    readonly gpuCores: Range;
    readonly flopsPerCycle: Range;
    readonly maxFreqHz: Range;
    readonly maxPowerW: Range;
    readonly kappa: number;
    /** s_n = B·d_n·h·activationBitsPerValue. */
    readonly activationBitsPerValue: number;
    readonly datasetSize: Range;
  };
  readonly server: {
    readonly gpuCores: Range;
    readonly flopsPerCycle: Range;
    readonly maxFreqHz: Range;
    readonly bandwidthHz: number;
    readonly kappa: number;
    readonly txPowerW: number;
  };
  readonly noiseDbmPerHz: number;
  readonly pathLoss: {
    readonly at1KmDb: number;
    readonly perDecadeDb: number;
    readonly minDistanceM: number;
  };
  readonly lipschitz: number;
  readonly weights: { readonly delay: number; readonly energy: number; readonly stability: number };
  readonly objective: { readonly uplinkDelay: boolean; readonly minPowerW: number };
}

/**
 * The paper's §5 defaults. **[mecsim]** fills what the paper leaves open: κ_1 = 1e-27 W/Hz³
 * (≈ 1 W at 1 GHz, a phone GPU), κ_2 = 3e-26 W/Hz³ (≈ 240 W at 2 GHz, a T4/V100-class card),
 * L = 1, k_n uniform in [1000, 5000], fp16 activations, 32-bit token ids, a 1000 m square with
 * uniform placement, path loss clamped at 10 m, −134 dBm/Hz noise as MODEL.md states it.
 */
export const PAPER_PRESET: Preset = {
  name: 'paper',
  description: "the paper's section 5 defaults (50 users, 10 servers, LLaMA-7B)",
  users: 50,
  servers: 10,
  areaM: 1000,
  llm: { layers: 32, batchSize: 512, hiddenDim: 1024, tokenIdBits: 32 },
  user: {
    tokens: [512, 1024],
    gpuCores: [4, 6],
    flopsPerCycle: [1, 1],
    maxFreqHz: [0.5e9, 1e9],
    maxPowerW: [1, 2],
    kappa: 1e-27,
    activationBitsPerValue: 16,
    datasetSize: [1000, 5000],
  },
  server: {
    gpuCores: [2560, 5120],
    flopsPerCycle: [1, 2],
    maxFreqHz: [1e9, 3e9],
    bandwidthHz: 20e6,
    kappa: 3e-26,
    txPowerW: 10,
  },
  noiseDbmPerHz: -134,
  pathLoss: { ...DEFAULT_PATH_LOSS },
  lipschitz: 1,
  weights: { delay: 1, energy: 1, stability: 1 },
  objective: { uplinkDelay: true, minPowerW: 1e-3 },
};

/**
 * **[mecsim] contested**: a network in which local layers can pay off (MODEL.md §8), so that the
 * split α is a real decision. Not from the paper. What differs from `paper`, and why:
 *
 * - User GPUs counted in ALUs, as the paper's Apple A15 really has them (4–6 GPU cores × 128 ALUs,
 *   one fused multiply-add = 2 FLOPs per cycle): 512–768 cores × 2 FLOPs/cycle, ≈ 0.5–1.5 TFLOP/s
 *   instead of the paper's 2–6 GFLOP/s; κ_1 = 2e-27 W/Hz³ (≈ 2 W at 1 GHz).
 * - Slow, power-hungry, crowded servers: 5 servers for 50 users (10 per server on average), each
 *   with 512–1024 cores at 1–1.5 GHz and κ_2 = 1e-25 W/Hz³ (≈ 340 W at 1.5 GHz).
 * - Compressed activations: 4 bits per value (s_n = B·d_n·h·4), and a 300 m area (small cells),
 *   so that the uplink does not dominate the delay.
 *
 * Why α_n > 1 then: at fixed shares the objective is α·A_n + (Υ − α)·B_{n,m} + ω_s·AS_n(α)
 * (MODEL.md §6), and α_n* > 1 needs the per-layer saving B − A to beat the stability bound's
 * slope at α = 1, which after normalisation is about one N·Υ-th of the objective: the edge layer
 * must cost several times a local one in both delay and energy. Here A_n/B_{n,m} is ≈ 0.1–0.5, and
 * the closed form of §6 at the reference shares gives α_n* > 1 for most users at seed 1 (see
 * test/scenario/presets.test.ts); on the paper preset A/B is ≈ 5–500 and α_n* = 1 for everyone.
 */
export const CONTESTED_PRESET: Preset = {
  ...PAPER_PRESET,
  name: 'contested',
  description:
    '[mecsim] local layers can pay off: phone GPUs counted in ALUs, 5 slow power-hungry servers, 4-bit activations',
  servers: 5,
  areaM: 300,
  user: {
    ...PAPER_PRESET.user,
    gpuCores: [512, 768],
    flopsPerCycle: [2, 2],
    kappa: 2e-27,
    activationBitsPerValue: 4,
  },
  server: {
    ...PAPER_PRESET.server,
    gpuCores: [512, 1024],
    maxFreqHz: [1e9, 1.5e9],
    kappa: 1e-25,
  },
};

export const PRESETS: Readonly<Record<string, Preset>> = {
  paper: PAPER_PRESET,
  contested: CONTESTED_PRESET,
};

/** The preset called `name`, or undefined. */
export function presetNamed(name: string): Preset | undefined {
  return Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
}

/**
 * **[mecsim] realistic**: a network composed from profiles with sources (`mecsim profiles`):
 * phones from five current SoCs, T4 and A10 edge GPUs, Llama-2-7B with LoRA rank 8 in bf16,
 * a 3GPP UMi street-canyon NLOS radio (kT + 5 dB noise, 20 MHz per cell, 23 dBm phones), and a
 * small batch (4 samples of 256–512 tokens) so that one training step takes seconds (README).
 */
export const REALISTIC_RECIPE: ProfileRecipe = {
  name: 'realistic',
  description: '[mecsim] from profiles: 5 phone SoCs, T4/A10 servers, Llama-2-7B LoRA r8 bf16, 3GPP UMi NLOS',
  users: 50,
  servers: 10,
  phones: [
    ['a15', 0.2],
    ['a16', 0.2],
    ['a17-pro', 0.2],
    ['sd8g2', 0.2],
    ['sd8g3', 0.2],
  ],
  edgeGpus: [
    ['t4', 0.5],
    ['a10', 0.5],
  ],
  llm: 'llama-2-7b',
  finetune: { method: 'lora', rank: 8 },
  precision: 'bf16',
  radio: 'umi',
  batchSize: 4,
  tokens: [256, 512],
  datasetSize: [1000, 5000],
  lipschitz: 1,
  weights: { delay: 1, energy: 1, stability: 1 },
  objective: { uplinkDelay: true, minPowerW: 1e-3 },
};

/** Presets composed from profiles, by name. */
export const PROFILE_PRESETS: Readonly<Record<string, ProfileRecipe>> = { realistic: REALISTIC_RECIPE };

/** Every preset name, generator presets first. */
export const PRESET_NAMES_ALL: readonly string[] = [...Object.keys(PRESETS), ...Object.keys(PROFILE_PRESETS)];
