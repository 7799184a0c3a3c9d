// The paper's experiments as files (experiments/paper/*.yaml): sweeps declared in the
// file — axes, methods compared, records, summary, figures and claims — that must describe the
// same table as the named experiment (experiments/figures/*.ts): the same columns, summary
// groups and metrics, and the same points in the same order. That they then give the same bytes
// of rows.csv and summary.csv is tested end to end on --quick in experiment-file-batch.test.ts.
// Validation's tasks are (preset, users, run), its allocation and dynamics looped inside each.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../experiments/experiment.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { experimentNamed } from '../../experiments/registry.ts';
import { root } from '../cli/spawn.ts';

const SWEEPS = ['collaborative', 'weights', 'users', 'convergence', 'validation'] as const;
const paperFile = (name: string): string => join(root, 'experiments/paper', `${name}.yaml`);

/** The named experiment's configuration, full size or quick. */
function named(name: string, quick: boolean): ExperimentConfig {
  const e = experimentNamed(name);
  return {
    version: 1,
    experiment: name,
    runs: quick ? e.defaultRuns.quick : e.defaultRuns.full,
    seed: 1,
    quick,
    presets: ['paper', 'contested'],
    starts: 1,
  };
}

describe('experiments/paper/*.yaml as sweeps', () => {
  for (const name of SWEEPS) {
    for (const quick of [false, true]) {
      it(`${name}${quick ? ' --quick' : ''}: the columns, groups, metrics and runs of the named experiment`, () => {
        const { experiment, config } = loadExperimentFile(paperFile(name), { quick });
        const builtIn = experimentNamed(name);
        const c = named(name, quick);
        expect(experiment.name).toBe(name);
        expect(experiment.columns).toEqual(builtIn.columns);
        expect(experiment.groupBy).toEqual(builtIn.groupBy);
        expect(experiment.metrics).toEqual(builtIn.metrics);
        expect(config.runs).toBe(c.runs);
        // Weights' all-ones point is one point per weight in the file, one shared point built in.
        const shared = (p: Record<string, unknown>) =>
          p['weight'] === 'all' ? ['energy', 'delay', 'stability'].map((weight) => ({ ...p, weight })) : [p];
        expect(experiment.points(config)).toEqual(builtIn.points(c).flatMap(shared));
      });
    }
  }

  // Collaborative's delay claim is two in its file (within 2× of edge-only; under 0.5× of local-only),
  // so that each part gets its own verdict.
  for (const name of ['weights', 'users', 'convergence']) {
    it(`${name}: the same figures and claims as the named experiment`, () => {
      const { experiment, config } = loadExperimentFile(paperFile(name));
      const claims = (figures: ReturnType<typeof experiment.figures>) =>
        figures.map((f) => [f.name, f.claims.map((c) => c.claim)]);
      const builtIn = experimentNamed(name).figures([], named(name, false), []);
      expect(claims(experiment.figures([], config, []))).toEqual(claims(builtIn));
    });
  }
});

describe('experiments/paper/validation.yaml', () => {
  it('checks the claims of the named experiment, one per dynamics, in its order', () => {
    const { experiment, config } = loadExperimentFile(paperFile('validation'));
    const claims = (figures: ReturnType<typeof experiment.figures>) =>
      figures.flatMap((f) => f.claims.map((c) => c.claim));
    const builtIn = experimentNamed('validation').figures([], named('validation', false), []);
    expect(claims(experiment.figures([], config, []))).toEqual(claims(builtIn));
    expect(claims(builtIn)).toHaveLength(7);
  });
});
