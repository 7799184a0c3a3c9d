/**
 * Who solves the association LP of one CCCP iteration (MODEL.md §6, step 2):
 *
 *     min Σ c_{n,m}·χ_{n,m}   s.t. Σ_m χ_{n,m} = 1 (9c), Σ_n χ_{n,m} ≤ K_m, 0 ≤ χ ≤ 1
 *
 * Its rows form a transportation polytope (totally unimodular), so an optimal vertex is binary
 * and a solver can answer with one candidate per user. Two solvers give the same optimum: the
 * min-cost flow of `solvers/transport.ts` (the default: exact and fast at city scale) and HiGHS on
 * the LP as written (the reference the tests compare it with).
 */
import type { LinearProgram, LinearTerm, LpRow } from '../solvers/lp.ts';
import type { LpSolver } from '../solvers/highs.ts';
import { cappedAssignment } from '../solvers/transport.ts';
import type { PairCosts } from './pair-costs.ts';

/** The chosen candidate index of each LP user for linear costs `cost` and load cap `cap`. */
export type AssignmentSolver = (
  pc: PairCosts,
  cost: readonly (readonly number[])[],
  cap: number,
  servers: number,
) => number[];

/** The min-cost flow (successive shortest paths): exact, O(excess · servers²). */
export const flowAssignment: AssignmentSolver = (pc, cost, cap, servers) =>
  cappedAssignment(pc.servers, cost, cap, servers);

const varName = (n: number, m: number): string => `x${n}_${m}`;

/** The LP of one CCCP iteration, as data (cap rows only where a server has more candidates than K). */
export function associationLp(
  pc: PairCosts,
  cost: readonly (readonly number[])[],
  cap: number,
  servers: number,
): LinearProgram {
  const variables: string[] = [];
  const objective: LinearTerm[] = [];
  const rows: LpRow[] = [];
  const perServer: LinearTerm[][] = Array.from({ length: servers }, () => []);
  pc.users.forEach((n, i) => {
    const terms: LinearTerm[] = [];
    (pc.servers[i] ?? []).forEach((m, j) => {
      const variable = varName(n, m);
      variables.push(variable);
      objective.push({ variable, coef: cost[i]?.[j] ?? NaN });
      terms.push({ variable, coef: 1 });
      perServer[m]?.push({ variable, coef: 1 });
    });
    rows.push({ name: `u${n}`, terms, sense: '=', rhs: 1 });
  });
  perServer.forEach((terms, m) => {
    if (terms.length > cap) rows.push({ name: `s${m}`, terms, sense: '<=', rhs: cap });
  });
  return { variables, objective, rows, lower: 0, upper: 1 };
}

/** HiGHS on `associationLp`; its dual simplex ends on a vertex, which is binary here. */
export function highsAssignment(solver: LpSolver): AssignmentSolver {
  return (pc, cost, cap, servers) => {
    const sol = solver.solve(associationLp(pc, cost, cap, servers));
    return pc.users.map((n, i) => {
      const values = (pc.servers[i] ?? []).map((m) => sol.values.get(varName(n, m)) ?? 0);
      return values.reduce((best, v, j) => (v > (values[best] ?? -1) ? j : best), 0);
    });
  };
}
