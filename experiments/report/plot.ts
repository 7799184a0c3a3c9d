/**
 * Plots as SVG: Vega-Lite specs compiled to Vega and rendered headless (no canvas: vega estimates
 * text widths), so the same data give the same bytes on any machine.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Cell } from '../experiment.ts';
import { quantitativeScale, wantsLog, type LogSetting } from './axes.ts';
import { coincideNote } from './coincide.ts';
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
  /** Lines, when one would be longer than the panel is high (Vega then misplaces the x axis). */
  readonly yTitle: string | readonly string[];
  readonly seriesTitle: string;
  readonly facetTitle: string;
  /** Nominal x (e.g. a dynamics name) draws dodged points instead of lines. */
  readonly xNominal?: boolean;
  /** Log y (symmetric log when the data reach zero); default: when the means span > 2 decades. */
  readonly logY?: LogSetting;
  /** Log scale on a quantitative x; default as logY. */
  readonly logX?: LogSetting;
  /** Draw the 95% intervals (default true). */
  readonly intervals?: boolean;
}

/** Distinct values in data order (Vega-Lite would sort them otherwise). */
const order = (values: readonly Cell[]): Cell[] => [...new Set(values)];

const numbers = (values: readonly Cell[]): number[] => values.filter((v) => typeof v === 'number');

/**
 * Means with 95% error bars per series, one panel per facet value, each panel its own y scale.
 * Series differ in colour, marker shape and (lines) dash, markers hollow: a series drawn over
 * an identical one leaves the other's marker and line showing, and the subtitle names the series
 * that coincide. One series gets no legend.
 */
export function meanChart(points: readonly MeanPoint[], o: LineChartOptions): TopLevelSpec {
  const xs = numbers(points.map((p) => p.x));
  const x = o.xNominal
    ? { field: 'x', type: 'nominal', title: o.xTitle, sort: order(points.map((p) => p.x)) }
    : {
        field: 'x',
        type: 'quantitative',
        title: o.xTitle,
        ...quantitativeScale(xs, wantsLog(o.logX ?? 'auto', xs)),
      };
  const intervals = o.intervals !== false;
  const means = points.map((p) => p.mean);
  const shown = intervals ? points.flatMap((p) => [p.mean, p.lo, p.hi]) : means;
  const y = {
    field: 'mean',
    type: 'quantitative',
    title: o.yTitle,
    ...quantitativeScale(shown, wantsLog(o.logY ?? 'auto', means)),
  };
  const seriesOrder = order(points.map((p) => p.series));
  // Stroke rather than colour: colour would fill the legend's symbols, which then hide their shape.
  const series = {
    field: 'series',
    type: 'nominal',
    title: o.seriesTitle,
    sort: seriesOrder,
    // Hollow legend symbols, as the markers are (Vega-Lite fills them with the first colour).
    legend:
      seriesOrder.length > 1 ? { encode: { symbols: { update: { fill: { value: 'transparent' } } } } } : null,
  };
  const dodge = o.xNominal ? { xOffset: { field: 'series', type: 'nominal', sort: seriesOrder } } : {};
  const bars = {
    mark: { type: 'errorbar', ticks: true },
    encoding: { x, ...dodge, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, stroke: series },
  };
  const line = {
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: { x, y, stroke: series, strokeDash: series },
  };
  const markers = {
    mark: { type: 'point', filled: false, size: 50, strokeWidth: 1.5 },
    encoding: { x, ...dodge, y, stroke: series, shape: series },
  };
  const note = coincideNote(points, o.facetTitle);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: note === undefined ? o.title : { text: o.title, subtitle: note },
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
      // Error bars first, so the markers and lines stay on top of them.
      layer: [...(intervals ? [bars] : []), ...(o.xNominal ? [] : [line]), markers],
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
