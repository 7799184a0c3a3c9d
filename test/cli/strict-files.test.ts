// Config and experiment files are read as strictly as scenarios: unknown keys are errors with a
// suggestion, and no value is coerced (`users: true`, `seed: ""`, `users: "3"` are refused).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRunConfig } from '../../src/cli/run-config.ts';
import { InputError } from '../../src/files/index.ts';
import { parseConfig } from '../../experiments/batch/config.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { paperFile } from '../../experiments/registry.ts';
import { oneLineError } from '../one-line-error.ts';
import { tempDir } from './files.ts';

const dir = tempDir();
const config = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('run config files', () => {
  it('refuse values of the wrong type instead of coercing them', () => {
    for (const [line, says] of [
      ['users: true', 'users: must be a number, got true'],
      ['seed: ""', 'seed: must be a number, got ""'],
      ['users: "3"', 'users: must be a number, got "3"'],
      ['trace: "no"', 'trace: must be a boolean, got "no"'],
      ['starts: 2.5', 'starts: must be an integer in 1..1000, got 2.5'],
    ] as const) {
      const p = config('c.yaml', `${line}\n`);
      expect(oneLineError(() => resolveRunConfig(p, {}), InputError)).toBe(`config file ${p}: ${says}`);
    }
  });
  it('name an unknown key and the one meant', () => {
    const p = config('k.yaml', 'method: [greedy]\n');
    expect(oneLineError(() => resolveRunConfig(p, {}), InputError)).toBe(
      `config file ${p}: unknown key 'method' (did you mean 'methods'?)`,
    );
  });
  it('flags are text and are parsed with the same ranges, named as flags', () => {
    expect(resolveRunConfig(undefined, { users: '3', seed: '0' })).toMatchObject({ users: 3, seed: 0 });
    expect(oneLineError(() => resolveRunConfig(undefined, { seed: '' }), InputError)).toBe(
      "--seed: must be an integer in 0..4294967295, got ''",
    );
    expect(oneLineError(() => resolveRunConfig(undefined, { methods: 'greedy,oracle' }), InputError)).toMatch(
      /^--methods: must be /,
    );
  });
});

describe('experiment files (experiment.json, read back by merge and --resume)', () => {
  // What `mecsim experiment users --quick --runs 2` stores, as JSON.
  const good = JSON.parse(
    JSON.stringify(loadExperimentFile(paperFile('users'), { quick: true, runs: 2 }).config),
  );
  it('round-trip and refuse unknown keys and out-of-range seeds', () => {
    expect(parseConfig(good, 'e.json')).toEqual(good);
    expect(
      oneLineError(() => parseConfig({ ...good, file: { ...good.file, runs: 0 } }, 'e.json'), InputError),
    ).toBe('e.json: not an experiment configuration: file.runs: must be an integer in 1..100000, got 0');
    expect(oneLineError(() => parseConfig({ ...good, seeds: 1 }, 'e.json'), InputError)).toBe(
      "e.json: not an experiment configuration: unknown key 'seeds' (did you mean 'seed'?)",
    );
    expect(oneLineError(() => parseConfig({ ...good, seed: 2 ** 40 }, 'e.json'), InputError)).toBe(
      'e.json: not an experiment configuration: seed: must be an integer in 0..4294967295, got 1099511627776',
    );
  });
});
