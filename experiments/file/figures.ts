/**
 * The figures an experiment file declares: means ± 95% CI of a metric against an axis (colour and
 * facet by other axes), or the per-user distribution of a metric as box plots or CDFs, where a
 * mean hides the spread. Log axes when asked, or (auto) when the values span more than two
 * decades. Each figure comes with the table behind it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Cell, Row } from '../experiment.ts';
import type { Figure } from '../report/figure.ts';
import { quantitativeScale, wantsLog } from '../report/axes.ts';
import { meanCi, pivot, stack } from '../report/pivot.ts';
import { meanChart, meanPoint, type MeanPoint } from '../report/plot.ts';
import { distinct, select, type Summary } from '../report/summary.ts';
import { formatNumber } from '../report/tables.ts';
import { checkClaim } from './claims.ts';
import type { FigureSpec } from './schema.ts';

const matches = (cells: Readonly<Record<string, Cell>>, where: FigureSpec['where']): boolean =>
  Object.entries(where ?? {}).every(([k, v]) => cells[k] === v);

/** `totalEnergyJ` → `totalEnergyJ (J)`: the unit from the name's suffix. */
export function titleWithUnit(column: string): string {
  const unit = /Hz$/.test(column)
    ? 'Hz'
    : /J$/.test(column)
      ? 'J'
      : /S$/.test(column)
        ? 's'
        : /W$/.test(column)
          ? 'W'
          : /Bits$/.test(column)
            ? 'bit'
            : undefined;
  return unit === undefined ? column : `${column} (${unit})`;
}

/** Longer than this, a y title would overrun the 200 px panel (and vega would pad every panel). */
const Y_TITLE_CHARS = 30;

/** A long y title on two lines, its parenthesis (the unit, what it is a fraction of) on the second. */
export function yTitleLines(title: string): string | string[] {
  const at = title.lastIndexOf(' (');
  return title.length > Y_TITLE_CHARS && at > 0 ? [title.slice(0, at), title.slice(at + 1)] : title;
}

function meanFigure(f: FigureSpec, summary: Summary): Figure {
  const x = f.x!;
  const where = f.where ?? {};
  const rows = select(summary, f.y, where);
  const points = rows
    .map((s) => meanPoint(s, x, f.colour ?? '', f.facet ?? ''))
    .filter((p): p is MeanPoint => p !== undefined)
    .map((p) => ({
      ...p,
      series: f.colour === undefined ? f.y : p.series,
      facet: f.facet === undefined ? '' : p.facet,
    }));
  const xs = points.map((p) => p.x);
  const numericX = xs.every((v) => typeof v === 'number');
  const title = f.title ?? `${f.y} against ${x}`;
  return {
    name: f.name,
    title,
    spec: meanChart(points, {
      title,
      xTitle: f.xTitle ?? titleWithUnit(x),
      yTitle: yTitleLines(f.yTitle ?? titleWithUnit(f.y)),
      seriesTitle: f.colour ?? '',
      facetTitle: f.facet ?? '',
      ...(numericX ? { logX: f.logX } : { xNominal: true }),
      logY: f.logY,
    }),
    claims: [],
    table:
      f.colour === undefined
        ? pivot(summary, { metric: f.y, rowKey: x, columnKey: f.facet ?? x, where })
        : stack(
            (f.facet === undefined ? [undefined] : distinct(summary, f.facet, where)).map((fv) =>
              pivot(summary, {
                metric: f.y,
                rowKey: x,
                columnKey: f.colour!,
                where: fv === undefined ? where : { ...where, [f.facet!]: fv },
                ...(fv === undefined ? {} : { lead: { [f.facet!]: fv } }),
              }),
            ),
          ),
  };
}

/**
 * CDF lines (step-after) of each series: stroke colour and hollow marker shape by series, dash by
 * `dash` (the x axis when colour and x are both drawn), so identical distributions stay visible.
 */
function cdfLayers(valueAxis: object, colour: object, dash: object) {
  const y = {
    field: 'fraction',
    type: 'quantitative',
    title: 'fraction of users (CDF)',
    scale: { domain: [0, 1] },
  };
  return {
    transform: [
      {
        sort: [{ field: 'value' }],
        window: [{ op: 'cume_dist', as: 'fraction' }],
        groupby: ['series', 'x', 'facet'],
      },
    ],
    layer: [
      {
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
        encoding: { x: valueAxis, y, stroke: colour, strokeDash: dash },
      },
      {
        mark: { type: 'point', filled: false, size: 30, strokeWidth: 1 },
        encoding: { x: valueAxis, y, stroke: colour, shape: colour },
      },
    ],
  };
}

/** The group a per-user row belongs to in a distribution figure: its colour, x and facet values. */
const groupLabel = (row: Row, keys: readonly (string | undefined)[]): string =>
  keys
    .filter((k): k is string => k !== undefined)
    .map((k) => `${k}=${String(row[k])}`)
    .join(', ');

function distributionFigure(f: FigureSpec, summary: Summary, rows: readonly Row[]): Figure {
  const where = f.where ?? {};
  const series = f.colour ?? f.x;
  const data = rows
    .filter((r) => matches(r, where) && typeof r[f.y] === 'number')
    .map((r) => ({
      value: r[f.y] as number,
      series: series === undefined ? f.y : r[series]!,
      x: f.x === undefined ? f.y : r[f.x]!,
      facet: f.facet === undefined ? '' : r[f.facet]!,
    }));
  const values = data.map((d) => d.value);
  const title = f.title ?? `per-user ${f.y}${series === undefined ? '' : ` by ${series}`}`;
  const valueTitle = f.yTitle ?? titleWithUnit(f.y);
  const valueAxis = {
    field: 'value',
    type: 'quantitative',
    // On y in a box plot, on x (wider) in a CDF.
    title: f.kind === 'box' ? yTitleLines(valueTitle) : valueTitle,
    ...quantitativeScale(values, wantsLog(f.logY, values)),
  };
  const order = (k: 'series' | 'x' | 'facet') => [...new Set(data.map((d) => d[k]))];
  /** A nominal channel over one of the data's keys, with no legend when it has one value. */
  const channel = (k: 'series' | 'x', channelTitle: string) => ({
    field: k,
    type: 'nominal',
    title: channelTitle,
    sort: order(k),
    ...(order(k).length > 1 ? {} : { legend: null }),
  });
  const colour = channel('series', series ?? '');
  const facet = { column: { field: 'facet', type: 'nominal', title: f.facet ?? '', sort: order('facet') } };
  const layer =
    f.kind === 'box'
      ? {
          mark: { type: 'boxplot', extent: 'min-max' },
          encoding: {
            // Without an x axis every box sits over the metric's name: 'metric' titles that axis.
            x: { field: 'x', type: 'nominal', title: f.xTitle ?? f.x ?? 'metric', sort: order('x') },
            // Dodged whenever colour splits the boxes, so no box hides behind another.
            ...(f.colour !== undefined
              ? { xOffset: { field: 'series', type: 'nominal', sort: colour.sort } }
              : {}),
            y: valueAxis,
            color: colour,
          },
        }
      : cdfLayers(
          valueAxis,
          colour,
          f.colour !== undefined && f.x !== undefined ? channel('x', f.x!) : colour,
        );
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: { values: data },
    facet,
    resolve: { scale: { y: 'independent' } },
    spec: { width: 260, height: 200, ...layer },
  } as TopLevelSpec;
  const keys = [f.facet, f.x, f.colour];
  const groups = select(summary, f.y, where);
  return {
    name: f.name,
    title,
    spec,
    claims: [],
    table: {
      header: ['group', 'users × runs', 'mean ± 95% CI', 'min', 'median', 'p95', 'max'],
      body: groups.map((g) => [
        groupLabel(g.group as Row, keys) || f.y,
        String(g.n),
        meanCi(g.mean, g.ci95),
        formatNumber(g.min),
        formatNumber(g.median),
        formatNumber(g.p95),
        formatNumber(g.max),
      ]),
    },
  };
}

export function fileFigures(specs: readonly FigureSpec[], summary: Summary, rows: readonly Row[]): Figure[] {
  return specs.map((f) => ({
    ...(f.kind === 'mean' ? meanFigure(f, summary) : distributionFigure(f, summary, rows)),
    claims: f.claims.map((c) => checkClaim(c, summary)),
  }));
}
