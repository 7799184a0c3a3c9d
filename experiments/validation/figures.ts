/**
 * Figures of the validation experiment: the signed mean error (the bias of the closed form) per
 * dynamics and load, and the tail of the absolute error; each dynamics gets a verdict: does the
 * closed form describe it to within 1% for 95% of the users?
 */
import type { Cell } from '../experiment.ts';
import type { ClaimCheck, Figure } from '../report/figure.ts';
import { stack, pivot } from '../report/pivot.ts';
import { meanChart, meanPoint, type MeanPoint } from '../report/plot.ts';
import { distinct, find, select, type Summary } from '../report/summary.ts';
import { formatNumber } from '../report/tables.ts';
import { DYNAMICS } from '../../sim/dynamics.ts';

/** The allocation the figures show (the reference one is in the tables and CSVs). */
const SHOWN = 'proposed';
/** Below this, an absolute error is round-off; the log-scale plot clamps to it. */
const ROUND_OFF = 1e-16;
const TOLERANCE = 0.01;

function signedFigure(summary: Summary, metric: string, what: string): Figure {
  const points = select(summary, metric, { allocation: SHOWN })
    .map((s) => meanPoint(s, 'dynamics', 'users', 'preset'))
    .filter((p): p is MeanPoint => p !== undefined);
  const presets = distinct(summary, 'preset');
  return {
    name: `${what}-error`,
    title: `Simulated vs closed-form ${what} per step: mean relative error`,
    spec: meanChart(points, {
      title: `(simulated − analytic) / analytic ${what}, ${SHOWN} allocation`,
      xTitle: 'dynamics',
      yTitle: [`relative ${what} error`, '(fraction of analytic)'],
      seriesTitle: 'users',
      facetTitle: 'preset',
      xNominal: true,
    }),
    claims: [],
    table: stack(
      presets.map((preset) =>
        pivot(summary, {
          metric,
          rowKey: 'dynamics',
          columnKey: 'users',
          where: { preset, allocation: SHOWN },
          lead: { preset },
        }),
      ),
    ),
  };
}

function tailFigure(summary: Summary): Figure {
  const loads = distinct(summary, 'users');
  const load = loads[loads.length - 1] ?? null;
  const points: MeanPoint[] = [];
  for (const [metric, label] of [
    ['absDelayRelErr', 'delay'],
    ['absEnergyRelErr', 'energy'],
  ] as const) {
    for (const s of select(summary, metric, { allocation: SHOWN, users: load })) {
      const p95 = Math.max(s.p95 ?? ROUND_OFF, ROUND_OFF);
      points.push({
        x: s.group['dynamics'] ?? null,
        series: label,
        facet: s.group['preset'] ?? null,
        mean: p95,
        lo: p95,
        hi: p95,
      });
    }
  }
  return {
    name: 'error-tails',
    title: `95th percentile of |relative error| per user, ${String(load)} users`,
    spec: meanChart(points, {
      title: `p95 of |simulated − analytic| / analytic (${SHOWN}, ${String(load)} users; round-off shown as 1e-16)`,
      xTitle: 'dynamics',
      yTitle: ['p95 |relative error|', '(fraction of analytic)'],
      seriesTitle: 'quantity',
      facetTitle: 'preset',
      xNominal: true,
      // Asked for, not 'auto': round-off is clamped to 1e-16 only to sit on a log axis.
      logY: true,
      intervals: false,
    }),
    claims: DYNAMICS.map((d) => dynamicsClaim(summary, d.name, d.expectation)),
    table: {
      header: [
        'preset',
        'allocation',
        'users',
        'dynamics',
        'delay: median',
        'delay: p95',
        'delay: max',
        'energy: median',
        'energy: p95',
        'energy: max',
      ],
      body: select(summary, 'absDelayRelErr').map((s) => {
        const e = find(summary, 'absEnergyRelErr', s.group);
        return [
          ...['preset', 'allocation', 'users', 'dynamics'].map((k) => String(s.group[k])),
          formatNumber(s.median),
          formatNumber(s.p95),
          formatNumber(s.max),
          formatNumber(e?.median ?? null),
          formatNumber(e?.p95 ?? null),
          formatNumber(e?.max ?? null),
        ];
      }),
    },
  };
}

/** Over every preset, load and allocation: the worst p95 of |delay| and |energy| error. */
function dynamicsClaim(summary: Summary, dynamics: string, expectation: string): ClaimCheck {
  const groups = (metric: string): { p95: number; where: Record<string, Cell> }[] =>
    select(summary, metric, { dynamics }).map((s) => ({ p95: s.p95 ?? NaN, where: s.group }));
  const all = [...groups('absDelayRelErr'), ...groups('absEnergyRelErr')];
  const within = all.filter((g) => g.p95 <= TOLERANCE).length;
  const worst = (metric: string): string => formatNumber(Math.max(...groups(metric).map((g) => g.p95)));
  const bias = (metric: string): string =>
    select(summary, metric, { dynamics, allocation: SHOWN })
      .map((s) => `${String(s.group['preset'])}/${String(s.group['users'])}: ${formatNumber(s.mean)}`)
      .join(', ');
  return {
    claim: `[mecsim] the closed form (MODEL.md §3) gives each user's per-step delay and energy under ${dynamics} (${expectation}); within ${100 * TOLERANCE}% for 95% of users`,
    verdict: within === all.length ? 'holds' : within === 0 ? 'fails' : 'partly',
    detail:
      `worst p95 |error| over presets, loads and allocations: delay ${worst('absDelayRelErr')}, energy ${worst('absEnergyRelErr')}; ` +
      `mean signed error (${SHOWN}, preset/users): delay ${bias('delayRelErr')}; energy ${bias('energyRelErr')}`,
  };
}

export function validationFigures(summary: Summary): Figure[] {
  return [
    signedFigure(summary, 'delayRelErr', 'delay'),
    signedFigure(summary, 'energyRelErr', 'energy'),
    tailFigure(summary),
  ];
}
