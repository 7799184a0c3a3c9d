/**
 * What the figure experiments share: solve one task's scenario with each method and turn every
 * result into a row (the sweep point, the run, the method, the metrics), and draw a metric of
 * the summary against a sweep column, one line per method and one panel per preset.
 */
import type { Scenario } from '../../src/scenario/schema.ts';
import type { Cell, ExperimentConfig, Row, Task } from '../experiment.ts';
import type { Figure, ClaimCheck } from '../report/figure.ts';
import { stack, pivot } from '../report/pivot.ts';
import { meanChart, meanPoint, type LineChartOptions, type MeanPoint } from '../report/plot.ts';
import { distinct, select, type Summary } from '../report/summary.ts';
import { METRIC_COLUMNS, metricCells, solve, type Method } from '../methods.ts';

/** Row columns of a method comparison whose sweep point has the given columns. */
export function comparisonColumns(pointColumns: readonly string[]): string[] {
  return [...pointColumns, 'run', 'method', ...METRIC_COLUMNS];
}

export async function compareMethods(
  scenario: Scenario,
  methods: readonly Method[],
  task: Task,
  seed: number,
  config: ExperimentConfig,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const method of methods) {
    const solved = await solve(scenario, method, { seed, starts: config.starts });
    rows.push({ ...task.point, run: task.run, method, ...metricCells(solved) });
  }
  return rows;
}

export interface SweepFigure {
  readonly name: string;
  readonly title: string;
  readonly metric: string;
  readonly xKey: string;
  readonly xTitle: string;
  readonly yTitle: LineChartOptions['yTitle'];
  /** Only the summary rows matching this (e.g. one weight kind). */
  readonly where?: Readonly<Record<string, Cell>>;
  readonly claims: readonly ClaimCheck[];
}

/** A metric against a sweep column, one line per method, one panel per preset, with its table. */
export function sweepFigure(summary: Summary, f: SweepFigure): Figure {
  const where = f.where ?? {};
  const points = select(summary, f.metric, where)
    .map((s) => meanPoint(s, f.xKey, 'method', 'preset'))
    .filter((p): p is MeanPoint => p !== undefined);
  return {
    name: f.name,
    title: f.title,
    spec: meanChart(points, {
      title: f.title,
      xTitle: f.xTitle,
      yTitle: f.yTitle,
      seriesTitle: 'method',
      facetTitle: 'preset',
    }),
    claims: f.claims,
    table: stack(
      distinct(summary, 'preset', where).map((preset) =>
        pivot(summary, {
          metric: f.metric,
          rowKey: f.xKey,
          columnKey: 'method',
          where: { ...where, preset },
          lead: { preset },
        }),
      ),
    ),
  };
}
