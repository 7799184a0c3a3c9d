// Numerical extremes (issue 12): a value the model cannot compute with is refused by the schema,
// naming the field; at every corner of the magnitude table (src/scenario/ranges.ts) the model and
// the optimizer compute finite, feasible results; and a weight of 0, a legal choice, optimises to
// a feasible solution that `mecsim evaluate` accepts.
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../src/cli/commands/evaluate.ts';
import { checkSolution, evaluate, referenceAllocation } from '../../src/model/index.ts';
import { optimize } from '../../src/optimizer/index.ts';
import { formatScenario, formatSolution } from '../../src/scenario/format.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { presetNamed } from '../../src/scenario/presets.ts';
import { parseScenario, ValidationError } from '../../src/scenario/parse.ts';
import { MAGNITUDES as M, type RealRange } from '../../src/scenario/ranges.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { solutionFromAllocation } from '../../src/scenario/solution.ts';
import { makeFiles } from '../cli/files.ts';
import { oneLineError } from '../one-line-error.ts';

const base = generateScenario({ seed: 1, users: 4, servers: 2 });
const json = (): Record<string, any> => JSON.parse(JSON.stringify(base));

/** Sets `path` (`users.*.kappa`, `channelGain.*.*`) to `v` in every entry a `*` covers. */
function setAll(o: any, keys: readonly string[], v: number): void {
  const [k, ...rest] = keys;
  const targets = k === '*' ? Object.keys(o) : [k!];
  for (const t of targets) {
    if (rest.length === 0) o[t] = v;
    else setAll(o[t], rest, v);
  }
}

const FIELDS: readonly [string, RealRange][] = [
  ['users.*.flopsPerCycle', M.flopsPerCycle],
  ['users.*.maxFreqHz', M.frequencyHz],
  ['users.*.kappa', M.kappa],
  ['users.*.activationBits', M.bits],
  ['servers.*.flopsPerCycle', M.flopsPerCycle],
  ['servers.*.maxFreqHz', M.frequencyHz],
  ['servers.*.bandwidthHz', M.bandwidthHz],
  ['servers.*.kappa', M.kappa],
  ['llm.tokenIdBits', M.bits],
  ['weights.delay', M.weight],
  ['weights.energy', M.weight],
  ['weights.stability', M.weight],
  ['normalization.delayS', M.normalization],
  ['normalization.energyJ', M.normalization],
  ['normalization.stability', M.normalization],
  ['noisePsdWPerHz', M.noisePsdWPerHz],
  ['stability.lipschitz', M.lipschitz],
  ['channelGain.*.*', M.channelGain],
];

function withValue(path: string, v: number): Scenario {
  const j = json();
  setAll(j, path.split('.'), v);
  return parseScenario(j, 'scenario');
}

describe('the magnitude table', () => {
  it('refuses values the model cannot compute with, naming the field', () => {
    for (const [path, v, says] of [
      ['channelGain.0.1', 1e-320, 'channelGain[0][1]: must be >= 1e-30 (got 1e-320)'],
      ['servers.1.kappa', 1e308, 'servers[1].kappa: must be <= 0.000001 (got 1e+308)'],
      ['users.2.maxFreqHz', 1e-320, 'users[2].maxFreqHz: must be >= 1 (got 1e-320)'],
      ['noisePsdWPerHz', 1e300, 'noisePsdWPerHz: must be <= 0.001 (got 1e+300)'],
      ['weights.delay', 1e308, 'weights.delay: must be <= 1000000 (got 1e+308)'],
      ['normalization.energyJ', 1e-320, 'normalization.energyJ: must be >= 1e-30 (got 1e-320)'],
    ] as const) {
      expect(oneLineError(() => withValue(path, v), ValidationError)).toBe(`scenario: ${says}`);
    }
  });

  it('at each corner, the model and the optimizer give finite, feasible results', async () => {
    for (const [path, r] of FIELDS) {
      for (const v of [r.min, r.max]) {
        const s = withValue(path, v);
        const where = `${path} = ${v}`;
        expect(Number.isFinite(evaluate(s, referenceAllocation(s)).objective), where).toBe(true);
        const sol = await optimize(s, { algorithm: 'greedy', seed: 1 });
        expect(checkSolution(s, sol), where).toEqual([]);
        expect(Number.isFinite(sol.metrics.objective), where).toBe(true);
      }
    }
  }, 60_000);
});

describe('a weight of 0 is a legal choice', () => {
  const f = makeFiles();
  for (const weight of ['delay', 'energy', 'stability'] as const) {
    it(`weights.${weight} = 0: the proposed method gives a feasible solution, accepted by evaluate`, async () => {
      for (const preset of ['paper', 'contested'] as const) {
        const s0 = generateScenario({ seed: 2, users: 8, servers: 3, preset: presetNamed(preset)! });
        const s = { ...s0, weights: { ...s0.weights, [weight]: 0 } };
        const sol = await optimize(s, { algorithm: 'proposed', seed: 2 });
        expect(checkSolution(s, sol)).toEqual([]);
        const scenarioPath = f.put(`w-${weight}-${preset}.json`, formatScenario(s));
        const solutionPath = f.put(
          `w-${weight}-${preset}-sol.json`,
          formatSolution(solutionFromAllocation(sol, 'proposed')),
        );
        const report = JSON.parse(evaluateFiles(scenarioPath, solutionPath, { json: true, strict: true }));
        expect(report.objective).toBeCloseTo(evaluate(s, sol).objective, 9);
        expect(Number.isFinite(report.totalDelayS)).toBe(true);
      }
    }, 60_000);
  }
});
