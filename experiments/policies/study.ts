/**
 * The README's example study (`npx tsx experiments/policies/study.ts`): on the realistic preset
 * with its 50 users on three T4 servers and a delay-first objective (weights.energy = 0.01,
 * weights.stability = 0.1: local layers then pay off on the fastest phones, so re-optimising moves
 * splits as the servers' loads change), with users walking (random waypoint, 1–3 m/s) under
 * Rayleigh fading, three policies — the proposed allocation kept static, the proposed allocation
 * re-optimised at every epoch, and the external threshold agent (threshold_agent.py) — each with
 * re-planning costs off and on. Every
 * run is a `mecsim` command, printed before it runs, so the study can be repeated by hand; the
 * script collects their results into `study.csv` and the figure `study.svg` beside it (or into
 * `--out DIR`). `--quick` makes a small version (8 users, 2 servers, 2 simulated minutes) for the
 * test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from '../../src/files/index.ts';
import { renderSvg } from '../report/plot.ts';
import { toCsv } from '../report/tables.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1]! : here;
const work = mkdtempSync(join(tmpdir(), 'mecsim-study-'));

const SCENARIO = [
  ...[
    '--preset',
    'realistic',
    '--edge-gpus',
    't4',
    ...(quick ? ['--users', '8', '--servers', '2'] : ['--servers', '3']),
  ],
  ...['--set', 'weights.energy=0.01', '--set', 'weights.stability=0.1'],
];
const DYNAMICS = [
  ...['--duration', quick ? '120' : '600', '--mobility', 'random-waypoint', '--speed', '1,3'],
  ...['--fading', 'rayleigh', '--coherence', '1', '--epoch', quick ? '30' : '60'],
];
const COSTS = ['--solve-time', '2', '--migration', '--handover', '0.5'];
const AGENT = 'python3 experiments/policies/threshold_agent.py';
const POLICIES = [
  { name: 'static proposed', flags: ['--solution', join(work, 'sol.json')] },
  { name: 'proposed every epoch', flags: ['--policy', 'proposed'] },
  { name: 'external threshold', flags: ['--policy-cmd', AGENT] },
] as const;

/** Runs `mecsim ...args` from the repository root, echoing it as a reader would type it. */
function mecsim(...argv: string[]): void {
  const shown = argv.map((a) => (a.includes(' ') ? `"${a}"` : a.replace(work, '$W')));
  process.stderr.write(`$ mecsim ${shown.join(' ')}\n`);
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...argv], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

interface Row {
  policy: string;
  costs: string;
  objective: number;
  meanDelayS: number;
  totalEnergyJ: number;
  steps: number;
  handovers: number;
  migratedLayers: number;
  solveWaitS: number;
  epochs: number;
}

function resultRow(policy: string, costs: string, file: string): Row {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const users: {
    steps: number;
    replan?: { handovers: number; migratedLayers: number; solveWaitS: number };
  }[] = r.metrics.perUser;
  const sum = (f: (u: (typeof users)[number]) => number) => users.reduce((s, u) => s + f(u), 0);
  return {
    policy,
    costs,
    objective: r.metrics.objective,
    meanDelayS: r.metrics.meanDelayS,
    totalEnergyJ: r.metrics.totalEnergyJ,
    steps: sum((u) => u.steps),
    handovers: sum((u) => u.replan?.handovers ?? 0),
    migratedLayers: sum((u) => u.replan?.migratedLayers ?? 0),
    solveWaitS: sum((u) => u.replan?.solveWaitS ?? 0),
    epochs: r.epochs.length,
  };
}

const PANELS = [
  { field: 'objective', title: 'objective (weighted, per-step means)' },
  { field: 'meanDelayS', title: 'mean delay per step (s)' },
  { field: 'totalEnergyJ', title: 'energy per step, all users (J)' },
  { field: 'migratedLayers', title: 'layers migrated in the run' },
] as const;

/** One bar panel per metric, policies along x, costs off and on side by side (one shared legend). */
function studyChart(rows: readonly Row[], title: string): TopLevelSpec {
  const policies = POLICIES.map((p) => p.name);
  const panel = (p: (typeof PANELS)[number]) => ({
    width: 170,
    height: 180,
    mark: 'bar',
    encoding: {
      x: { field: 'policy', type: 'nominal', sort: policies, title: 'policy', axis: { labelAngle: -30 } },
      xOffset: { field: 'costs', type: 'nominal', sort: ['off', 'on'] },
      y: { field: p.field, type: 'quantitative', title: p.title },
      color: {
        field: 'costs',
        type: 'nominal',
        title: 're-planning costs',
        sort: ['off', 'on'],
        scale: { range: ['#4c78a8', '#f58518'] },
      },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: { values: rows.map((r) => ({ ...r })) },
    hconcat: PANELS.map(panel),
  } as TopLevelSpec;
}

const scenario = join(work, 'r.json');
mecsim('scenario', ...SCENARIO, '--out', scenario);
mecsim('optimize', scenario, '--out', join(work, 'sol.json'));
const rows: Row[] = [];
for (const costs of ['off', 'on'] as const) {
  for (const [k, p] of POLICIES.entries()) {
    const file = join(work, `${k}-${costs}.json`);
    mecsim('simulate', scenario, ...p.flags, ...DYNAMICS, ...(costs === 'on' ? COSTS : []), '--out', file);
    rows.push(resultRow(p.name, costs, file));
  }
}
mkdirSync(out, { recursive: true });
const name = quick ? 'study-quick' : 'study';
const columns = Object.keys(rows[0]!);
writeFileAtomic(
  join(out, `${name}.csv`),
  toCsv(columns, rows as unknown as Record<string, string | number>[]),
);
const title = `realistic preset, ${quick ? '8 users, 2' : '50 users, 3'} T4 servers, delay first; random waypoint 1–3 m/s, Rayleigh 1 s, epoch ${DYNAMICS[DYNAMICS.length - 1]} s`;
writeFileAtomic(join(out, `${name}.svg`), await renderSvg(studyChart(rows, title)));
process.stderr.write(`wrote ${join(out, `${name}.csv`)} and ${name}.svg\n`);
