/**
 * `validation`: the closed-form per-step delay and energy of MODEL.md §3 against simulated
 * training steps, per user, over seeded scenarios, network loads (users on the preset's servers)
 * and the dynamics of sim/dynamics.ts — where the closed form holds (static: round-off) and where it
 * breaks (fading, mobility, a processor-shared edge GPU), as error distributions.
 */
import { evaluate, referenceAllocation, type Allocation } from '../../src/model/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { staticPolicy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';
import { compareWithAnalytic } from '../../sim/validation.ts';
import type { Experiment, ExperimentConfig, Row, Task } from '../experiment.ts';
import { solve } from '../methods.ts';
import { taskScenario } from '../scenarios.ts';
import { DYNAMICS } from '../../sim/dynamics.ts';
import { validationFigures } from './figures.ts';

const LOADS = { full: [10, 50, 100], quick: [10] } as const;
const STEPS = { full: 3, quick: 2 } as const;
const ALLOCATIONS = ['reference', 'proposed'] as const;

async function allocationOf(
  kind: (typeof ALLOCATIONS)[number],
  scenario: Scenario,
  seed: number,
  config: ExperimentConfig,
): Promise<Allocation> {
  if (kind === 'reference') return referenceAllocation(scenario);
  return (await solve(scenario, 'proposed', { seed, starts: config.starts })).allocation;
}

async function runTask(task: Task, seed: number, config: ExperimentConfig): Promise<Row[]> {
  const { preset, users } = task.point as { preset: string; users: number };
  const scenario = taskScenario({ preset, seed, users });
  const rows: Row[] = [];
  for (const kind of ALLOCATIONS) {
    const allocation = await allocationOf(kind, scenario, seed, config);
    const analytic = evaluate(scenario, allocation);
    for (const dynamics of DYNAMICS) {
      const sim = await simulate(scenario, {
        policy: staticPolicy(allocation),
        seed,
        config: { ...dynamics.config, maxStepsPerUser: config.quick ? STEPS.quick : STEPS.full },
      });
      const report = compareWithAnalytic(analytic, sim.metrics);
      for (const u of report.perUser) {
        rows.push({
          preset,
          users,
          allocation: kind,
          dynamics: dynamics.name,
          run: task.run,
          user: u.user,
          steps: u.steps,
          analyticDelayS: u.delayS.analytic,
          simDelayS: u.delayS.simulated,
          analyticEnergyJ: u.energyJ.analytic,
          simEnergyJ: u.energyJ.simulated,
          delayRelErr: u.delayS.relError,
          energyRelErr: u.energyJ.relError,
          absDelayRelErr: Math.abs(u.delayS.relError),
          absEnergyRelErr: Math.abs(u.energyJ.relError),
        });
      }
    }
  }
  return rows;
}

export const validationExperiment: Experiment = {
  name: 'validation',
  title: 'Validation: closed-form vs simulated delay and energy',
  description:
    'Per user, the relative error (simulated − analytic) / analytic of the per-step mean delay and energy, ' +
    "for the reference allocation (α = 1, equal shares) and the proposed one, on the preset's servers with 10, 50 and 100 users, " +
    'under each dynamics: static; Rayleigh block fading with 100 s and 1000 s blocks; Rician (K = 3); random-waypoint and ' +
    'Gauss–Markov walkers (0.5–1.5 m/s, path loss updated every 100 s); a processor-shared edge GPU. The paper has no simulation: ' +
    'this checks where its closed form can be trusted.',
  defaultRuns: { full: 10, quick: 1 },
  statsOver:
    'every user of every run (users of one run share its channel draws, so the intervals are indicative)',
  columns: [
    'preset',
    'users',
    'allocation',
    'dynamics',
    'run',
    'user',
    'steps',
    'analyticDelayS',
    'simDelayS',
    'analyticEnergyJ',
    'simEnergyJ',
    'delayRelErr',
    'energyRelErr',
    'absDelayRelErr',
    'absEnergyRelErr',
  ],
  groupBy: ['preset', 'users', 'allocation', 'dynamics'],
  metrics: ['delayRelErr', 'energyRelErr', 'absDelayRelErr', 'absEnergyRelErr'],
  points: (config) =>
    config.presets.flatMap((preset) =>
      (config.quick ? LOADS.quick : LOADS.full).map((users) => ({ preset, users })),
    ),
  runTask,
  figures: validationFigures,
};
