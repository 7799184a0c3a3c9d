/**
 * `users` (paper §5.3): the number of users swept, for the proposed method against `greedy`
 * (highest-rate server within the bandwidth limits) and `random` association; total energy and
 * mean delay.
 */
import type { Experiment, ExperimentConfig, Row, Task } from '../experiment.ts';
import { highestEverywhere, lowestEverywhere, type Sweep } from '../report/claims.ts';
import type { Summary } from '../report/summary.ts';
import type { Method } from '../methods.ts';
import { networkSize, taskScenario } from '../scenarios.ts';
import { comparisonColumns, compareMethods, sweepFigure } from './compare.ts';

const METHODS: readonly Method[] = ['proposed', 'greedy', 'random'];
const USERS = { full: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], quick: [5, 10] } as const;

async function runTask(task: Task, seed: number, config: ExperimentConfig): Promise<Row[]> {
  const { servers } = networkSize(config.quick);
  const scenario = taskScenario({
    preset: String(task.point['preset']),
    seed,
    users: task.point['users'] as number,
    servers,
  });
  return compareMethods(scenario, METHODS, task, seed, config);
}

function figures(summary: Summary) {
  const energy: Sweep = { summary, metric: 'totalEnergyJ', xKey: 'users' };
  const delay: Sweep = { summary, metric: 'meanDelayS', xKey: 'users' };
  return [
    sweepFigure(summary, {
      name: 'energy-users',
      title: 'Total energy vs number of users',
      metric: 'totalEnergyJ',
      xKey: 'users',
      xTitle: 'number of users',
      yTitle: 'total energy per step (J)',
      claims: [
        lowestEverywhere(energy, 'proposed', METHODS, 'proposed below greedy and random in energy'),
        highestEverywhere(energy, 'random', METHODS, 'random worst (energy)'),
      ],
    }),
    sweepFigure(summary, {
      name: 'delay-users',
      title: 'Mean delay vs number of users',
      metric: 'meanDelayS',
      xKey: 'users',
      xTitle: 'number of users',
      yTitle: 'mean delay per step (s)',
      claims: [
        lowestEverywhere(delay, 'proposed', METHODS, 'proposed below greedy and random in delay'),
        highestEverywhere(delay, 'random', METHODS, 'random worst (delay)'),
      ],
    }),
  ];
}

export const usersExperiment: Experiment = {
  name: 'users',
  title: 'Number of users swept (paper §5.3)',
  description:
    "Each run: scenarios of the preset with 10, 20, …, 100 users on the preset's servers (paper: 10, contested: 5; quick: 5 and 10 users on 3 servers), " +
    'the first users the same at every size (the generator draws each user from its own stream), solved by the proposed method, ' +
    '`greedy` and `random` association (each with the proposed resource step).',
  defaultRuns: { full: 8, quick: 1 },
  columns: comparisonColumns(['preset', 'users']),
  groupBy: ['preset', 'users', 'method'],
  metrics: ['totalEnergyJ', 'meanDelayS', 'objective', 'stability', 'meanLocalLayers'],
  points: (config) =>
    config.presets.flatMap((preset) =>
      (config.quick ? USERS.quick : USERS.full).map((users) => ({ preset, users })),
    ),
  runTask,
  figures,
};
