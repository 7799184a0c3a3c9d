/**
 * What experiments offer the command line, and the only module src/cli imports from experiments:
 * the experiment registry and batch runner (workers, shards, resume, merge), the default job of
 * `mecsim run` with its tables and chart, and the benchmarks. Progress and output reach the
 * caller as callbacks and return values; nothing here knows the CLI.
 */
export type { BaseConfig, Experiment } from './experiment.ts';
export { EXPERIMENT_NAMES, paperFile } from './registry.ts';
export { isExperimentFile, loadExperimentFile, type LoadedExperiment } from './file/load.ts';
export { experimentJsonSchema } from './file/schema.ts';
export { dryRun, type DryRun } from './batch/dry-run.ts';
export { runExperiment, type RunOptions, type RunOutcome } from './batch/runner.ts';
export type { Shard } from './batch/tasks.ts';
export { mergeShards, type MergeOutcome } from './batch/merge.ts';
export { verdictLines } from './report/figure.ts';
export { renderSvg } from './report/plot.ts';
export { toCsv } from './report/tables.ts';
export { methodsChart } from './report/methods-chart.ts';
export {
  DEFAULT_JOB_METHODS,
  OUTSIDE_9A,
  runDefaultJob,
  summaryRow,
  type DefaultJobOptions,
  type MethodResult,
} from './default-job.ts';
export { formatBenchReport, runBenchmarks } from './bench/run-bench.ts';
