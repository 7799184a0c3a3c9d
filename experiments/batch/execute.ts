/**
 * One task, start to finish: derive its run's seed, run it, and give back its run-file text and,
 * when it measured any, its wall-clock times (kept apart: they differ run to run).
 */
import type { BaseConfig, Experiment, Task } from '../experiment.ts';
import { runRecordText, timingRecordText } from './store.ts';
import { runSeed } from './tasks.ts';

export interface TaskResult {
  readonly text: string;
  /** The wall-time record, or undefined when the task measured nothing. */
  readonly timing: string | undefined;
}

export async function executeTask(
  experiment: Experiment<BaseConfig>,
  config: BaseConfig,
  task: Task,
): Promise<TaskResult> {
  const seed = runSeed(config.seed, config.experiment, task.run);
  const seconds: Record<string, number> = {};
  try {
    const rows = await experiment.runTask(task, seed, config, (name, s) => (seconds[name] = s));
    const timed = Object.keys(seconds).length > 0;
    return {
      text: runRecordText(task, seed, rows),
      timing: timed ? timingRecordText(task, seconds) : undefined,
    };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `${config.experiment} task ${task.index} (run ${task.run}, ${JSON.stringify(task.point)}, seed ${seed}): ${why}`,
    );
  }
}
