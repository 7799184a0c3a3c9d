/**
 * The profile catalogue: every kind of profile by name, looked up with one-line errors that name
 * the flag or field and the allowed values, and the mixes (`a15:0.5,sd8g2:0.5`) scenarios are
 * composed from.
 */
import { ValidationError } from '../parse.ts';
import { EDGE_GPUS, type EdgeGpuProfile } from './edge-gpus.ts';
import { FINETUNE_METHODS, type FinetuneChoice } from './finetune.ts';
import { LLMS, type LlmProfile } from './llms.ts';
import { PHONES, type PhoneProfile } from './phones.ts';
import { PRECISIONS, type PrecisionProfile } from './precision.ts';
import { RADIOS, type RadioProfile } from './radios.ts';

export { EDGE_GPUS, edgeDevice } from './edge-gpus.ts';
export type { EdgeGpuProfile } from './edge-gpus.ts';
export { FINETUNE_METHODS, layerFlopsLaw, loraParams } from './finetune.ts';
export type { FinetuneChoice, FinetuneMethod } from './finetune.ts';
export { LLMS, layerWeightParams } from './llms.ts';
export type { LlmProfile } from './llms.ts';
export { PHONES, phoneDevice } from './phones.ts';
export type { PhoneProfile } from './phones.ts';
export { PRECISIONS } from './precision.ts';
export type { PrecisionProfile } from './precision.ts';
export { RADIOS, areaSideM, receiverNoiseDbmPerHz } from './radios.ts';
export type { RadioProfile, PathLossProfile } from './radios.ts';
export type { Sourced } from './sourced.ts';

/** Every kind, in the order `mecsim profiles` lists them. */
export const PROFILE_KINDS = {
  phones: PHONES,
  edgeGpus: EDGE_GPUS,
  llms: LLMS,
  finetune: FINETUNE_METHODS,
  precisions: PRECISIONS,
  radios: RADIOS,
} as const;

/** The profile of `kind` called `name`; otherwise a ValidationError naming `field` and the names. */
function named<T extends { readonly name: string }>(list: readonly T[], name: string, field: string): T {
  const found = list.find((p) => p.name === name);
  if (found !== undefined) return found;
  const names = list.map((p) => p.name).join(', ');
  throw new ValidationError(`${field}: unknown profile '${name}' (choose from ${names})`, field);
}

export const phoneNamed = (name: string, field = '--phones'): PhoneProfile => named(PHONES, name, field);
export const edgeGpuNamed = (name: string, field = '--edge-gpus'): EdgeGpuProfile =>
  named(EDGE_GPUS, name, field);
export const llmNamed = (name: string, field = '--llm'): LlmProfile => named(LLMS, name, field);
export const precisionNamed = (name: string, field = '--precision'): PrecisionProfile =>
  named(PRECISIONS, name, field);
export const radioNamed = (name: string, field = '--radio'): RadioProfile => named(RADIOS, name, field);

/** Shares of profiles, in the order given; the shares sum to 1. */
export type Mix = readonly (readonly [name: string, share: number])[];

/** Shares must sum to 1 within this (so 1/3 written as 0.333 is refused: write 0.334). */
const SHARE_SUM_TOLERANCE = 1e-6;

/**
 * `a15:0.5,sd8g2:0.5` or `t4,v100` (equal shares) as a mix of known names; one line naming
 * `field` for an unknown name, a bad share or shares that do not sum to 1.
 */
export function parseMix(text: string, names: readonly string[], field: string): Mix {
  const parts = text.split(',').map((p) => p.trim());
  const withShares = parts.some((p) => p.includes(':'));
  const mix = parts.map((part): readonly [string, number] => {
    const [name = '', shareText] = part.split(':');
    if (!names.includes(name)) {
      throw new ValidationError(
        `${field}: unknown profile '${name}' (choose from ${names.join(', ')})`,
        field,
      );
    }
    if (!withShares) return [name, 1 / parts.length];
    const share = shareText === undefined ? NaN : Number(shareText);
    if (!(share > 0 && share <= 1)) {
      throw new ValidationError(
        `${field}: share of '${name}' must be a number in (0, 1], got '${shareText ?? ''}' (form: name:share,name:share)`,
        field,
      );
    }
    return [name, share];
  });
  const sum = mix.reduce((s, [, share]) => s + share, 0);
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    throw new ValidationError(
      `${field}: shares must sum to 1, got ${Number(sum.toPrecision(6))} in '${text}'`,
      field,
    );
  }
  return mix;
}

/** A mix as text, the form `parseMix` reads. */
export const mixText = (mix: Mix): string =>
  mix.map(([n, s]) => `${n}:${Number(s.toPrecision(6))}`).join(',');

/** `full`, `lora:R` (rank 1..4096) or `frozen:K` (1 ≤ K < the model's layers). */
export function parseFinetune(text: string, field = '--finetune'): FinetuneChoice {
  const [method, arg] = text.split(':');
  const usage = FINETUNE_METHODS.map((m) => m.usage).join(', ');
  const count = (max: number): number => {
    const n = Number(arg);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new ValidationError(
        `${field}: ${method}:N needs an integer N in 1..${max}, got '${text}'`,
        field,
      );
    }
    return n;
  };
  if (method === 'full' && arg === undefined) return { method: 'full' };
  if (method === 'lora') return { method: 'lora', rank: count(4096) };
  if (method === 'frozen') return { method: 'frozen', layers: count(10_000) };
  throw new ValidationError(`${field}: must be one of ${usage}, got '${text}'`, field);
}

/** The text form of a fine-tuning choice. */
export function finetuneText(c: FinetuneChoice): string {
  if (c.method === 'lora') return `lora:${c.rank}`;
  if (c.method === 'frozen') return `frozen:${c.layers}`;
  return 'full';
}
