/**
 * One range per integer concept, for every command's flags and every file mecsim reads (scenario,
 * config, experiment files): a seed is 0..2^32−1 wherever it is written, a layer count 1..10,000.
 * It lives here, below src/cli and experiments, so that the schemas of both read the same table;
 * src/cli/flags.ts parses flag text against it.
 */
import { z } from 'zod';
import { MAX_SEED } from '../random/index.ts';

export interface IntRange {
  readonly min: number;
  readonly max: number;
}

export const RANGES = {
  seed: { min: 0, max: MAX_SEED },
  users: { min: 1, max: 1_000_000 },
  servers: { min: 1, max: 1_000_000 },
  layers: { min: 1, max: 10_000 },
  /** Starting associations of the optimizer's outer loop. */
  starts: { min: 1, max: 1_000 },
  /** Training steps per user in a simulation. */
  steps: { min: 1, max: 1e15 },
  /** Engine events of one simulation (`--max-events`). */
  events: { min: 1, max: 1e15 },
  /** Seeded scenarios per sweep point of an experiment. */
  runs: { min: 1, max: 100_000 },
  workers: { min: 1, max: 256 },
  /** Other counts in a scenario (tokens, batch size, hidden size, GPU cores, dataset size). */
  count: { min: 1, max: 1e15 },
  /** What a solution file counts (outer iterations, starts, LP solves). */
  tally: { min: 0, max: 1e15 },
} as const satisfies Record<string, IntRange>;

export interface RealRange {
  /** Least value allowed (0 where 0 is a legal choice: a weight, an idle GPU's κ). */
  readonly min: number;
  readonly max: number;
}

/**
 * The magnitudes a real-valued scenario field may take: every physical value of the presets and
 * profiles lies well inside, and at every corner the model's delays, energies, rates and the
 * optimizer's LP coefficients stay finite (test/scenario/magnitudes.test.ts computes them). A
 * channel gain of 1e-320 or a κ of 1e308 is refused here, naming the field, instead of becoming
 * a NaN deep in an LP. Exclusive lower bounds (0 < x) stay with the schema's `positive()`.
 */
export const MAGNITUDES = {
  flopsPerCycle: { min: 1e-6, max: 1e9 },
  frequencyHz: { min: 1, max: 1e13 },
  bandwidthHz: { min: 1e-3, max: 1e13 },
  powerW: { min: 1e-15, max: 1e6 },
  kappa: { min: 0, max: 1e-6 },
  bits: { min: 1e-6, max: 1e18 },
  weight: { min: 0, max: 1e6 },
  normalization: { min: 1e-30, max: 1e30 },
  noisePsdWPerHz: { min: 1e-35, max: 1e-3 },
  lipschitz: { min: 1e-9, max: 1e9 },
  channelGain: { min: 1e-30, max: 1e3 },
  /** Positions and the area side, in metres. */
  lengthM: { min: -1e9, max: 1e9 },
} as const satisfies Record<string, RealRange>;

/** The zod form of a real field in `r`: refusals read `must be >= 1e-30 (got 1e-320)`. */
export const realIn = (r: RealRange): z.ZodNumber => z.number().min(r.min).max(r.max);

/** `must be an integer in 1..10000`: the one wording of a range in every message. */
export const rangeText = (r: IntRange): string => `must be an integer in ${r.min}..${r.max}`;

/** The zod form of an integer in `r`, for files: a JSON or YAML number (text is not coerced). */
export const integerIn = (r: IntRange): z.ZodNumber =>
  z.number().refine((n) => Number.isInteger(n) && n >= r.min && n <= r.max, rangeText(r));
