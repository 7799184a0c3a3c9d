// The paper's experiments are the files of experiments/paper/: `mecsim experiment NAME` loads
// experiments/paper/NAME.yaml, with the task counts experiments/README.md lists. That they give
// the rows, summary and verdicts of the TypeScript experiments they replaced is tested end to end
// on --quick against test/experiments/golden/ in experiment-file-batch.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskList } from '../../experiments/batch/tasks.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { EXPERIMENT_NAMES, paperFile } from '../../experiments/registry.ts';
import { toJsonText } from '../../src/scenario/format.ts';
import { root } from '../cli/spawn.ts';

/** Tasks at full size and under --quick (experiments/README.md's table). */
const TASKS: Record<string, [number, number]> = {
  collaborative: [40, 4],
  weights: [150, 12],
  users: [160, 4],
  convergence: [48, 4],
  validation: [60, 2],
};

describe('the paper experiments are files', () => {
  it('one per name, in experiments/paper/', () => {
    expect(EXPERIMENT_NAMES).toEqual(Object.keys(TASKS));
    for (const name of EXPERIMENT_NAMES)
      expect(paperFile(name)).toBe(join(root, 'experiments', 'paper', `${name}.yaml`));
  });
  for (const name of Object.keys(TASKS)) {
    it(`${name}: named in its file, ${TASKS[name]![0]} tasks (quick: ${TASKS[name]![1]})`, () => {
      for (const [i, quick] of [false, true].entries()) {
        const { experiment, config } = loadExperimentFile(paperFile(name), { quick });
        expect(experiment.name).toBe(name);
        expect(taskList(experiment, config)).toHaveLength(TASKS[name]![i]!);
      }
    });
    it(`${name}: the committed experiments/results/${name} holds its configuration`, () => {
      const { config } = loadExperimentFile(paperFile(name));
      expect(toJsonText(config)).toBe(
        readFileSync(join(root, 'experiments/results', name, 'experiment.json'), 'utf8'),
      );
    });
  }
  it('--preset and --starts choose among the file’s presets and set optimizer.starts', () => {
    const { experiment, config } = loadExperimentFile(paperFile('users'), {
      quick: true,
      presets: ['contested'],
      starts: 3,
    });
    const tasks = taskList(experiment, config);
    expect(tasks.map((t) => t.point['preset'])).toEqual(['contested', 'contested']);
    expect(config).toMatchObject({ file: { optimizer: { starts: 3 } } });
  });
});
