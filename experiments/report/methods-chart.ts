/** A bar chart of one scenario's methods: objective, mean delay and energy, one panel each. */
import type { TopLevelSpec } from 'vega-lite';

type SummaryRow = Record<string, string | number | boolean | null>;

const PANELS = [
  { field: 'objective', title: 'objective (reference = 3)' },
  { field: 'meanDelayS', title: 'mean delay per step (s)' },
  { field: 'totalEnergyJ', title: 'total energy per step (J)' },
] as const;

export function methodsChart(rows: readonly SummaryRow[]): TopLevelSpec {
  const values = rows.flatMap((r) =>
    PANELS.filter((p) => typeof r[p.field] === 'number').map((p) => ({
      method: r.method,
      panel: p.title,
      value: r[p.field],
      within9a: r.within9a,
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    facet: { column: { field: 'panel', type: 'nominal', title: null, sort: PANELS.map((p) => p.title) } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 220,
      height: 180,
      mark: 'bar',
      encoding: {
        x: { field: 'method', type: 'nominal', sort: rows.map((r) => r.method), title: null },
        y: { field: 'value', type: 'quantitative', title: null },
        color: {
          field: 'within9a',
          type: 'nominal',
          title: 'within (9a)',
          scale: { domain: [true, false], range: ['#4c78a8', '#bab0ac'] },
        },
      },
    },
  } as TopLevelSpec;
}
