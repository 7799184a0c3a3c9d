/**
 * One task of an experiment file: the point's scenario for the run's seed, optimised with the
 * point's method (or with each of optimizer.methods), optionally simulated, and what the file asks
 * to record as row cells — one row per task, per user or per outer iteration. Wall time goes to
 * the timing sink, never into a row.
 */
import { resolve } from 'node:path';
import { evaluate } from '../../src/model/index.ts';
import { buildScenarioFrom } from '../../src/scenario/build.ts';
import { applySets } from '../../src/scenario/overrides.ts';
import { finiteOrNull } from '../../src/scenario/format.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import {
  DEFAULT_POLICY_TIMEOUT_S,
  isModulePath,
  loadPolicyModule,
  startCommandPolicy,
  withProcess,
  type ProcessPolicy,
} from '../../src/user-policy/index.ts';
import { staticPolicy, type Policy } from '../../sim/policy.ts';
import { policyNamed } from '../../sim/policies.ts';
import { simulate, type SimResult } from '../../sim/run.ts';
import { compareWithAnalytic, type ValidationReport } from '../../sim/validation.ts';
import type { Cell, Row, Task, TimingSink } from '../experiment.ts';
import { metricCells, solve, type Method, type Solved } from '../methods.ts';
import type { RecordKind } from './schema.ts';
import type { FileConfig } from './config.ts';
import { pointSetup, type PointSetup } from './setup.ts';
import { withinPoints } from './sweep.ts';
import { fileColumns } from './task-columns.ts';

/** The scenario of a point on a run: generated with the run's seed, or the file's with overrides. */
export function pointScenario(config: FileConfig, setup: PointSetup, seed: number): Scenario {
  const label = (key: string): string => `scenario.${key}`;
  if (config.baseScenario !== undefined)
    return applySets(config.baseScenario as Scenario, setup.sets).scenario;
  return buildScenarioFrom({ ...setup.settings, seed, set: setup.sets }, label).scenario;
}

const has = (config: FileConfig, kind: RecordKind): boolean => config.file.record.metrics.includes(kind);

function taskCells(
  config: FileConfig,
  solved: Solved,
  sim: SimResult | undefined,
  v: ValidationReport | undefined,
): Row {
  const { iterations, ...analytic } = metricCells(solved);
  const cells: Record<string, Cell> = {};
  if (has(config, 'analytic')) Object.assign(cells, analytic);
  if (has(config, 'iterations')) Object.assign(cells, { iterations, lpSolves: solved.lpSolves });
  if (sim !== undefined && has(config, 'simulated')) {
    Object.assign(cells, {
      simTotalEnergyJ: finiteOrNull(sim.metrics.totalEnergyJ),
      simMeanDelayS: finiteOrNull(sim.metrics.meanDelayS),
      simObjective: finiteOrNull(sim.metrics.objective),
      simSteps: sim.metrics.perUser.reduce((a, u) => a + u.steps, 0),
    });
  }
  if (v !== undefined && has(config, 'errors')) {
    const abs = (pick: (u: ValidationReport['perUser'][number]) => number): number[] =>
      v.perUser.map((u) => Math.abs(pick(u)));
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const d = abs((u) => u.delayS.relError);
    const e = abs((u) => u.energyJ.relError);
    Object.assign(cells, {
      meanAbsDelayRelErr: finiteOrNull(mean(d)),
      maxAbsDelayRelErr: finiteOrNull(Math.max(...d)),
      meanAbsEnergyRelErr: finiteOrNull(mean(e)),
      maxAbsEnergyRelErr: finiteOrNull(Math.max(...e)),
    });
  }
  return cells;
}

function userCells(
  config: FileConfig,
  solved: Solved,
  sim: SimResult | undefined,
  v: ValidationReport | undefined,
): Row[] {
  return solved.metrics.perUser.map((u, n) => {
    const cells: Record<string, Cell> = { user: n };
    if (has(config, 'analytic'))
      Object.assign(cells, {
        localLayers: solved.allocation.localLayers[n]!,
        server: solved.allocation.association[n]!,
        delayS: u.delayS,
        localDelayS: u.localDelayS,
        uplinkDelayS: u.uplinkDelayS,
        edgeDelayS: u.edgeDelayS,
        energyJ: u.energyJ,
      });
    if (has(config, 'iterations')) Object.assign(cells, { iterations: solved.history.length });
    const s = sim?.metrics.perUser[n];
    if (s !== undefined && has(config, 'simulated'))
      Object.assign(cells, { simSteps: s.steps, simDelayS: s.delayS, simEnergyJ: s.energyJ });
    const c = v?.perUser[n];
    if (c !== undefined && has(config, 'errors'))
      Object.assign(cells, {
        steps: c.steps,
        analyticDelayS: finiteOrNull(c.delayS.analytic),
        simDelayS: finiteOrNull(c.delayS.simulated),
        analyticEnergyJ: finiteOrNull(c.energyJ.analytic),
        simEnergyJ: finiteOrNull(c.energyJ.simulated),
        delayRelErr: finiteOrNull(c.delayS.relError),
        energyRelErr: finiteOrNull(c.energyJ.relError),
        absDelayRelErr: finiteOrNull(Math.abs(c.delayS.relError)),
        absEnergyRelErr: finiteOrNull(Math.abs(c.energyJ.relError)),
      });
    return cells;
  });
}

/**
 * The policy of a task's simulation: the file's command (its process started now, run in the
 * file's folder) or its named or module policy, the method at every epoch, or else the method's
 * solution kept for the whole run.
 */
async function taskPolicy(
  config: FileConfig,
  setup: PointSetup,
  scenario: Scenario,
  seed: number,
  solved: Solved,
): Promise<{ policy: Policy; owned?: ProcessPolicy }> {
  const folder = resolve(config.folder ?? '.');
  if (setup.policyCmd !== undefined) {
    const owned = startCommandPolicy(setup.policyCmd, {
      timeoutS: setup.policyTimeoutS ?? DEFAULT_POLICY_TIMEOUT_S,
      timeoutName: 'simulation.policyTimeoutS',
      cwd: folder,
      seed,
    });
    return { policy: owned.policy, owned };
  }
  const named = setup.policy ?? (setup.epochS < Infinity ? setup.method : undefined);
  if (named === undefined) return { policy: staticPolicy(solved.allocation) };
  if (isModulePath(named))
    return {
      policy: await loadPolicyModule(
        resolve(folder, named),
        { scenario, seed },
        `simulation.policy ${named}`,
      ),
    };
  return { policy: policyNamed(named, { seed })! };
}

/** The optimizer's objective after each outer iteration, padded to record.iterations rows. */
function iterationCells(config: FileConfig, solved: Solved): Row[] {
  const h = solved.history;
  const final = h[h.length - 1]!;
  const count = Math.max(config.file.record.iterations ?? 0, h.length);
  return Array.from({ length: count }, (_, i) => {
    const cells: Record<string, Cell> = { iteration: i + 1 };
    if (has(config, 'analytic'))
      Object.assign(cells, { objective: h[i] ?? final, gapToFinal: (h[i] ?? final) / final - 1 });
    if (has(config, 'iterations'))
      Object.assign(cells, {
        iterations: i === 0 ? h.length : null,
        lpSolves: i === 0 ? solved.lpSolves : null,
      });
    return cells;
  });
}

/** Solutions of one task, by everything a solve depends on: within-points that change only the
 *  simulation (or a label) reuse the solution instead of solving the same problem again. */
type SolveCache = Map<string, Promise<Solved>>;

/** The recorded cells of one method on the point's scenario: solved, and simulated if asked. */
async function methodCells(
  config: FileConfig,
  setup: PointSetup,
  scenario: Scenario,
  seed: number,
  method: Method,
  cache: SolveCache,
  time: TimingSink | undefined,
): Promise<Row[]> {
  const t0 = performance.now();
  const key = JSON.stringify([setup.settings, setup.sets, method, setup.starts, setup.fix ?? null]);
  if (!cache.has(key))
    cache.set(key, solve(scenario, method, { seed, starts: setup.starts, fix: setup.fix }));
  const solved = await cache.get(key)!;
  time?.('optimizeS', (performance.now() - t0) / 1000);
  let sim: SimResult | undefined;
  let report: ValidationReport | undefined;
  if (setup.simulation !== undefined) {
    const t1 = performance.now();
    const { policy, owned } = await taskPolicy(config, { ...setup, method }, scenario, seed, solved);
    const simConfig = setup.simulation;
    sim = await withProcess(owned, () => simulate(scenario, { policy, seed, config: simConfig }));
    time?.('simulateS', (performance.now() - t1) / 1000);
    report = compareWithAnalytic(evaluate(scenario, solved.allocation), sim.metrics);
  }
  const per = config.file.record.per;
  if (per === 'iteration') return iterationCells(config, solved);
  if (per === 'user') return userCells(config, solved, sim, report);
  return [taskCells(config, solved, sim, report)];
}

/**
 * The rows of one task: for each within-point (one without within axes), the point's scenario
 * for the run's seed, solved by its method or by each of optimizer.methods. Wall times are
 * summed over the within-points: one figure per task in wall-time.csv.
 */
export async function runFileTask(
  task: Task,
  seed: number,
  config: FileConfig,
  sink?: TimingSink,
): Promise<Row[]> {
  const seconds = new Map<string, number>();
  const cache: SolveCache = new Map();
  const rows: Row[] = [];
  for (const within of withinPoints(config.file)) {
    const point = { ...task.point, ...within };
    const setup = pointSetup(config.file, point);
    const scenario = pointScenario(config, setup, seed);
    const lead = { ...point, run: task.run };
    for (const method of setup.methods ?? [setup.method]) {
      const compared: Row = setup.methods === undefined ? {} : { method };
      // In a comparison, one wall time per method: wall-time.csv gets a column for each.
      const time = has(config, 'time')
        ? (name: string, s: number) => {
            const column = setup.methods === undefined ? name : `${method}_${name}`;
            seconds.set(column, (seconds.get(column) ?? 0) + s);
          }
        : undefined;
      const cells = await methodCells(config, setup, scenario, seed, method, cache, time);
      rows.push(...cells.map((c) => ({ ...lead, ...compared, ...c })));
    }
  }
  if (sink !== undefined) for (const [name, s] of seconds) sink(name, s);
  // Only the file's columns, so the run files hold what rows.csv does.
  const { columns } = fileColumns(config.file);
  return rows.map((r) => Object.fromEntries(columns.filter((c) => c in r).map((c) => [c, r[c]!])));
}
