/**
 * One scenario's methods: objective, mean delay and energy, one panel each. Points, not bars: a
 * panel whose values span more than two decades (edge-only's energy next to local-only's) is drawn
 * on a log axis, where a bar has no baseline to start from.
 */
import type { TopLevelSpec } from 'vega-lite';
import { quantitativeScale, wantsLog } from './axes.ts';

type SummaryRow = Record<string, string | number | boolean | null>;

const PANELS = [
  { field: 'objective', title: 'objective (normalised, reference = 3)' },
  { field: 'meanDelayS', title: 'mean delay per step (s)' },
  { field: 'totalEnergyJ', title: 'total energy per step (J)' },
] as const;

export function methodsChart(rows: readonly SummaryRow[]): TopLevelSpec {
  const methods = rows.map((r) => r.method);
  const within = [...new Set(rows.map((r) => r.within9a))];
  const inside = {
    field: 'within9a',
    type: 'nominal',
    title: 'within (9a)',
    scale: { domain: [true, false] },
    ...(within.length > 1 ? {} : { legend: null }),
  };
  const panel = (p: (typeof PANELS)[number]) => {
    const drawn = rows.filter((r) => typeof r[p.field] === 'number');
    const values = drawn.map((r) => r[p.field] as number);
    return {
      width: 220,
      height: 180,
      data: { values: drawn.map((r) => ({ method: r.method, value: r[p.field], within9a: r.within9a })) },
      mark: { type: 'point', filled: true, size: 70 },
      encoding: {
        x: { field: 'method', type: 'nominal', scale: { domain: methods }, title: 'method' },
        y: {
          field: 'value',
          type: 'quantitative',
          title: p.title,
          ...quantitativeScale(values, wantsLog('auto', values)),
        },
        color: { ...inside, scale: { ...inside.scale, range: ['#4c78a8', '#a0958f'] } },
        shape: { ...inside, scale: { ...inside.scale, range: ['circle', 'triangle-down'] } },
      },
    };
  };
  // A method without a value (local-only's unbounded objective) is named, not silently absent.
  const missing = PANELS.flatMap((p) =>
    rows.filter((r) => typeof r[p.field] !== 'number').map((r) => `${String(r.method)}'s ${p.field}`),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Methods on one scenario',
      ...(missing.length > 0 ? { subtitle: `not drawn (no finite value): ${missing.join(', ')}` } : {}),
    },
    hconcat: PANELS.map(panel),
  } as TopLevelSpec;
}
