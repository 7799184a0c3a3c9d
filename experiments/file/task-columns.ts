/**
 * The columns an experiment file's rows carry: its axes, the run, the method (optimizer.methods),
 * the user or the iteration (per-user or per-iteration rows), then the metrics of each recorded
 * kind. One table, read by the task (which cells to fill) and by the loader (what a figure may
 * plot).
 */
import { METRIC_COLUMNS } from '../methods.ts';
import type { RecordKind, SweepFile } from './schema.ts';

const TASK: Readonly<Record<RecordKind, readonly string[]>> = {
  // The method-comparison columns, less iterations (a kind of its own here).
  analytic: METRIC_COLUMNS.filter((c) => c !== 'iterations'),
  iterations: ['iterations', 'lpSolves'],
  simulated: ['simObjective', 'simTotalEnergyJ', 'simMeanDelayS', 'simSteps'],
  errors: ['meanAbsDelayRelErr', 'maxAbsDelayRelErr', 'meanAbsEnergyRelErr', 'maxAbsEnergyRelErr'],
  // Wall time goes to wall-time.csv, never into a row.
  time: [],
};

const USER: Readonly<Record<RecordKind, readonly string[]>> = {
  analytic: ['localLayers', 'server', 'delayS', 'localDelayS', 'uplinkDelayS', 'edgeDelayS', 'energyJ'],
  iterations: ['iterations'],
  simulated: ['simSteps', 'simDelayS', 'simEnergyJ'],
  // The closed form against the simulation, user by user (sim/validation.ts).
  errors: [
    'steps',
    'analyticDelayS',
    'simDelayS',
    'analyticEnergyJ',
    'simEnergyJ',
    'delayRelErr',
    'energyRelErr',
    'absDelayRelErr',
    'absEnergyRelErr',
  ],
  time: [],
};

const ITERATION: Readonly<Record<RecordKind, readonly string[]>> = {
  analytic: ['objective', 'gapToFinal'],
  // On each task's first row only (per task, not per iteration).
  iterations: ['iterations', 'lpSolves'],
  simulated: [],
  errors: [],
  time: [],
};

const TABLES = { task: TASK, user: USER, iteration: ITERATION } as const;

/** Identifiers, not quantities: never summarised. */
const LABELS = new Set(['server']);

export interface FileColumns {
  readonly columns: readonly string[];
  /** What summary.csv summarises (and figures and claims may read). */
  readonly metrics: readonly string[];
}

/** What a summary may group by: the axes, the method of a comparison and the iteration. */
export function groupColumns(file: SweepFile): string[] {
  return [
    ...Object.keys(file.sweep.axes),
    ...(file.optimizer.methods === undefined ? [] : ['method']),
    ...(file.record.per === 'iteration' ? ['iteration'] : []),
  ];
}

/** The groups of the summary: summary.by, or every group column. */
export function fileGroups(file: SweepFile): string[] {
  return file.summary?.by ?? groupColumns(file);
}

/** Every column the recorded kinds give, before record.columns picks among them. */
export function recordedColumns(file: SweepFile): string[] {
  const kinds = [...new Set(file.record.metrics)];
  return [...new Set(kinds.flatMap((k) => TABLES[file.record.per][k]))];
}

export function fileColumns(file: SweepFile): FileColumns {
  const per = file.record.per;
  const recorded = file.record.columns ?? recordedColumns(file);
  const lead = [
    ...Object.keys(file.sweep.axes),
    'run',
    ...(file.optimizer.methods === undefined ? [] : ['method']),
    ...(per === 'task' ? [] : [per]),
  ];
  return {
    columns: [...lead, ...recorded],
    metrics: file.summary?.metrics ?? recorded.filter((c) => !LABELS.has(c)),
  };
}
