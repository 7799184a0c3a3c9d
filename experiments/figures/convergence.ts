/**
 * `convergence` (paper Figure 2): the objective after each outer iteration of the proposed method
 * (resource step, then association step) at 100 users for several numbers of servers. A run that
 * stopped earlier keeps its final objective on the later iterations, so every curve averages the
 * same runs; `iterations` (on each run's first row) is where it stopped, and `lpSolves` how many
 * association LPs (CCCP iterations, over every penalty, start and outer iteration) it took.
 */
import type { Experiment, ExperimentConfig, Row, Task } from '../experiment.ts';
import { verdictOf, type ClaimCheck, type Figure } from '../report/figure.ts';
import { meanChart, meanPoint, type MeanPoint } from '../report/plot.ts';
import { pivot, stack } from '../report/pivot.ts';
import { distinct, find, select, type Summary } from '../report/summary.ts';
import { formatNumber } from '../report/tables.ts';
import { solve } from '../methods.ts';
import { taskScenario } from '../scenarios.ts';

/** The paper: "converges within 13 iterations". */
const PAPER_ITERATIONS = 13;
/** Iterations drawn: the paper's figure spans about 15. */
const SHOWN_ITERATIONS = 15;
const SIZES = {
  full: { users: 100, servers: [5, 10, 20] },
  quick: { users: 20, servers: [2, 4] },
} as const;

async function runTask(task: Task, seed: number, config: ExperimentConfig): Promise<Row[]> {
  const { preset, users, servers } = task.point as { preset: string; users: number; servers: number };
  const solved = await solve(taskScenario({ preset, seed, users, servers }), 'proposed', {
    seed,
    starts: config.starts,
  });
  const h = solved.history;
  const final = h[h.length - 1]!;
  return Array.from({ length: Math.max(SHOWN_ITERATIONS, h.length) }, (_, i): Row => ({
    preset,
    users,
    servers,
    run: task.run,
    iteration: i + 1,
    objective: h[i] ?? final,
    gapToFinal: (h[i] ?? final) / final - 1,
    iterations: i === 0 ? h.length : null,
    lpSolves: i === 0 ? solved.lpSolves : null,
  }));
}

function claims(summary: Summary): ClaimCheck[] {
  // `iterations` is on each run's first row only.
  const its = select(summary, 'iterations', { iteration: 1 });
  const within = its.filter((s) => (s.max ?? Infinity) <= PAPER_ITERATIONS).length;
  const describe = its
    .map((s) => {
      const lps = find(summary, 'lpSolves', s.group);
      return (
        `${String(s.group['preset'])}/${String(s.group['servers'])} servers: mean ${formatNumber(s.mean)}, max ${formatNumber(s.max)} ` +
        `(${formatNumber(lps?.mean ?? null)} association LPs per run)`
      );
    })
    .join('; ');
  const presets = distinct(summary, 'preset');
  const monotone = presets.filter((preset) => {
    const means = distinct(summary, 'servers', { preset }).map(
      (m) => find(summary, 'iterations', { preset, servers: m, iteration: 1 })?.mean ?? NaN,
    );
    return means.every((v, i) => i === 0 || means[i - 1]! <= v);
  }).length;
  return [
    {
      claim: `the association converges within ${PAPER_ITERATIONS} iterations (100 users)`,
      verdict: verdictOf(within, its.length),
      detail: `outer iterations per run (the kept start), ${describe}`,
    },
    {
      claim: 'it converges faster with fewer servers',
      verdict: verdictOf(monotone, presets.length),
      detail: `mean iterations non-decreasing in the number of servers for ${monotone} of ${presets.length} presets (${describe})`,
    },
  ];
}

function figures(summary: Summary): Figure[] {
  const points = select(summary, 'objective')
    .map((s) => meanPoint(s, 'iteration', 'servers', 'preset'))
    .filter((p): p is MeanPoint => p !== undefined);
  return [
    {
      name: 'convergence',
      title: 'Objective per outer iteration of the proposed method',
      spec: meanChart(points, {
        title: 'objective (normalised, MODEL.md §5) after each outer iteration',
        xTitle: 'outer iteration',
        yTitle: 'objective (normalised)',
        seriesTitle: 'servers',
        facetTitle: 'preset',
      }),
      claims: claims(summary),
      table: stack(
        distinct(summary, 'preset').map((preset) =>
          pivot(summary, {
            metric: 'objective',
            rowKey: 'iteration',
            columnKey: 'servers',
            where: { preset },
            lead: { preset },
          }),
        ),
      ),
    },
  ];
}

export const convergenceExperiment: Experiment = {
  name: 'convergence',
  title: 'Convergence of the alternating optimisation (paper Figure 2)',
  description:
    'Each run: one scenario of the preset with 100 users and 5, 10 or 20 servers (quick: 20 users, 2 or 4 servers), solved by the proposed ' +
    'method; its history is the objective after the first resource step and after each accepted outer iteration (association LPs by CCCP, ' +
    'then the resource step) of the start it kept.',
  defaultRuns: { full: 8, quick: 1 },
  columns: [
    'preset',
    'users',
    'servers',
    'run',
    'iteration',
    'objective',
    'gapToFinal',
    'iterations',
    'lpSolves',
  ],
  groupBy: ['preset', 'servers', 'iteration'],
  metrics: ['objective', 'gapToFinal', 'iterations', 'lpSolves'],
  points: (config) => {
    const size = config.quick ? SIZES.quick : SIZES.full;
    return config.presets.flatMap((preset) =>
      size.servers.map((servers) => ({ preset, users: size.users, servers })),
    );
  },
  runTask,
  figures,
};
