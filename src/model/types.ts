/**
 * The shapes the analytic model reads. They are structural on purpose: `src/model` imports nothing
 * of ours, and the scenario module's zod-derived types are checked against these at compile time
 * (see `src/scenario/schema.ts`). Units are SI and carried in the names.
 */

/** The LLM being fine-tuned (paper §3, §5). */
export interface LlmShape {
  /** Υ, transformer layers (32 for LLaMA-7B). */
  readonly layers: number;
  /** B, samples per batch. */
  readonly batchSize: number;
  /** h, hidden dimension. */
  readonly hiddenDim: number;
  /** [mecsim] bits per token id sent by an edge-only user (α = 0): 32. */
  readonly tokenIdBits: number;
  /** [mecsim] ψ's law for a profile-built LLM (flops.ts `LayerFlopsLaw`); absent: the paper's ψ. */
  readonly layerFlops?: { readonly perToken: number; readonly perTokenSquared: number } | undefined;
}

/** One mobile user n and its device. */
export interface UserSpec {
  /** d_n, input tokens per sample. */
  readonly tokens: number;
  /** C_n^U, GPU cores. */
  readonly gpuCores: number;
  /** D_n^U, FLOPs per cycle per core. */
  readonly flopsPerCycle: number;
  /** f_n^max. */
  readonly maxFreqHz: number;
  /** p_n^max. */
  readonly maxPowerW: number;
  /** κ_1: GPU power = κ·f³, in W/Hz³. */
  readonly kappa: number;
  /** s_n, size of the intermediate results sent after the local layers. */
  readonly activationBits: number;
  /** k_n, training samples (Theorem 1). */
  readonly datasetSize: number;
}

/** One edge server m. */
export interface ServerSpec {
  /** C_m^E. */
  readonly gpuCores: number;
  /** D_m^E. */
  readonly flopsPerCycle: number;
  /** f_m^max, shared among the server's users (9g). */
  readonly maxFreqHz: number;
  /** b_m^max, shared among the server's users (9e). */
  readonly bandwidthHz: number;
  /** κ_2, in W/Hz³. */
  readonly kappa: number;
}

/** Everything about the network that a cost depends on (no weights). */
export interface Network {
  readonly llm: LlmShape;
  readonly noisePsdWPerHz: number;
  readonly stability: { readonly lipschitz: number };
  readonly objective: {
    /** [mecsim] count ω_t·T^up in the objective (default); false gives the paper's (4) exactly. */
    readonly uplinkDelay: boolean;
    /** [mecsim] lower bound on p_n, keeps the paper's objective well posed. */
    readonly minPowerW: number;
  };
  readonly users: readonly UserSpec[];
  readonly servers: readonly ServerSpec[];
  /** g_{n,m}, linear power gain, indexed [user][server]. */
  readonly channelGain: readonly (readonly number[])[];
}

/** User-facing weights w (default 1 each); the objective uses ω = w / reference (MODEL.md §5). */
export interface Weights {
  readonly delay: number;
  readonly energy: number;
  readonly stability: number;
}

/** T_ref, E_ref, S_ref of the reference solution (MODEL.md §5). */
export interface Normalization {
  readonly delayS: number;
  readonly energyJ: number;
  readonly stability: number;
}

/** A network with its weights and normalisation: everything `evaluate` needs. */
export interface ModelScenario extends Network {
  readonly weights: Weights;
  readonly normalization: Normalization;
}

/** The decision variables of problem (9), one entry per user. */
export interface Allocation {
  /** χ: association[n] = m. */
  readonly association: readonly number[];
  /** α_n in 0..Υ (0 = edge-only baseline, Υ = local-only). */
  readonly localLayers: readonly number[];
  readonly powerW: readonly number[];
  /** b_{n,m}: the bandwidth user n gets from its server. */
  readonly bandwidthHz: readonly number[];
  readonly userFreqHz: readonly number[];
  /** f_{n,m}: the share of its server's GPU frequency. */
  readonly edgeFreqHz: readonly number[];
}

/** Per-user delay and energy of one training step (MODEL.md §3), plus its stability bound. */
export interface UserMetrics {
  delayS: number;
  localDelayS: number;
  uplinkDelayS: number;
  edgeDelayS: number;
  energyJ: number;
  localEnergyJ: number;
  uplinkEnergyJ: number;
  edgeEnergyJ: number;
  /** AS_n; Infinity for a local-only user (α_n = Υ). */
  stability: number;
}

/** The metrics contract of DESIGN.md. Infinity marks an unbounded stability (local-only). */
export interface Metrics {
  /** ω_t·T + ω_e·E + ω_s·S; Infinity when a stability bound is unbounded and ω_s > 0. */
  objective: number;
  /** Σ_n delay_n, always including the uplink delay (what users see). */
  totalDelayS: number;
  meanDelayS: number;
  totalEnergyJ: number;
  /** Σ_n AS_n; Infinity when some user trains every layer locally. */
  stability: number;
  /** False when some user's AS_n is unbounded (α_n = Υ). */
  stabilityBounded: boolean;
  /** Whether the objective counts the uplink delay ([mecsim] default) or not (the paper's (4)). */
  uplinkDelayCounted: boolean;
  /** The three weighted terms of the objective; `delay` leaves out the uplink delay when the
   *  objective does. */
  terms: { delay: number; energy: number; stability: number };
  perUser: UserMetrics[];
}
