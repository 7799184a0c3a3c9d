/**
 * `mecsim bench`, section `optimizer`: wall time and outer iterations of the proposed method on
 * paper-default networks of 50×10, 100×10 and 1000×100 (users × servers), default options, one
 * core. Goals (issue 4): under 5 s at 50×10 and under 2 minutes at 1000×100.
 */
import { optimize } from '../../src/optimizer/index.ts';
import { generateScenario } from '../../src/scenario/index.ts';

export interface OptimizerBenchRow {
  users: number;
  servers: number;
  wallS: number;
  /** Outer iterations of the kept start, and LPs solved over all starts. */
  outerIterations: number;
  starts: number;
  lpSolves: number;
  objective: number;
}

export interface OptimizerBench {
  algorithm: 'proposed';
  preset: 'paper';
  seed: number;
  goals: { '50x10': number; '1000x100': number };
  rows: OptimizerBenchRow[];
}

export const OPTIMIZER_BENCH_SIZES: readonly (readonly [number, number])[] = [[50, 10], [100, 10], [1000, 100]];

export async function benchOptimizer(sizes = OPTIMIZER_BENCH_SIZES): Promise<OptimizerBench> {
  const seed = 1;
  const rows: OptimizerBenchRow[] = [];
  for (const [users, servers] of sizes) {
    const scenario = generateScenario({ seed, users, servers });
    const t0 = performance.now();
    const s = await optimize(scenario, { algorithm: 'proposed', seed });
    rows.push({
      users, servers, wallS: (performance.now() - t0) / 1000,
      outerIterations: s.iterations, starts: s.starts, lpSolves: s.lpSolves, objective: s.objective,
    });
  }
  return { algorithm: 'proposed', preset: 'paper', seed, goals: { '50x10': 5, '1000x100': 120 }, rows };
}

export function formatOptimizer(o: OptimizerBench): string[] {
  return [
    `optimizer: ${o.algorithm} method, ${o.preset} preset, seed ${o.seed} (goals: < ${o.goals['50x10']} s at 50x10, < ${o.goals['1000x100']} s at 1000x100)`,
    ...o.rows.map((r) => `  ${`${r.users}x${r.servers}`.padEnd(9)} ${r.wallS.toFixed(2).padStart(8)} s   ${r.outerIterations} outer iteration(s), `
      + `${r.starts} start(s), ${r.lpSolves} LPs, objective ${r.objective.toPrecision(6)}`),
  ];
}
