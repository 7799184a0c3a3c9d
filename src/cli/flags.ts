/**
 * Command-line values, once for every command: the range of each integer concept (a seed is a
 * seed in `scenario`, `optimize`, `simulate`, `run` and `experiment` alike), parsing with one-line
 * errors that name the flag and the range, and the one seed rule.
 */
import { z } from 'zod';
import { InputError } from '../files/index.ts';
import { MAX_SEED } from '../random/index.ts';

export interface IntRange {
  readonly min: number;
  readonly max: number;
}

/** One range per concept, for flags and config files alike. */
export const RANGES = {
  seed: { min: 0, max: MAX_SEED },
  users: { min: 1, max: 1_000_000 },
  servers: { min: 1, max: 1_000_000 },
  layers: { min: 1, max: 10_000 },
  /** Starting associations of the optimizer's outer loop. */
  starts: { min: 1, max: 1_000 },
  /** Training steps per user in a simulation. */
  steps: { min: 1, max: Number.MAX_SAFE_INTEGER },
  /** Seeded scenarios per sweep point of an experiment. */
  runs: { min: 1, max: 100_000 },
  workers: { min: 1, max: 256 },
} as const satisfies Record<string, IntRange>;

/** The scenario seed of a command that generates its scenario and is given no `--seed`. */
export const DEFAULT_SEED = 1;

const rangeText = (r: IntRange): string => `must be an integer in ${r.min}..${r.max}`;

/** `value` (a flag's text or a config file's number) as an integer in `r`, or undefined. */
function integerIn(value: unknown, r: IntRange): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
  if (text === undefined || !/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= r.min && n <= r.max ? n : undefined;
}

/** An integer flag in its range (undefined when not given), or an InputError naming the flag. */
export function integerFlag(flag: string, value: string | undefined, r: IntRange): number | undefined {
  if (value === undefined) return undefined;
  const n = integerIn(value, r);
  if (n === undefined) throw new InputError(`${flag}: ${rangeText(r)}, got '${value}'`);
  return n;
}

/** The zod form of an integer in `r`, for schemas of flags and config files (text or number in). */
export function integerSchema(r: IntRange): z.ZodType<number, unknown> {
  return z.unknown().transform((value, ctx) => {
    const n = integerIn(value, r);
    if (n === undefined) {
      ctx.addIssue({ code: 'custom', message: rangeText(r) });
      return z.NEVER;
    }
    return n;
  });
}

/**
 * The one seed rule: a command's master seed is `--seed` when given, else its scenario's seed.
 * The command hands it explicitly to the optimizer, the simulation and the epoch policy, so that
 * every random draw of a run follows from the one number.
 */
export function masterSeed(seedFlag: number | undefined, scenario: { readonly seed: number }): number {
  return seedFlag ?? scenario.seed;
}

/** `--rate-trigger` for commander's key `rateTrigger`. */
const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Flags checked by a zod schema; the first problem is one line: `--flag: what is allowed, got 'value'`. */
export function parseFlags<T>(schema: z.ZodType<T>, flags: Record<string, unknown>): T {
  const parsed = schema.safeParse(flags);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  throw new InputError(`${flagName(key)}: ${issue.message}, got '${String(flags[key])}'`);
}
