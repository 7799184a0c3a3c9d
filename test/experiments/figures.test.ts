// Figures a reader trusts, checked on the Vega-Lite specs: a tick at every decade of a log axis (0
// too on a symmetric-log one), log only when the values span more than two decades, series told
// apart by shape and dash as well as colour, a subtitle naming series that coincide, no legend of
// one entry, and a title on every axis — for made-up data and for every committed figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell, Row } from '../../experiments/experiment.ts';
import { fileFigures } from '../../experiments/file/figures.ts';
import { FigureSchema } from '../../experiments/file/schema.ts';
import { experimentFor } from '../../experiments/registry.ts';
import { decadeTicks, spansDecades } from '../../experiments/report/axes.ts';
import type { Figure } from '../../experiments/report/figure.ts';
import { methodsChart } from '../../experiments/report/methods-chart.ts';
import { meanChart, type LineChartOptions, type MeanPoint } from '../../experiments/report/plot.ts';
import { summarizeRows, type Summary } from '../../experiments/report/summary.ts';
import { parseConfig } from '../../experiments/batch/config.ts';

type Node = Record<string, unknown>;
type Encoding = Record<string, Node>;

/** Every encoding of a spec (through facet, layer and concat), with the data it draws. */
function encodings(node: Node, data: readonly Node[] = []): { encoding: Encoding; data: readonly Node[] }[] {
  const own = (node['data'] as { values?: Node[] } | undefined)?.values ?? data;
  const children = [
    node['spec'],
    ...((node['layer'] as Node[]) ?? []),
    ...((node['hconcat'] as Node[]) ?? []),
  ];
  return [
    ...(node['encoding'] === undefined ? [] : [{ encoding: node['encoding'] as Encoding, data: own }]),
    ...children.filter((c): c is Node => c !== undefined).flatMap((c) => encodings(c, own)),
  ];
}

const SERIES_CHANNELS = ['color', 'stroke', 'shape', 'strokeDash'] as const;

/** Each axis of the spec (x and y of every encoding) has a title, and no legend has one entry. */
function expectTrustworthy(spec: object, name: string): void {
  for (const { encoding, data } of encodings(spec as Node)) {
    for (const axis of ['x', 'y'] as const) {
      const title = encoding[axis]?.['title'];
      const lines = Array.isArray(title) ? title : [title];
      expect(lines.length, `${name}: ${axis}`).toBeGreaterThan(0);
      for (const line of lines)
        expect(typeof line === 'string' && line.trim() !== '', `${name}: ${axis} title`).toBe(true);
    }
    for (const channel of SERIES_CHANNELS) {
      const def = encoding[channel];
      if (def?.['field'] === undefined) continue;
      const distinct = new Set(data.map((d) => d[def['field'] as string]));
      if (distinct.size === 1) expect(def['legend'], `${name}: ${channel} legend of one entry`).toBeNull();
    }
    // A log axis carries its decades as explicit ticks.
    const y = encoding['y'];
    const scaleType = (y?.['scale'] as Node | undefined)?.['type'];
    if (scaleType === 'log' || scaleType === 'symlog')
      expect((y!['axis'] as Node)['values'], `${name}: decade ticks`).toBeInstanceOf(Array);
  }
}

const chart = (points: readonly MeanPoint[], o: Partial<LineChartOptions> = {}): Node =>
  meanChart(points, {
    title: 't',
    xTitle: 'x (s)',
    yTitle: 'energy (J)',
    seriesTitle: 'method',
    facetTitle: 'preset',
    ...o,
  }) as unknown as Node;

/** One series over x = 1..n, the means given, intervals ±1%. */
const series = (name: Cell, means: readonly number[], facet: Cell = 'p'): MeanPoint[] =>
  means.map((mean, i) => ({ x: i + 1, series: name, facet, mean, lo: mean * 0.99, hi: mean * 1.01 }));

const yOf = (spec: Node): Node =>
  encodings(spec).find((e) => e.encoding['y']?.['field'] === 'mean')!.encoding['y']!;

describe('decade ticks', () => {
  it('a tick at every power of ten the values span, from the decade below to the one above', () => {
    expect(decadeTicks([300, 45_000, 450_000])).toEqual([1e2, 1e3, 1e4, 1e5, 1e6]);
    expect(decadeTicks([1e3, 1e5])).toEqual([1e3, 1e4, 1e5]);
  });
  it('0 and then the decades when the values reach zero (a symmetric-log axis)', () => {
    expect(decadeTicks([0, 2e3, 3e6])).toEqual([0, 1e3, 1e4, 1e5, 1e6, 1e7]);
    expect(decadeTicks([-20, 0, 5])).toEqual([-100, -10, 0, 1, 10]);
  });
  it('exact decades at small magnitudes (round-off errors)', () => {
    const ticks = decadeTicks([3e-15, 0.2]);
    expect(ticks).toHaveLength(16);
    ticks.forEach((t, i) => expect(t).toBe(Number(`1e${i - 15}`)));
  });
  it('log axes for more than two decades; zeros allowed (symmetric log), a negative value not', () => {
    expect(spansDecades([1, 50, 100])).toBe(false);
    expect(spansDecades([1, 101])).toBe(true);
    expect(spansDecades([0, 1e6])).toBe(false);
    expect(spansDecades([0, 1, 1e3])).toBe(true);
    expect(spansDecades([-1, 1, 1e3])).toBe(false);
  });
});

describe('mean charts', () => {
  it('log y with decade ticks only when the means span more than two decades, unless asked', () => {
    const wide = chart(series('a', [200, 3e4, 5e6]));
    expect(yOf(wide)['scale']).toEqual({ type: 'log' });
    expect((yOf(wide)['axis'] as Node)['values']).toEqual([1e2, 1e3, 1e4, 1e5, 1e6, 1e7]);
    const narrow = chart(series('a', [200, 300, 5000]));
    expect(yOf(narrow)['scale']).toEqual({ zero: false });
    expect(yOf(narrow)['axis']).toBeUndefined();
    expect(yOf(chart(series('a', [200, 3e4, 5e6]), { logY: false }))['scale']).toEqual({ zero: false });
    expect((yOf(chart(series('a', [200, 300]), { logY: true }))['scale'] as Node)['type']).toBe('log');
  });
  it('a zero mean gets a symmetric-log axis with 0, then the decades, 0 next to the lowest', () => {
    const y = yOf(chart([...series('local-only', [0, 0, 0]), ...series('proposed', [2e3, 5e4, 3e6])]));
    expect(y['scale']).toEqual({ type: 'symlog', constant: 1e3 });
    expect((y['axis'] as Node)['values']).toEqual([0, 1e3, 1e4, 1e5, 1e6, 1e7]);
  });
  it('series differ in shape and dash as well as colour, markers hollow', () => {
    const spec = chart([...series('proposed', [1, 2, 3]), ...series('ao', [1, 2, 4])]);
    const layers = (spec['spec'] as Node)['layer'] as Node[];
    const line = layers.find((l) => (l['mark'] as Node)['type'] === 'line')!;
    const points = layers.find((l) => (l['mark'] as Node)['type'] === 'point')!;
    expect((line['encoding'] as Encoding)['strokeDash']?.['field']).toBe('series');
    expect((points['encoding'] as Encoding)['shape']?.['field']).toBe('series');
    expect((points['mark'] as Node)['filled']).toBe(false);
    expect((points['encoding'] as Encoding)['shape']?.['legend']).not.toBeNull();
    expectTrustworthy(spec, 'two series');
  });
  it('one series: no legend on any channel', () => {
    const spec = chart(series('mean delay', [1, 2, 3]));
    for (const { encoding } of encodings(spec))
      for (const channel of SERIES_CHANNELS)
        if (encoding[channel] !== undefined) expect(encoding[channel]['legend']).toBeNull();
    expectTrustworthy(spec, 'one series');
  });
  it('the subtitle names two series identical within 1e-9 at every x, and only those', () => {
    const a = [1, 2.5, 3e3];
    const same = chart([
      ...series('proposed', a),
      ...series(
        'ao',
        a.map((v) => v * (1 + 1e-12)),
      ),
    ]);
    expect(same['title']).toEqual({ text: 't', subtitle: 'proposed and ao coincide (within 1e-9)' });
    const apart = chart([...series('proposed', a), ...series('ao', [1, 2.5, 3e3 * (1 + 1e-6)])]);
    expect(apart['title']).toBe('t');
  });
  it('…naming the panels where they coincide, or every panel', () => {
    const a = [1, 2, 3];
    const both = chart(['p1', 'p2'].flatMap((f) => [...series('proposed', a, f), ...series('ao', a, f)]));
    expect((both['title'] as Node)['subtitle']).toBe('proposed and ao coincide (within 1e-9) in every panel');
    const one = chart([
      ...series('proposed', a, 'p1'),
      ...series('ao', a, 'p1'),
      ...series('proposed', a, 'p2'),
      ...series('ao', [1, 2, 4], 'p2'),
    ]);
    expect((one['title'] as Node)['subtitle']).toBe('proposed and ao coincide (within 1e-9) in preset p1');
  });
});

describe('the default job’s methods chart', () => {
  const row = (
    method: string,
    within9a: boolean,
    objective: number | null,
    delay: number,
    energy: number,
  ) => ({
    method,
    within9a,
    objective,
    meanDelayS: delay,
    totalEnergyJ: energy,
  });
  const rows = [
    row('proposed', true, 2.99, 17_744, 704_740),
    row('random', true, 26.2, 167_771, 1.137e7),
    row('local-only', false, null, 343_047, 5_142_930),
    row('edge-only', false, 1.05, 1040.58, 14_593),
  ];
  const panels = (spec: Node): Encoding[] =>
    (spec['hconcat'] as Node[]).map((p) => p['encoding'] as Encoding);

  it('edge-only visible: points on a log axis with decade ticks where a panel spans decades', () => {
    const [objective, delay, energy] = panels(methodsChart(rows) as unknown as Node);
    expect((objective!['y']!['scale'] as Node)['type']).toBeUndefined();
    expect(delay!['y']!['scale']).toEqual({ type: 'log' });
    expect((energy!['y']!['axis'] as Node)['values']).toEqual([1e4, 1e5, 1e6, 1e7, 1e8]);
  });
  it('every axis titled with its unit; the missing objective named in the subtitle', () => {
    const spec = methodsChart(rows) as unknown as Node;
    expectTrustworthy(spec, 'methods');
    expect(panels(spec).map((p) => p['y']!['title'])).toEqual([
      'objective (normalised, reference = 3)',
      'mean delay per step (s)',
      'total energy per step (J)',
    ]);
    expect((spec['title'] as Node)['subtitle']).toBe("not drawn (no finite value): local-only's objective");
  });
  it('no legend when every method is within (9a)', () => {
    const spec = methodsChart(rows.filter((r) => r.within9a)) as unknown as Node;
    for (const p of panels(spec)) expect(p['color']!['legend']).toBeNull();
  });
});

describe('distribution figures of experiment files', () => {
  const rows: Row[] = [1, 2, 3].flatMap((user) =>
    ['a', 'b'].map((phone) => ({ phone, user, delayS: user * (phone === 'a' ? 1 : 1e3) })),
  );
  const summary = summarizeRows(rows, ['phone'], ['delayS']);
  const figure = (f: object): Node =>
    fileFigures([FigureSchema.parse({ name: 'f', y: 'delayS', ...f })], summary, rows)[0]!
      .spec as unknown as Node;

  it('CDFs: shape and dash per series, the value axis log with decades when it spans them', () => {
    const spec = figure({ kind: 'cdf', colour: 'phone' });
    expectTrustworthy(spec, 'cdf');
    const [line, points] = encodings(spec).map((e) => e.encoding);
    expect(line!['strokeDash']?.['field']).toBe('series');
    expect(points!['shape']?.['field']).toBe('series');
    expect((line!['x']!['axis'] as Node)['values']).toEqual([1, 10, 100, 1e3, 1e4]);
  });
  it('box plots: titled axes, and no legend for one series', () => {
    const spec = figure({ kind: 'box', where: { phone: 'a' } });
    expectTrustworthy(spec, 'box');
    expect(encodings(spec)[0]!.encoding['x']!['title']).toBe('metric');
  });
  it('a y title too long for the panel goes on two lines, its parenthesis second; a short one stays', () => {
    const title = (f: object) => encodings(figure(f))[0]!.encoding['y']!['title'];
    const long = '|relative delay error| (fraction of analytic)';
    expect(title({ kind: 'box', where: { phone: 'a' }, yTitle: long })).toEqual([
      '|relative delay error|',
      '(fraction of analytic)',
    ]);
    expect(title({ kind: 'box', where: { phone: 'a' }, yTitle: 'delay (s)' })).toBe('delay (s)');
    expect(
      title({ kind: 'box', where: { phone: 'a' }, yTitle: 'a title of more than thirty characters' }),
    ).toBe('a title of more than thirty characters');
  });
});

describe('every committed figure', () => {
  const results = join(import.meta.dirname, '../../experiments/results');
  const cell = (text: string): Cell =>
    text === '' ? null : Number.isNaN(Number(text)) ? text : Number(text);

  /** The summary back from summary.csv: group columns, metric, then the statistics. */
  function readSummary(dir: string, groupBy: readonly string[]): Summary {
    const [header, ...lines] = readFileSync(join(dir, 'summary.csv'), 'utf8').trimEnd().split('\n');
    const columns = header!.split(',');
    return lines.map((line) => {
      const cells = Object.fromEntries(line.split(',').map((c, i) => [columns[i]!, cell(c)]));
      const group = Object.fromEntries(groupBy.map((g) => [g, cells[g]!]));
      return { ...cells, group, metric: cells['metric'] } as unknown as Summary[number];
    });
  }

  const figures = new Map<string, Figure[]>(
    readdirSync(results).map((name) => {
      const dir = join(results, name);
      // As merge and --resume read it: through the schema, which fills defaults of later keys.
      const config = parseConfig(JSON.parse(readFileSync(join(dir, 'experiment.json'), 'utf8')), dir);
      const experiment = experimentFor(config);
      return [name, experiment.figures(readSummary(dir, experiment.groupBy), config, [])];
    }),
  );

  it('every axis has a title, no legend has one entry, every log axis its decades', () => {
    expect([...figures.keys()].sort()).toEqual([
      'collaborative',
      'convergence',
      'split-phones',
      'users',
      'validation',
      'weights',
    ]);
    for (const [name, list] of figures) for (const f of list) expectTrustworthy(f.spec, `${name}/${f.name}`);
  });
  it('collaborative energy: a log axis with every decade from edge-only (~10^4 J) to local-only (~10^6 J)', () => {
    const energy = figures.get('collaborative')!.find((f) => f.name === 'energy')!;
    const y = yOf(energy.spec as unknown as Node);
    expect((y['scale'] as Node)['type']).toBe('log');
    expect((y['axis'] as Node)['values']).toEqual(expect.arrayContaining([1e4, 1e5, 1e6, 1e7]));
  });
  it('validation spread (drawn from the rows, so read off the SVG): 0, then every decade from 1e-16', () => {
    const svg = readFileSync(join(results, 'validation/figures/delay-error-spread.svg'), 'utf8');
    const labels = [...svg.matchAll(/>(0|1e-?\d+)</g)].map((m) => m[1]);
    const decades = Array.from({ length: 16 }, (_, i) => `1e-${16 - i}`);
    expect(labels.slice(0, 17)).toEqual(['0', ...decades]);
  });
  it('weights: the subtitle says where ao and the proposed method coincide', () => {
    const energy = figures.get('weights')!.find((f) => f.name === 'energy-weight')!;
    expect(((energy.spec as unknown as Node)['title'] as Node)['subtitle']).toMatch(
      /^proposed and ao coincide \(within 1e-9\)/,
    );
  });
});
