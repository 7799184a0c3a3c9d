/**
 * Command-line values, once for every command: the range of each integer concept (a seed is a
 * seed in `scenario`, `optimize`, `simulate`, `run` and `experiment` alike), parsing with one-line
 * errors that name the flag and the range, and the one seed rule.
 */
import { z } from 'zod';
import { InputError } from '../files/index.ts';
import { rangeText, type IntRange } from '../scenario/ranges.ts';

export { RANGES, type IntRange } from '../scenario/ranges.ts';

/** The scenario seed of a command that generates its scenario and is given no `--seed`. */
export const DEFAULT_SEED = 1;

/** A flag's text as an integer in `r`, or undefined: decimal digits only (no `1e3`, `0x10`, ``). */
function integerText(text: string, r: IntRange): number | undefined {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= r.min && n <= r.max ? n : undefined;
}

/** An integer flag in its range (undefined when not given), or an InputError naming the flag. */
export function integerFlag(flag: string, value: string | undefined, r: IntRange): number | undefined {
  if (value === undefined) return undefined;
  const n = integerText(value, r);
  if (n === undefined) throw new InputError(`${flag}: ${rangeText(r)}, got '${value}'`);
  return n;
}

/** The zod form of an integer flag in `r`: commander's text in, a number out. */
export function integerFlagSchema(r: IntRange): z.ZodType<number, unknown> {
  return z.unknown().transform((value, ctx) => {
    const n = typeof value === 'string' ? integerText(value, r) : undefined;
    if (n === undefined) {
      ctx.addIssue({ code: 'custom', message: rangeText(r) });
      return z.NEVER;
    }
    return n;
  });
}

export interface RealRange {
  /** Lower bound, and whether the bound itself is allowed. */
  readonly min: number;
  readonly minIncluded: boolean;
  readonly max?: number;
}

const realRangeText = (r: RealRange): string =>
  `must be a number ${r.minIncluded ? '>=' : '>'} ${r.min}${r.max === undefined ? '' : ` and <= ${r.max}`}`;

/** The zod form of a real-valued flag: a decimal number (`0.5`, `1e-3`) in range; no `''`, `0x10`. */
export function realFlagSchema(r: RealRange): z.ZodType<number, unknown> {
  return z.unknown().transform((value, ctx) => {
    const text = typeof value === 'string' ? value.trim() : '';
    const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
    const inRange = (r.minIncluded ? n >= r.min : n > r.min) && (r.max === undefined || n <= r.max);
    if (!Number.isFinite(n) || !inRange) {
      ctx.addIssue({ code: 'custom', message: realRangeText(r) });
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

/** `--set PATH=VALUE`, repeatable (commander's collector). */
export const collectSets = (value: string, previous: readonly string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** The help line of `--set`, the same in every command that makes or reads a scenario. */
export const SET_HELP =
  'override a scenario field, repeatable: llm.batchSize=64, users[*].flopsPerCycle=250, users[3].maxPowerW=0.2, servers[0:5].gpuCores=40, weights.energy=5 (derived fields and the normalisation follow)';

/** The help line of `--strict` about a scenario's stored normalisation. */
export const STRICT_NORMALIZATION_HELP =
  'a scenario file whose normalisation is stale is an error (default: a warning)';
