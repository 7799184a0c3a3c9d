/**
 * `collaborative` (paper §5.1): energy and delay of the proposed split against training
 * everything on the phone (local-only) and everything on the server (edge-only, α = 0, which
 * sends the raw token ids: MODEL.md §7).
 */
import type { Experiment, ExperimentConfig, Row, Task } from '../experiment.ts';
import { verdictOf, type ClaimCheck, type Figure } from '../report/figure.ts';
import { meanChart, type MeanPoint } from '../report/plot.ts';
import { find, distinct, type Summary } from '../report/summary.ts';
import { formatNumber } from '../report/tables.ts';
import { meanCi, pivot } from '../report/pivot.ts';
import type { Method } from '../methods.ts';
import { networkSize, taskScenario } from '../scenarios.ts';
import { comparisonColumns, compareMethods } from './compare.ts';

const METHODS: readonly Method[] = ['proposed', 'local-only', 'edge-only'];
const PARTS = [
  ['userEnergyJ', 'user side'],
  ['edgeEnergyJ', 'edge side'],
  ['totalEnergyJ', 'total'],
] as const;
/** "close to" and "far below", made checkable. */
const CLOSE_FACTOR = 2;
const FAR_FACTOR = 0.5;

async function runTask(task: Task, seed: number, config: ExperimentConfig): Promise<Row[]> {
  const scenario = taskScenario({ preset: String(task.point['preset']), seed, ...networkSize(config.quick) });
  return compareMethods(scenario, METHODS, task, seed, config);
}

const mean = (s: Summary, metric: string, preset: unknown, method: string): number =>
  find(s, metric, { preset: preset as string, method })?.mean ?? NaN;

function perPreset(
  summary: Summary,
  claim: string,
  test: (preset: unknown) => { ok: boolean; text: string },
): ClaimCheck {
  const results = distinct(summary, 'preset').map((p) => ({ preset: p, ...test(p) }));
  return {
    claim,
    verdict: verdictOf(results.filter((r) => r.ok).length, results.length),
    detail: results.map((r) => `${String(r.preset)}: ${r.text}`).join(' — '),
  };
}

function energyFigure(summary: Summary): Figure {
  const points: MeanPoint[] = [];
  for (const [metric, label] of PARTS) {
    for (const method of METHODS) {
      for (const preset of distinct(summary, 'preset')) {
        const s = find(summary, metric, { preset, method });
        if (s?.mean == null) continue;
        const ci = s.ci95 ?? 0;
        points.push({
          x: method,
          series: label,
          facet: preset,
          mean: s.mean,
          lo: s.mean - ci,
          hi: s.mean + ci,
        });
      }
    }
  }
  const e = (metric: string, preset: unknown, method: string): string =>
    formatNumber(mean(summary, metric, preset, method));
  return {
    name: 'energy',
    title: 'Energy of one training step, all users: split vs local-only vs edge-only',
    spec: meanChart(points, {
      title: 'energy per training step (J), user side = local compute + uplink',
      xTitle: 'method',
      yTitle: 'energy (J)',
      seriesTitle: 'energy',
      facetTitle: 'preset',
      xNominal: true,
    }),
    claims: [
      perPreset(
        summary,
        'collaborative training achieves a balanced energy reduction (vs local-only)',
        (p) => {
          const ok =
            mean(summary, 'totalEnergyJ', p, 'proposed') < mean(summary, 'totalEnergyJ', p, 'local-only');
          return {
            ok,
            text:
              `total ${e('totalEnergyJ', p, 'proposed')} J (proposed) vs ${e('totalEnergyJ', p, 'local-only')} J (local-only) and ${e('totalEnergyJ', p, 'edge-only')} J (edge-only); ` +
              `user side ${e('userEnergyJ', p, 'proposed')} vs ${e('userEnergyJ', p, 'local-only')} vs ${e('userEnergyJ', p, 'edge-only')} J; edge side ${e('edgeEnergyJ', p, 'proposed')} vs 0 vs ${e('edgeEnergyJ', p, 'edge-only')} J`,
          };
        },
      ),
    ],
    table: {
      header: [
        'preset',
        'method',
        ...PARTS.map(([, l]) => `${l} energy (J)`),
        'mean delay (s)',
        'mean local layers',
      ],
      body: distinct(summary, 'preset').flatMap((preset) =>
        METHODS.map((method) => [
          String(preset),
          method,
          ...[...PARTS.map(([m]) => m), 'meanDelayS', 'meanLocalLayers'].map((m) => {
            const s = find(summary, m, { preset, method });
            return s === undefined ? '' : meanCi(s.mean, s.ci95);
          }),
        ]),
      ),
    },
  };
}

function delayFigure(summary: Summary): Figure {
  const points: MeanPoint[] = [];
  for (const preset of distinct(summary, 'preset')) {
    for (const method of METHODS) {
      const s = find(summary, 'meanDelayS', { preset, method });
      if (s?.mean == null) continue;
      const ci = s.ci95 ?? 0;
      points.push({
        x: method,
        series: 'mean delay',
        facet: preset,
        mean: s.mean,
        lo: s.mean - ci,
        hi: s.mean + ci,
      });
    }
  }
  const d = (p: unknown, m: string): number => mean(summary, 'meanDelayS', p, m);
  return {
    name: 'delay',
    title: 'Mean delay of one training step: split vs local-only vs edge-only',
    spec: meanChart(points, {
      title: 'mean per-user delay of a training step (s)',
      xTitle: 'method',
      yTitle: 'delay (s)',
      seriesTitle: '',
      facetTitle: 'preset',
      xNominal: true,
    }),
    claims: [
      perPreset(
        summary,
        `its delay is close to edge-only (within ${CLOSE_FACTOR}×) and far below local-only (under ${FAR_FACTOR}×)`,
        (p) => {
          const toEdge = d(p, 'proposed') / d(p, 'edge-only');
          const toLocal = d(p, 'proposed') / d(p, 'local-only');
          return {
            ok: toEdge <= CLOSE_FACTOR && toLocal <= FAR_FACTOR,
            text: `proposed ${formatNumber(d(p, 'proposed'))} s = ${formatNumber(toEdge)}× edge-only (${formatNumber(d(p, 'edge-only'))} s), ${formatNumber(toLocal)}× local-only (${formatNumber(d(p, 'local-only'))} s)`,
          };
        },
      ),
    ],
    table: pivot(summary, { metric: 'meanDelayS', rowKey: 'preset', columnKey: 'method' }),
  };
}

export const collaborativeExperiment: Experiment = {
  name: 'collaborative',
  title: 'Collaborative (split) training vs local-only and edge-only (paper §5.1)',
  description:
    'Each run: one scenario of the preset (paper: 50 users, 10 servers; contested: 50 users, 5 servers), solved by the proposed method, ' +
    'by local-only (α = Υ: the phone trains every layer) and by edge-only (α = 0: the phone sends its token ids and the server trains every layer — ' +
    "outside the paper's constraint α ≥ 1, MODEL.md §7). Energy and delay are of one training step (MODEL.md §3). Quick: 10 users, 3 servers.",
  defaultRuns: { full: 20, quick: 2 },
  columns: comparisonColumns(['preset']),
  groupBy: ['preset', 'method'],
  metrics: [
    'totalEnergyJ',
    'userEnergyJ',
    'edgeEnergyJ',
    'meanDelayS',
    'stability',
    'meanLocalLayers',
    'objective',
  ],
  points: (config) => config.presets.map((preset) => ({ preset })),
  runTask,
  figures: (summary) => [energyFigure(summary), delayFigure(summary)],
};
