// Policies and re-planning costs in experiment files: `simulation.policy` (a named policy, also as
// a sweep axis) and `simulation.solveS`, `migration`, `handoverS` flow into the run as the
// simulate flags do; a wrong name is one line naming the key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/files/index.ts';
import type { FileConfig } from '../../experiments/file/config.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { pointSetup } from '../../experiments/file/setup.ts';
import { runFileTask } from '../../experiments/file/task.ts';
import { oneLineError } from '../one-line-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'mecsim-experiment-policy-'));
let n = 0;
const write = (doc: unknown): string => {
  const path = join(dir, `e${n++}.yaml`);
  writeFileSync(path, stringify(doc));
  return path;
};

const FILE = {
  name: 'policies',
  scenario: { preset: 'contested', users: 4, servers: 2 },
  simulation: {
    durationS: 40_000,
    epochS: 10_000,
    fading: 'rayleigh',
    coherenceS: 900,
    handoverS: 5,
    solveS: 30,
  },
  sweep: { axes: { policy: { path: 'simulation.policy', values: ['reference', 'greedy'] } } },
  record: { metrics: ['analytic', 'simulated'] },
};

describe('policies in experiment files', () => {
  it('simulation.policy and the re-planning costs reach the simulation', async () => {
    const { config } = loadExperimentFile(write(FILE));
    const fileConfig = config as FileConfig;
    const setup = pointSetup(fileConfig.file, { policy: 'reference' });
    expect(setup.policy).toBe('reference');
    expect(setup.simulation?.replan).toEqual({ solveS: 30, migration: false, handoverS: 5 });
    const [reference, greedy] = await Promise.all(
      ['reference', 'greedy'].map((policy) =>
        runFileTask({ point: { policy }, run: 0 } as never, 3, fileConfig),
      ),
    );
    expect(reference![0]).toMatchObject({ policy: 'reference' });
    // Two policies, two different runs (the analytic columns are the method's, the same for both).
    expect(reference![0]!['simObjective']).not.toBe(greedy![0]!['simObjective']);
  });

  it('files without them run as before: no costs, the method decides', () => {
    const plain = {
      ...FILE,
      simulation: { durationS: 100 },
      sweep: { axes: { u: { path: 'scenario.users', values: [3] } } },
    };
    const setup = pointSetup((loadExperimentFile(write(plain)).config as FileConfig).file, { u: 3 });
    expect(setup.policy).toBeUndefined();
    expect(setup.simulation?.replan).toEqual({ solveS: 0, migration: false, handoverS: 0 });
  });

  it('an unknown policy name: one line naming the key and the names', () => {
    const bad = {
      ...FILE,
      sweep: { axes: { u: { path: 'scenario.users', values: [3] } } },
      simulation: { policy: 'oracle' },
    };
    expect(oneLineError(() => loadExperimentFile(write(bad)), InputError)).toMatch(
      /simulation\.policy: must be one of reference, .*greedy/,
    );
  });
});
