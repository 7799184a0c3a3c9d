// Bad content gets one line naming the field and the allowed range.
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.ts';
import { withNormalizationRecord } from '../../src/scenario/normalization.ts';
import { formatScenario, formatSolution } from '../../src/scenario/format.ts';
import { parseScenario, parseSolution, ValidationError } from '../../src/scenario/parse.ts';
import { solutionFromAllocation } from '../../src/scenario/solution.ts';
import { referenceAllocation } from '../../src/model/reference.ts';
import { oneLineError } from '../one-line-error.ts';

const fresh = (): Record<string, any> =>
  JSON.parse(formatScenario(generateScenario({ seed: 1, users: 4, servers: 2 })));

const messageOf = (f: () => unknown): string => oneLineError(f, ValidationError);

describe('parseScenario', () => {
  it('round-trips what the generator writes', () => {
    const s = generateScenario({ seed: 3, users: 4, servers: 2 });
    expect(parseScenario(JSON.parse(formatScenario(s)))).toEqual(withNormalizationRecord(s));
  });
  it('a negative power', () => {
    const j = fresh();
    j.users[3].maxPowerW = -1;
    expect(messageOf(() => parseScenario(j))).toBe('scenario: users[3].maxPowerW: must be > 0 (got -1)');
  });
  it('a missing field', () => {
    const j = fresh();
    delete j.servers[1].bandwidthHz;
    expect(messageOf(() => parseScenario(j, 's.json'))).toBe(
      's.json: servers[1].bandwidthHz: missing; expected a number',
    );
  });
  it('NaN written by JSON.stringify becomes null, and is named', () => {
    const j = JSON.parse(JSON.stringify({ ...fresh(), noisePsdWPerHz: NaN }));
    expect(messageOf(() => parseScenario(j))).toBe('scenario: noisePsdWPerHz: must be a number, got null');
  });
  it('NaN and Infinity in a JavaScript object', () => {
    const j = fresh();
    j.users[0].tokens = NaN;
    expect(messageOf(() => parseScenario(j))).toMatch(
      /^scenario: users\[0\]\.tokens: must be a number, got NaN/,
    );
    const k = fresh();
    k.channelGain[1][0] = Infinity;
    expect(messageOf(() => parseScenario(k))).toMatch(
      /^scenario: channelGain\[1\]\[0\]: must be a number, got Infinity/,
    );
  });
  it('a non-integer count', () => {
    const j = fresh();
    j.llm.layers = 3.5;
    expect(messageOf(() => parseScenario(j))).toBe(
      'scenario: llm.layers: must be an integer in 1..10000, got 3.5',
    );
  });
  it('the wrong version', () => {
    expect(messageOf(() => parseScenario({ ...fresh(), version: 2 }))).toBe(
      'scenario: version: must be 1 (got 2)',
    );
  });
  it('a gain matrix of the wrong size', () => {
    const j = fresh();
    j.channelGain.pop();
    expect(messageOf(() => parseScenario(j))).toBe(
      'scenario: channelGain: must have 4 rows (one per user), got 3',
    );
    const k = fresh();
    k.channelGain[2].push(1e-9);
    expect(messageOf(() => parseScenario(k))).toBe(
      'scenario: channelGain[2]: must have 2 entries (one per server), got 3',
    );
  });
  it('a power cap below the power floor', () => {
    const j = fresh();
    j.users[1].maxPowerW = 1e-4;
    expect(messageOf(() => parseScenario(j))).toBe(
      'scenario: users[1].maxPowerW: must be >= objective.minPowerW (0.001), got 0.0001',
    );
  });
  it('no users', () => {
    expect(messageOf(() => parseScenario({ ...fresh(), users: [], channelGain: [] }))).toBe(
      'scenario: users: must have >= 1 entries, got 0',
    );
  });
  it('counts the other problems', () => {
    const j = fresh();
    j.users[0].kappa = -1;
    j.users[1].kappa = -1;
    expect(messageOf(() => parseScenario(j))).toBe(
      'scenario: users[0].kappa: must be >= 0 (got -1) (and 1 more problem)',
    );
  });
  it('not an object', () => {
    expect(messageOf(() => parseScenario([]))).toBe('scenario: must be an object, got an array');
  });
  it('a misspelt key is an error naming it and the key meant, at any depth', () => {
    const j = fresh();
    j.objective.uplinkdelay = false;
    expect(messageOf(() => parseScenario(j))).toBe(
      "scenario: objective: unknown key 'uplinkdelay' (did you mean 'uplinkDelay'?)",
    );
    const k = fresh();
    k.servers[1].kapa = 1;
    expect(messageOf(() => parseScenario(k))).toBe(
      "scenario: servers[1]: unknown key 'kapa' (did you mean 'kappa'?)",
    );
    const r = fresh();
    r.comment = 'x';
    expect(messageOf(() => parseScenario(r))).toMatch(
      /^scenario: unknown key 'comment' \(known: version, preset, seed/,
    );
  });
  it('no coercion: text, booleans and null are not numbers', () => {
    for (const v of ['4', true, null, '']) {
      const j = fresh();
      j.users[0].tokens = v;
      expect(messageOf(() => parseScenario(j))).toMatch(
        /^scenario: users\[0\]\.tokens: must be a number, got /,
      );
    }
  });
  it('a seed has the one seed range, an integer beyond any real count is refused by its range', () => {
    const j = fresh();
    j.seed = 2 ** 32;
    expect(messageOf(() => parseScenario(j))).toBe(
      'scenario: seed: must be an integer in 0..4294967295, got 4294967296',
    );
    const k = fresh();
    k.users[0].datasetSize = 1e20;
    expect(messageOf(() => parseScenario(k))).not.toMatch(/9007199254740991/);
  });
  it('fills fields added after the first contract with their defaults', () => {
    const j = fresh();
    delete j.objective;
    delete j.servers[0].txPowerW;
    const s = parseScenario(j);
    expect(s.objective).toEqual({ uplinkDelay: true, minPowerW: 1e-3 });
    expect(s.servers[0]!.txPowerW).toBe(10);
  });
});

describe('parseSolution', () => {
  it('a misspelt key is an error; what optimize writes (history, starts, lpSolves) is not', () => {
    const a = solutionFromAllocation(
      referenceAllocation(generateScenario({ seed: 1, users: 2, servers: 1 })),
      'x',
    );
    expect(parseSolution({ ...a, history: [2, 1, null], starts: 3, lpSolves: 9 }).starts).toBe(3);
    expect(messageOf(() => parseSolution({ ...a, bandwidthHZ: [1] }))).toBe(
      "solution: unknown key 'bandwidthHZ' (did you mean 'bandwidthHz'?)",
    );
  });
  const s = generateScenario({ seed: 1, users: 4, servers: 2 });
  const sol = solutionFromAllocation(referenceAllocation(s), 'reference');
  it('round-trips', () => {
    expect(parseSolution(JSON.parse(formatSolution(sol)))).toEqual(sol);
  });
  it('names a non-number entry', () => {
    const j = JSON.parse(formatSolution(sol));
    j.powerW[2] = null;
    expect(messageOf(() => parseSolution(j, 'sol.json'))).toBe(
      'sol.json: powerW[2]: must be a number, got null',
    );
  });
  it('names a missing array', () => {
    const j = JSON.parse(formatSolution(sol));
    delete j.edgeFreqHz;
    expect(messageOf(() => parseSolution(j))).toBe('solution: edgeFreqHz: missing; expected an array');
  });
});
