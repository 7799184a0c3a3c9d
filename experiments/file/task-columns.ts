/**
 * The columns an experiment file's rows carry: its axes, the run, the user (per-user rows), then
 * the metrics of each recorded kind. One table, read by the task (which cells to fill) and by
 * the loader (what a figure may plot).
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
  errors: ['delayRelErr', 'energyRelErr'],
  time: [],
};

/** Identifiers, not quantities: never summarised. */
const LABELS = new Set(['server']);

export interface FileColumns {
  readonly columns: readonly string[];
  readonly metrics: readonly string[];
}

export function fileColumns(file: SweepFile): FileColumns {
  const table = file.record.per === 'user' ? USER : TASK;
  const kinds = [...new Set(file.record.metrics)];
  const recorded = [...new Set(kinds.flatMap((k) => table[k]))];
  const lead = [...Object.keys(file.sweep.axes), 'run', ...(file.record.per === 'user' ? ['user'] : [])];
  return { columns: [...lead, ...recorded], metrics: recorded.filter((c) => !LABELS.has(c)) };
}
