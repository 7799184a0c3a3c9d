/**
 * Plots as SVG: Vega-Lite specs compiled to Vega and rendered headless (no canvas: vega estimates
 * text widths), so the same data give the same bytes on any machine.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Cell } from '../experiment.ts';
import type { SummaryRow } from './summary.ts';

/** One plotted mean with its 95% interval. */
export interface MeanPoint {
  readonly x: Cell;
  readonly series: Cell;
  readonly facet: Cell;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

export function meanPoint(s: SummaryRow, x: string, series: string, facet: string): MeanPoint | undefined {
  if (s.mean === null) return undefined;
  const ci = s.ci95 ?? 0;
  return {
    x: s.group[x] ?? null,
    series: s.group[series] ?? null,
    facet: s.group[facet] ?? null,
    mean: s.mean,
    lo: s.mean - ci,
    hi: s.mean + ci,
  };
}

export interface LineChartOptions {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly seriesTitle: string;
  readonly facetTitle: string;
  /** Nominal x (e.g. a dynamics name) draws dodged points instead of lines. */
  readonly xNominal?: boolean;
  /** Log scale (symmetric log when the data reach zero). */
  readonly logY?: boolean;
  /** Log scale on a quantitative x. */
  readonly logX?: boolean;
  /** Draw the 95% intervals (default true). */
  readonly intervals?: boolean;
}

/** Distinct values in data order (Vega-Lite would sort them otherwise). */
const order = (values: readonly Cell[]): Cell[] => [...new Set(values)];

/** Means with 95% error bars per series, one panel per facet value, each panel its own y scale. */
export function meanChart(points: readonly MeanPoint[], o: LineChartOptions): TopLevelSpec {
  const x = o.xNominal
    ? { field: 'x', type: 'nominal', title: o.xTitle, sort: order(points.map((p) => p.x)) }
    : { field: 'x', type: 'quantitative', title: o.xTitle, ...(o.logX ? { scale: { type: 'log' } } : {}) };
  // A log axis cannot show a zero (local-only's edge energy) or an interval reaching below zero
  // (few runs, wide intervals); such data get a symmetric-log axis, log-like away from zero.
  const logType = points.some((p) => p.mean <= 0 || (o.intervals !== false && p.lo <= 0)) ? 'symlog' : 'log';
  const y = {
    field: 'mean',
    type: 'quantitative',
    title: o.yTitle,
    scale: o.logY ? { type: logType } : { zero: false },
  };
  const color = {
    field: 'series',
    type: 'nominal',
    title: o.seriesTitle,
    sort: order(points.map((p) => p.series)),
  };
  const dodge = o.xNominal ? { xOffset: { field: 'series', type: 'nominal', sort: color.sort } } : {};
  const mark = o.xNominal ? { type: 'point', filled: true, size: 50 } : { type: 'line', point: true };
  const bars = {
    mark: { type: 'errorbar', ticks: true },
    encoding: {
      x,
      ...dodge,
      y: { field: 'lo', type: 'quantitative', title: o.yTitle },
      y2: { field: 'hi' },
      color,
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    data: { values: points.map((p) => ({ ...p })) },
    facet: {
      column: {
        field: 'facet',
        type: 'nominal',
        title: o.facetTitle,
        sort: order(points.map((p) => p.facet)),
      },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 260,
      height: 200,
      layer: [{ mark, encoding: { x, ...dodge, y, color } }, ...(o.intervals === false ? [] : [bars])],
    },
  } as TopLevelSpec;
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: vega and vega-lite add about 1.5 s to the start-up of every command.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return `${svg}\n`;
}
