/**
 * Runs an experiment into an output directory: this shard's tasks that have no run file yet, on
 * W workers, each result stored atomically as it arrives; then, when the run is not sharded, the
 * final outputs. Results depend only on the configuration: not on W, shards, kills or resumes.
 */
import type { Experiment, BaseConfig } from '../experiment.ts';
import type { Figure } from '../report/figure.ts';
import { assemble } from './assemble.ts';
import { runTasks } from './pool.ts';
import { prepareStore, writeRunFile, writeTimingFile } from './store.ts';
import { inShard, taskList, type Shard } from './tasks.ts';

export interface RunOptions<C extends BaseConfig = BaseConfig> {
  readonly experiment: Experiment<C>;
  readonly config: C;
  readonly outDir: string;
  readonly workers: number;
  readonly shard: Shard;
  readonly resume: boolean;
  /** Told `(done, total)` of this shard's tasks: once before the first task runs, then after each. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RunOutcome {
  /** Tasks of the whole experiment, of this shard, run now, and found finished. */
  readonly tasks: number;
  readonly shardTasks: number;
  readonly ran: number;
  readonly resumed: number;
  /** The figures, when the final outputs were written (unsharded runs only; shards go through merge). */
  readonly figures: readonly Figure[] | undefined;
}

export async function runExperiment<C extends BaseConfig>(o: RunOptions<C>): Promise<RunOutcome> {
  const experiment = o.experiment as Experiment<BaseConfig>;
  const tasks = taskList(experiment, o.config);
  const mine = tasks.filter((t) => inShard(t, o.shard));
  const done = prepareStore(o.outDir, o.config, mine, o.resume);
  const todo = mine.filter((t) => !done.has(t.index));
  let finished = done.size;
  if (todo.length > 0) o.onProgress?.(finished, mine.length);
  await runTasks(experiment, o.config, todo, o.workers, (task, result) => {
    // The wall-time record first: a run file exists only once its task is wholly stored.
    if (result.timing !== undefined) writeTimingFile(o.outDir, task, result.timing);
    writeRunFile(o.outDir, task, result.text);
    o.onProgress?.(++finished, mine.length);
  });
  const figures = o.shard.count === 1 ? await assemble(o.outDir, experiment, o.config, tasks) : undefined;
  return { tasks: tasks.length, shardTasks: mine.length, ran: todo.length, resumed: done.size, figures };
}
