/**
 * `weights` (paper §5.2): the weight of energy, of delay and of stability each swept from 1 to 10
 * (the other two at 1) for the proposed method, `ao`, `layers-only` and `resources-only`; the
 * energy, mean delay and stability they reach.
 */
import type { Experiment, ExperimentConfig, Row, Task } from '../experiment.ts';
import {
  belowEverywhere,
  gainShrinks,
  highestEverywhere,
  lowestEverywhere,
  type Sweep,
} from '../report/claims.ts';
import type { Summary } from '../report/summary.ts';
import type { Method } from '../methods.ts';
import { networkSize, taskScenario } from '../scenarios.ts';
import { comparisonColumns, compareMethods, sweepFigure } from './compare.ts';

const METHODS: readonly Method[] = ['proposed', 'ao', 'layers-only', 'resources-only'];
const BASELINES = METHODS.slice(1);
const KINDS = ['energy', 'delay', 'stability'] as const;
type Kind = (typeof KINDS)[number];
/** Besides 1, which every sweep starts from. */
const VALUES = { full: [2, 4, 7, 10], quick: [10] } as const;
/** The point with every weight at 1, shared by the three sweeps: solved once, reported for each. */
const BASE = 'all';

async function runTask(task: Task, seed: number, config: ExperimentConfig): Promise<Row[]> {
  const kind = task.point['weight'] as Kind | typeof BASE;
  const value = task.point['value'] as number;
  const weights = { delay: 1, energy: 1, stability: 1, ...(kind === BASE ? {} : { [kind]: value }) };
  const scenario = taskScenario({
    preset: String(task.point['preset']),
    seed,
    weights,
    ...networkSize(config.quick),
  });
  const rows = await compareMethods(scenario, METHODS, task, seed, config);
  return kind === BASE ? KINDS.flatMap((weight) => rows.map((r) => ({ ...r, weight }))) : rows;
}

function points(config: ExperimentConfig) {
  const values = config.quick ? VALUES.quick : VALUES.full;
  return config.presets.flatMap((preset) => [
    { preset, weight: BASE, value: 1 },
    ...KINDS.flatMap((weight) => values.map((value) => ({ preset, weight, value }))),
  ]);
}

function figures(summary: Summary) {
  const sweep = (kind: Kind, metric: string): Sweep => ({
    summary,
    metric,
    xKey: 'value',
    where: { weight: kind },
  });
  const energy = sweep('energy', 'totalEnergyJ');
  const delay = sweep('delay', 'meanDelayS');
  const stability = sweep('stability', 'stability');
  return [
    sweepFigure(summary, {
      name: 'energy-weight',
      title: 'Total energy vs the weight of energy',
      metric: 'totalEnergyJ',
      xKey: 'value',
      where: { weight: 'energy' },
      xTitle: 'energy weight w_e (w_t = w_s = 1)',
      yTitle: 'total energy per step (J)',
      claims: [
        lowestEverywhere(
          energy,
          'proposed',
          METHODS,
          'proposed has the lowest energy at every energy weight',
        ),
        belowEverywhere(energy, 'ao', 'layers-only', 'ao second (below layers-only)'),
        highestEverywhere(energy, 'layers-only', METHODS, 'layers-only worst'),
        gainShrinks(energy, 'proposed', BASELINES, 'the gains shrink as the weight grows'),
      ],
    }),
    sweepFigure(summary, {
      name: 'delay-weight',
      title: 'Mean delay vs the weight of delay',
      metric: 'meanDelayS',
      xKey: 'value',
      where: { weight: 'delay' },
      xTitle: 'delay weight w_t (w_e = w_s = 1)',
      yTitle: 'mean delay per step (s)',
      claims: [
        lowestEverywhere(delay, 'proposed', METHODS, 'proposed has the lowest delay at every delay weight'),
        belowEverywhere(delay, 'layers-only', 'resources-only', 'layers-only beats resources-only'),
        gainShrinks(delay, 'proposed', BASELINES, 'the gains shrink as the weight grows'),
      ],
    }),
    sweepFigure(summary, {
      name: 'stability-weight',
      title: 'Stability bound vs the weight of stability',
      metric: 'stability',
      xKey: 'value',
      where: { weight: 'stability' },
      xTitle: 'stability weight w_s (w_t = w_e = 1)',
      yTitle: ['Σ AS_n, dimensionless', '(lower is more stable)'],
      claims: [
        lowestEverywhere(
          stability,
          'proposed',
          METHODS,
          'proposed has the best stability at every stability weight',
        ),
        highestEverywhere(stability, 'resources-only', METHODS, 'resources-only worst'),
        gainShrinks(stability, 'proposed', BASELINES, 'the gains shrink as the weight grows'),
      ],
    }),
  ];
}

export const weightsExperiment: Experiment = {
  name: 'weights',
  title: 'Weights of energy, delay and stability swept (paper §5.2)',
  description:
    'Each run: one scenario of the preset; each weight (energy w_e, delay w_t, stability w_s, user-facing, before the stored ' +
    'normalisation of MODEL.md §5) takes the values 1, 2, 4, 7, 10 with the other two at 1 (the all-ones point is solved once and shared by the three sweeps; quick: 1 and 10, 10 users, 3 servers), and the proposed method, ' +
    '`ao`, `layers-only` (random resources) and `resources-only` (random split) each solve it.',
  defaultRuns: { full: 5, quick: 1 },
  columns: comparisonColumns(['preset', 'weight', 'value']),
  groupBy: ['preset', 'weight', 'value', 'method'],
  metrics: ['totalEnergyJ', 'meanDelayS', 'stability', 'objective', 'meanLocalLayers'],
  points,
  runTask,
  figures,
};
