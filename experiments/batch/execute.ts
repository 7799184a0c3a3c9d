/** One task, start to finish: derive its run's seed, run it, and give back its run-file text. */
import type { Experiment, ExperimentConfig, Task } from '../experiment.ts';
import { runRecordText } from './store.ts';
import { runSeed } from './tasks.ts';

export async function executeTask(
  experiment: Experiment,
  config: ExperimentConfig,
  task: Task,
): Promise<string> {
  const seed = runSeed(config.seed, config.experiment, task.run);
  try {
    return runRecordText(task, seed, await experiment.runTask(task, seed, config));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `${config.experiment} task ${task.index} (run ${task.run}, ${JSON.stringify(task.point)}, seed ${seed}): ${why}`,
    );
  }
}
