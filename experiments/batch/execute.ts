/**
 * One task, start to finish: derive its run's seed, run it, and give back its run-file text and,
 * when it measured any, its wall-clock times (kept apart: they differ run to run). A failure names
 * the task and keeps its kind — bad input, or a policy that failed in the loop — so the command
 * exits as it would for one run (codes 2 and 3), whether the task ran in this thread or a worker.
 */
import { InputError } from '../../src/files/index.ts';
import { PolicyError } from '../../sim/policy.ts';
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
    throw taskFailure(
      failureKind(err),
      `${config.experiment} task ${task.index} (run ${task.run}, ${JSON.stringify(task.point)}, seed ${seed}): ${why}`,
    );
  }
}

/** What kind of failure ended a task (a worker posts it beside the message). */
export type FailureKind = 'input' | 'policy' | 'other';

export function failureKind(err: unknown): FailureKind {
  return err instanceof InputError ? 'input' : err instanceof PolicyError ? 'policy' : 'other';
}

/** The error of a failed task, of its kind. */
export function taskFailure(kind: FailureKind, message: string): Error {
  return kind === 'input'
    ? new InputError(message)
    : kind === 'policy'
      ? new PolicyError(message)
      : new Error(message);
}
