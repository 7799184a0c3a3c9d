import { describe, expect, it } from 'vitest';
import { scenarioFromFlags, type ScenarioFlags } from '../../src/cli/commands/scenario.ts';
import { InputError } from '../../src/files/index.ts';

const flags = (extra: Partial<ScenarioFlags> = {}): ScenarioFlags => ({
  preset: 'paper',
  seed: '1',
  uplinkDelay: true,
  ...extra,
});

describe('mecsim scenario flags', () => {
  it('default: the paper preset, seed 1', () => {
    const { scenario } = scenarioFromFlags(flags());
    expect([
      scenario.preset,
      scenario.users.length,
      scenario.servers.length,
      scenario.llm.layers,
      scenario.seed,
    ]).toEqual(['paper', 50, 10, 32, 1]);
  });
  it('--users --servers --layers --seed --preset --no-uplink-delay', () => {
    const { scenario } = scenarioFromFlags(
      flags({ users: '7', servers: '3', layers: '12', seed: '9', preset: 'contested', uplinkDelay: false }),
    );
    expect([
      scenario.preset,
      scenario.users.length,
      scenario.servers.length,
      scenario.llm.layers,
      scenario.seed,
    ]).toEqual(['contested', 7, 3, 12, 9]);
    expect(scenario.objective.uplinkDelay).toBe(false);
  });
  it('the paper objective changes only T_ref (it leaves the uplink delay out)', () => {
    const a = scenarioFromFlags(flags()).scenario;
    const b = scenarioFromFlags(flags({ uplinkDelay: false })).scenario;
    expect(b.normalization.delayS).toBeLessThan(a.normalization.delayS);
    expect(b.normalization.energyJ).toBe(a.normalization.energyJ);
  });
  it('bad flags name the flag and the allowed range', () => {
    const bad: [Partial<ScenarioFlags>, string][] = [
      [{ users: 'abc' }, "--users: must be an integer in 1..1000000, got 'abc'"],
      [{ users: '0' }, "--users: must be an integer in 1..1000000, got '0'"],
      [{ servers: '2.5' }, "--servers: must be an integer in 1..1000000, got '2.5'"],
      [{ layers: '-3' }, "--layers: must be an integer in 1..10000, got '-3'"],
      [{ seed: 'x' }, "--seed: must be an integer in 0..4294967295, got 'x'"],
      [{ preset: 'nope' }, "--preset: must be one of paper, contested, realistic, got 'nope'"],
    ];
    for (const [extra, message] of bad) {
      expect(() => scenarioFromFlags(flags(extra))).toThrow(InputError);
      expect(() => scenarioFromFlags(flags(extra))).toThrow(message);
    }
  });
});
