/**
 * `--dry-run`: what a run would do, without writing anything — the task count (of this shard),
 * an estimated wall time from a short calibration (the first tasks run here, in this thread,
 * timed, their results dropped), and the output layout.
 */
import type { BaseConfig, Experiment } from '../experiment.ts';
import { isFileConfig } from '../file/config.ts';
import { executeTask } from './execute.ts';
import { CONFIG_FILE, RUNS_DIR, TIMING_DIR } from './store.ts';
import { inShard, taskList, type Shard } from './tasks.ts';

export interface DryRun {
  readonly tasks: number;
  readonly shardTasks: number;
  /** Tasks run for the calibration, and their mean wall time (s). */
  readonly calibrated: number;
  readonly perTaskS: number;
  /** perTaskS × this shard's tasks / workers: a rough figure (points differ in cost). */
  readonly estimatedWallS: number;
  readonly layout: readonly string[];
}

export interface DryRunOptions {
  readonly workers: number;
  readonly shard: Shard;
  /** Stop calibrating after this many seconds or `maxTasks` tasks, whichever comes first. */
  readonly budgetS?: number;
  readonly maxTasks?: number;
}

function layoutOf(config: BaseConfig, tasks: number): string[] {
  const last = String(Math.max(0, tasks - 1)).padStart(6, '0');
  const figures = isFileConfig(config)
    ? config.file.figures.map((f) => `figures/${f.name}.svg`)
    : ['figures/*.svg'];
  const timed = isFileConfig(config) && config.file.record.metrics.includes('time');
  return [
    `${CONFIG_FILE}    the configuration (resume and merge check it)`,
    `${RUNS_DIR}/task-000000.json … task-${last}.json    one run file per task, written atomically`,
    'rows.csv, rows.jsonl    every row, in task order',
    'summary.csv    per group and metric: n, mean, 95% CI, sd, min, median, p95, max',
    ...figures.map((f) => `${f}`),
    'report.md    figures, verdicts and the tables behind them',
    ...(timed
      ? [
          `${TIMING_DIR}/task-*.json, wall-time.csv    wall-clock seconds per task (differ run to run; not compared)`,
        ]
      : []),
  ];
}

export async function dryRun(
  experiment: Experiment<BaseConfig>,
  config: BaseConfig,
  o: DryRunOptions,
): Promise<DryRun> {
  const tasks = taskList(experiment, config);
  const mine = tasks.filter((t) => inShard(t, o.shard));
  const budgetMs = (o.budgetS ?? 5) * 1000;
  const t0 = performance.now();
  let calibrated = 0;
  for (const task of mine.slice(0, o.maxTasks ?? 3)) {
    await executeTask(experiment, config, task);
    calibrated++;
    if (performance.now() - t0 > budgetMs) break;
  }
  const perTaskS = calibrated === 0 ? 0 : (performance.now() - t0) / 1000 / calibrated;
  const parallel = Math.max(1, Math.min(o.workers, mine.length));
  return {
    tasks: tasks.length,
    shardTasks: mine.length,
    calibrated,
    perTaskS,
    estimatedWallS: (perTaskS * mine.length) / parallel,
    layout: layoutOf(config, tasks.length),
  };
}
