// The flags module: one range per concept, one error form, one seed rule.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../src/files/index.ts';
import { integerFlag, integerSchema, masterSeed, parseFlags, RANGES } from '../../src/cli/flags.ts';
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
  it('the zod form takes numbers from config files and text from flags, with the same range', () => {
    const s = integerSchema(RANGES.layers);
    expect(s.parse(12)).toBe(12);
    expect(s.parse('12')).toBe(12);
    expect(s.safeParse(10_001).success).toBe(false);
    expect(s.safeParse(3.5).success).toBe(false);
  });
  it('parseFlags names the kebab-case flag and the value', () => {
    const schema = z.object({ rateTrigger: integerSchema(RANGES.steps) });
    expect(oneLineError(() => parseFlags(schema, { rateTrigger: '0' }), InputError)).toBe(
      `--rate-trigger: must be an integer in 1..${Number.MAX_SAFE_INTEGER}, got '0'`,
    );
  });
});

describe('the seed rule', () => {
  it("--seed when given, else the scenario's", () => {
    expect(masterSeed(undefined, { seed: 7 })).toBe(7);
    expect(masterSeed(0, { seed: 7 })).toBe(0);
  });
});
