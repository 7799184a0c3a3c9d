/**
 * The LP solver behind the association step: HiGHS (the `highs` WebAssembly package), loaded
 * once and reused; each `solve` builds and frees a fresh native model, so the WASM heap does
 * not grow with the number of solves (tested).
 */
import highsLoader from 'highs';
import { renderLp, type LinearProgram } from './lp.ts';

/** HiGHS ended without an optimal solution (a bug in the LP we built, or a solver failure). */
export class LpSolveError extends Error {
  override readonly name = 'LpSolveError';
  constructor(readonly status: string) {
    super(`the association LP was not solved to optimality: HiGHS status '${status}'`);
  }
}

export interface LpSolution {
  readonly objective: number;
  /** Primal value of every variable, by name. */
  readonly values: ReadonlyMap<string, number>;
}

/** Solves linear programs; one instance serves a whole optimisation. */
export interface LpSolver {
  solve(lp: LinearProgram): LpSolution;
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loading: Promise<Highs> | undefined;

/**
 * The shared HiGHS instance. Loading the WASM module is the one expensive step, so it is done once
 * per process (the module holds no model state between solves: `solve` is one-shot).
 */
export async function highsSolver(): Promise<LpSolver> {
  loading ??= highsLoader();
  const highs = await loading;
  return {
    solve(lp: LinearProgram): LpSolution {
      // Dual simplex gives a vertex: on the association LP (a transportation polytope) a vertex
      // is already binary, which the exact penalty relies on only as a fallback.
      const result = highs.solve(renderLp(lp), { output_flag: false, solver: 'simplex', presolve: 'on' });
      if (result.Status !== 'Optimal') throw new LpSolveError(result.Status);
      const values = new Map<string, number>();
      for (const [name, col] of Object.entries(result.Columns)) values.set(name, col.Primal);
      return { objective: result.ObjectiveValue, values };
    },
  };
}
