/**
 * The scenario and solution file formats (DESIGN.md "Contracts"): zod schemas are the single source
 * of truth; the TypeScript types are inferred from them and checked, at compile time, against the
 * structural types the model reads. Field order here is the key order of every file we write.
 */
import { z } from 'zod';
import type { Allocation, ModelScenario } from '../model/types.ts';
import { integerIn, MAGNITUDES as M, RANGES, realIn, type RealRange } from './ranges.ts';
import { strictObject } from './strict.ts';

const positive = () => z.number().positive();
const nonNegative = () => z.number().min(0);
/** A real in its magnitude range (src/scenario/ranges.ts); `> 0` first where 0 is not allowed. */
const within = (r: RealRange) => (r.min > 0 ? positive().pipe(realIn(r)) : realIn(r));
const count = () => integerIn(RANGES.count);
const coordinate = () => within(M.lengthM);

/** Defaults for fields added after the first contract; the generator always writes them out. */
export const DEFAULT_OBJECTIVE = { uplinkDelay: true, minPowerW: 1e-3 } as const;
export const DEFAULT_TOKEN_ID_BITS = 32;
export const DEFAULT_SERVER_TX_POWER_W = 10;
export const DEFAULT_PATH_LOSS = { at1KmDb: 128.1, perDecadeDb: 37.6, minDistanceM: 10 } as const;

export const LlmSchema = strictObject({
  layers: integerIn(RANGES.layers),
  batchSize: count(),
  hiddenDim: count(),
  /** [mecsim] bits per token id an edge-only user sends (α = 0). */
  tokenIdBits: within(M.bits).default(DEFAULT_TOKEN_ID_BITS),
  /** [mecsim] ψ(d) = B·(perToken·d + perTokenSquared·d²) for a profile-built LLM; absent: the paper's ψ. */
  layerFlops: strictObject({ perToken: positive(), perTokenSquared: nonNegative() }).optional(),
});

/** The paper's log-distance law. */
const LogDistanceLawSchema = strictObject({
  at1KmDb: z.number(),
  perDecadeDb: positive(),
  minDistanceM: positive(),
});

/** 3GPP TR 38.901 UMi street canyon or UMa (src/model/channel.ts). */
const Tr38901LawSchema = strictObject({
  model: z.enum(['umi', 'uma']),
  los: z.boolean(),
  carrierHz: positive(),
  bsHeightM: positive(),
  utHeightM: positive(),
  minDistanceM: positive(),
});

export const UserSchema = strictObject({
  tokens: count(),
  gpuCores: count(),
  flopsPerCycle: within(M.flopsPerCycle),
  maxFreqHz: within(M.frequencyHz),
  maxPowerW: within(M.powerW),
  kappa: within(M.kappa),
  activationBits: within(M.bits),
  datasetSize: count(),
  xM: coordinate(),
  yM: coordinate(),
});

export const ServerSchema = strictObject({
  gpuCores: count(),
  flopsPerCycle: within(M.flopsPerCycle),
  maxFreqHz: within(M.frequencyHz),
  bandwidthHz: within(M.bandwidthHz),
  kappa: within(M.kappa),
  /** For the optional gradient download (MODEL.md §9); not part of the paper's costs. */
  txPowerW: within(M.powerW).default(DEFAULT_SERVER_TX_POWER_W),
  xM: coordinate(),
  yM: coordinate(),
});

const ScenarioObject = strictObject({
  version: z.literal(1),
  /** Which preset the generator used ('paper', 'contested'), or 'custom'. */
  preset: z.string().default('custom'),
  seed: integerIn(RANGES.seed),
  /** Side of the square area users and servers are placed in. */
  areaM: positive().max(M.lengthM.max),
  /** What a profile-built scenario was composed from (`mecsim profiles`); absent for the generator's presets. */
  profiles: strictObject({
    phones: z.string(),
    edgeGpus: z.string(),
    llm: z.string(),
    finetune: z.string(),
    precision: z.string(),
    radio: z.string(),
  }).optional(),
  llm: LlmSchema,
  weights: strictObject({ delay: within(M.weight), energy: within(M.weight), stability: within(M.weight) }),
  normalization: strictObject({
    delayS: within(M.normalization),
    energyJ: within(M.normalization),
    stability: within(M.normalization),
    /** What it was computed from (`normalization.ts`); absent in files older than the field. */
    from: z.string().optional(),
  }),
  objective: strictObject({
    uplinkDelay: z.boolean().default(DEFAULT_OBJECTIVE.uplinkDelay),
    minPowerW: within(M.powerW).default(DEFAULT_OBJECTIVE.minPowerW),
  }).default({ ...DEFAULT_OBJECTIVE }),
  noisePsdWPerHz: within(M.noisePsdWPerHz),
  /** The path-loss law the gains came from, for a simulator that moves users. */
  pathLoss: z.union([LogDistanceLawSchema, Tr38901LawSchema]).default({ ...DEFAULT_PATH_LOSS }),
  stability: strictObject({ lipschitz: within(M.lipschitz) }),
  users: z.array(UserSchema).min(RANGES.users.min).max(RANGES.users.max),
  servers: z.array(ServerSchema).min(RANGES.servers.min).max(RANGES.servers.max),
  channelGain: z.array(z.array(within(M.channelGain))),
});

/** Cross-field rules: the gain matrix is users × servers; every user can meet the power floor. */
export const ScenarioSchema = ScenarioObject.superRefine((s, ctx) => {
  if (s.channelGain.length !== s.users.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['channelGain'],
      message: `must have ${s.users.length} rows (one per user), got ${s.channelGain.length}`,
    });
  }
  s.channelGain.forEach((row, n) => {
    if (row.length !== s.servers.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['channelGain', n],
        message: `must have ${s.servers.length} entries (one per server), got ${row.length}`,
      });
    }
  });
  s.users.forEach((u, n) => {
    if (u.maxPowerW > 0 && u.maxPowerW < s.objective.minPowerW) {
      ctx.addIssue({
        code: 'custom',
        path: ['users', n, 'maxPowerW'],
        message: `must be >= objective.minPowerW (${s.objective.minPowerW}), got ${u.maxPowerW}`,
      });
    }
  });
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioUser = z.infer<typeof UserSchema>;
export type ScenarioServer = z.infer<typeof ServerSchema>;

const numbers = () => z.array(z.number());

/**
 * A solution file. Only the shape is checked here; ranges, budgets and the link to a scenario are
 * `checkSolution`'s job, which lists every violated constraint instead of stopping at the first.
 */
export const SolutionSchema = strictObject({
  version: z.literal(1),
  algorithm: z.string().default('unknown'),
  iterations: integerIn(RANGES.tally).default(0),
  association: numbers(),
  localLayers: numbers(),
  powerW: numbers(),
  bandwidthHz: numbers(),
  userFreqHz: numbers(),
  edgeFreqHz: numbers(),
  /** The metrics an optimizer recorded (JSON form: null for an unbounded value); not validated. */
  metrics: z.unknown().optional(),
  /** How the optimizer got there (`optimize --out`): objective per outer iteration, starts, LPs. */
  history: z.array(z.number().nullable()).optional(),
  starts: integerIn(RANGES.tally).optional(),
  lpSolves: integerIn(RANGES.tally).optional(),
  /** The decisions `optimize --fix` held, as given (`localLayers=4`, `association=greedy`). */
  fixed: z.array(z.string()).optional(),
  /** `optimize` stopped by a budget (`--max-wall`, `--max-iterations`): the best plan found until then. */
  partial: z.literal(true).optional(),
  stoppedBy: z.string().optional(),
});

export type Solution = z.infer<typeof SolutionSchema>;

// Compile-time checks that the file types are what the model reads.
const scenarioIsModelScenario = (s: Scenario): ModelScenario => s;
const solutionIsAllocation = (s: Solution): Allocation => s;
void scenarioIsModelScenario;
void solutionIsAllocation;
