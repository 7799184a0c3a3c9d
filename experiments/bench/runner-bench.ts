/**
 * The batch runner's overhead per task: N tiny tasks (an experiment file of one user on one
 * server, the `greedy` method: no LP, about a millisecond of work) run through the runner with 2
 * worker threads into a temporary directory — worker start-up, messages, atomic run files and
 * the final tables included — against the same tasks called in a loop in this thread, measured
 * side by side in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseConfig, Experiment } from '../experiment.ts';
import { executeTask } from '../batch/execute.ts';
import { runExperiment } from '../batch/runner.ts';
import { taskList } from '../batch/tasks.ts';
import type { FileConfig } from '../file/config.ts';
import { fileExperiment } from '../file/experiment.ts';
import { SweepFileSchema } from '../file/schema.ts';

export interface RunnerBench {
  readonly tasks: number;
  readonly workers: number;
  readonly loopTasksPerS: number;
  readonly runnerTasksPerS: number;
  /** (runner wall − loop wall) / tasks: what the runner adds to each task, start-up included. */
  readonly overheadPerTaskMs: number;
}

const TASKS = 400;
const WORKERS = 2;

function tinyConfig(tasks: number): FileConfig {
  const file = SweepFileSchema.parse({
    name: 'bench-tiny',
    scenario: { preset: 'contested', users: 1, servers: 1 },
    optimizer: { method: 'greedy' },
    sweep: { axes: { w: { path: 'scenario.weights.energy', range: { from: 1, to: tasks } } } },
  });
  return { version: 1, experiment: 'bench-tiny', runs: 1, seed: 1, file };
}

export async function benchRunner(tasks = TASKS): Promise<RunnerBench> {
  const config = tinyConfig(tasks);
  const experiment = fileExperiment(config) as Experiment<BaseConfig>;
  const list = taskList(experiment, config);
  await executeTask(experiment, config, list[0]!); // warm-up: module loading, not the loop
  const t0 = performance.now();
  for (const task of list) await executeTask(experiment, config, task);
  const loopS = (performance.now() - t0) / 1000;
  const dir = mkdtempSync(join(tmpdir(), 'mecsim-bench-runner-'));
  try {
    const t1 = performance.now();
    await runExperiment({
      experiment,
      config,
      outDir: join(dir, 'out'),
      workers: WORKERS,
      shard: { index: 0, count: 1 },
      resume: false,
    });
    const runnerS = (performance.now() - t1) / 1000;
    return {
      tasks,
      workers: WORKERS,
      loopTasksPerS: tasks / loopS,
      runnerTasksPerS: tasks / runnerS,
      overheadPerTaskMs: ((runnerS - loopS) / tasks) * 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatRunner(r: RunnerBench): string[] {
  return [
    `batch runner: ${r.tasks} tiny tasks (1 user, greedy)`,
    `  in a loop, one thread        ${r.loopTasksPerS.toFixed(0)} tasks/s`,
    `  runner, ${r.workers} workers, run files ${r.runnerTasksPerS.toFixed(0)} tasks/s (start-up, messages, atomic files, tables)`,
    `  overhead per task            ${r.overheadPerTaskMs.toFixed(2)} ms`,
  ];
}
