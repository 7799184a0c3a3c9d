/**
 * The task list of an experiment and how it is cut into shards. A task's index, its run's seed
 * and its shard depend only on the configuration, never on workers, shards or timing.
 */
import { RandomStreams, runSeedPurpose } from '../../src/random/index.ts';
import type { Experiment, BaseConfig, Task } from '../experiment.ts';

/** The largest derived seed: scenario seeds are 32-bit-safe non-negative integers. */
const MAX_RUN_SEED = 2 ** 31 - 1;

/** The seed of run `run`: a draw from the stream (master seed, experiment, run) alone. */
export function runSeed(masterSeed: number, experiment: string, run: number): number {
  return new RandomStreams(masterSeed).get(runSeedPurpose(experiment), run).uniformInt(0, MAX_RUN_SEED);
}

/** Point-major order: every run of the first point, then of the second, and so on. */
export function taskList(experiment: Experiment<BaseConfig>, config: BaseConfig): Task[] {
  const tasks: Task[] = [];
  for (const point of experiment.points(config)) {
    for (let run = 0; run < config.runs; run++) tasks.push({ index: tasks.length, run, point });
  }
  return tasks;
}

/** Shard i of n (0-based, as Slurm's `--array=0-(n-1)` numbers them). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Round-robin, so that every shard gets a share of every sweep point (cheap and costly alike). */
export function inShard(task: Task, shard: Shard): boolean {
  return task.index % shard.count === shard.index;
}
