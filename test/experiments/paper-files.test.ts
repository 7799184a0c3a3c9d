// The paper's five experiments as files (experiments/paper/*.yaml): each loads into exactly the
// configuration the committed results were made with (experiment.json, byte for byte), so the
// same tasks, seeds and claim checks run through the same runner. That the outputs are then the
// same bytes is tested end to end on the --quick variant in experiment-file-batch.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonText } from '../../src/scenario/format.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { EXPERIMENT_NAMES } from '../../experiments/registry.ts';
import { root } from '../cli/spawn.ts';

describe('experiments/paper/*.yaml', () => {
  for (const name of EXPERIMENT_NAMES) {
    it(`${name}: the configuration of experiments/results/${name}`, () => {
      const { experiment, config } = loadExperimentFile(join(root, 'experiments/paper', `${name}.yaml`));
      expect(experiment.name).toBe(name);
      expect(toJsonText(config)).toBe(
        readFileSync(join(root, 'experiments/results', name, 'experiment.json'), 'utf8'),
      );
    });
  }
  it('--quick gives the quick configuration of the named experiment', () => {
    const { config } = loadExperimentFile(join(root, 'experiments/paper/weights.yaml'), { quick: true });
    expect(config).toEqual({
      version: 1,
      experiment: 'weights',
      runs: 1,
      seed: 1,
      quick: true,
      presets: ['paper', 'contested'],
      starts: 1,
    });
  });
});
