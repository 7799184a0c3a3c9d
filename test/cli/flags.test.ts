// The flags module: one range per concept, one error form, one seed rule.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../src/files/index.ts';
import {
  integerFlag,
  integerFlagSchema,
  masterSeed,
  parseFlags,
  RANGES,
  realFlagSchema,
} from '../../src/cli/flags.ts';
import { integerIn } from '../../src/scenario/ranges.ts';
import { MAX_SEED } from '../../src/random/index.ts';
import { oneLineError } from '../one-line-error.ts';

describe('integer flags', () => {
  it('seeds span 0..MAX_SEED (2^32 - 1) and nothing more', () => {
    expect(integerFlag('--seed', '0', RANGES.seed)).toBe(0);
    expect(integerFlag('--seed', String(MAX_SEED), RANGES.seed)).toBe(2 ** 32 - 1);
    expect(oneLineError(() => integerFlag('--seed', String(MAX_SEED + 1), RANGES.seed), InputError)).toBe(
      "--seed: must be an integer in 0..4294967295, got '4294967296'",
    );
    expect(integerFlag('--seed', undefined, RANGES.seed)).toBeUndefined();
  });
  it('refuses fractions, exponents and words', () => {
    for (const v of ['2.5', '1e3', 'abc', '', '0x10'])
      expect(() => integerFlag('--users', v, RANGES.users)).toThrow(InputError);
  });
  it('files take numbers, flags take text, with the same range and no coercion', () => {
    const file = integerIn(RANGES.layers);
    expect(file.parse(12)).toBe(12);
    for (const v of ['12', true, 10_001, 3.5, null]) expect(file.safeParse(v).success).toBe(false);
    const flag = integerFlagSchema(RANGES.layers);
    expect(flag.parse('12')).toBe(12);
    for (const v of [12, '10001', '']) expect(flag.safeParse(v).success).toBe(false);
  });
  it('real flags are decimal numbers in range; empty text is not 0', () => {
    const s = realFlagSchema({ min: 0, minIncluded: true });
    expect(s.parse('1e-3')).toBe(0.001);
    expect(s.parse('0')).toBe(0);
    for (const v of ['', ' ', '0x10', 'Infinity', '1e999', '-1', 'abc'])
      expect(s.safeParse(v).success).toBe(false);
  });
  it('no integer range states 2^53 - 1 (a range in a message is one mecsim enforces)', () => {
    for (const r of Object.values(RANGES)) expect(r.max).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
  it('parseFlags names the kebab-case flag and the value', () => {
    const schema = z.object({ rateTrigger: integerFlagSchema(RANGES.steps) });
    expect(oneLineError(() => parseFlags(schema, { rateTrigger: '0' }), InputError)).toBe(
      `--rate-trigger: must be an integer in 1..${RANGES.steps.max}, got '0'`,
    );
  });
});

describe('the seed rule', () => {
  it("--seed when given, else the scenario's", () => {
    expect(masterSeed(undefined, { seed: 7 })).toBe(7);
    expect(masterSeed(0, { seed: 7 })).toBe(0);
  });
});
