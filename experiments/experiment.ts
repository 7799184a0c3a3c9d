/**
 * What an experiment is: a fixed list of tasks (a sweep point × a seeded run), a function that
 * turns one task into result rows, and the figures and paper claims read off the summary. The
 * batch runner (batch/) knows nothing else about experiments, so every experiment gets workers,
 * shards, resume and the same outputs for free.
 */
import type { Summary } from './report/summary.ts';
import type { Figure } from './report/figure.ts';

/** One cell of a result row: numbers are SI (units in the column name); null where undefined. */
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/** What the batch runner reads of any configuration (the rest is the experiment's). */
export interface BaseConfig {
  readonly version: 1;
  readonly experiment: string;
  /** Seeded scenarios per sweep point. */
  readonly runs: number;
  /** Master seed; each run's seed is derived from (seed, experiment, run) only. */
  readonly seed: number;
}

/** One unit of work: a sweep point (its coordinates, preset included) on one seeded run. */
export interface Task {
  /** Position in the experiment's task list: the order of every output. */
  readonly index: number;
  readonly run: number;
  readonly point: Readonly<Record<string, Cell>>;
}

/**
 * Receives a task's wall-clock measurements (seconds), which go to a separate file: they differ
 * run to run, so they never enter a row.
 */
export type TimingSink = (name: string, seconds: number) => void;

export interface Experiment<C extends BaseConfig = BaseConfig> {
  readonly name: string;
  readonly title: string;
  /** Where in the paper, and what this experiment reproduces. */
  readonly description: string;
  /** What the rows of a summary group are, for the report ("runs" unless said otherwise). */
  readonly statsOver?: string;
  /** The columns of every row, in output order. */
  readonly columns: readonly string[];
  /** Columns that identify a summary group, and the metric columns summarised per group. */
  readonly groupBy: readonly string[];
  readonly metrics: readonly string[];
  /** The sweep points of one run, in output order (each includes `preset`). */
  points(config: C): Readonly<Record<string, Cell>>[];
  /** The rows of one task; `seed` is the run's derived seed. Deterministic in (task, seed, config). */
  runTask(task: Task, seed: number, config: C, time?: TimingSink): Promise<Row[]>;
  /** The figures, each with its paper claims checked against the summary (and the rows). */
  figures(summary: Summary, config: C, rows: readonly Row[]): Figure[];
  /** The command that reproduces the run, for the report. */
  command(config: C): string;
}
