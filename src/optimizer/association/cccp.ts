/**
 * The association LP and the concave–convex procedure (MODEL.md §6, step 2; paper (46)–(51)).
 *
 * With the resources fixed, the objective is linear in χ; (9b) is replaced by 0 ≤ χ ≤ 1 (46) and
 * Σ χ(1 − χ) ≤ 0 (47), and (47) moves into the objective with the exact penalty ϱ (Lemma 1).
 * CCCP linearises the concave penalty at χ^(i), so each iteration is the LP
 *
 *     min Σ [c_{n,m} + ϱ·(1 − 2χ^(i)_{n,m})]·χ_{n,m}   s.t. Σ_m χ_{n,m} = 1 (9c), Σ_n χ_{n,m} ≤ K_m, 0 ≤ χ ≤ 1
 *
 * until χ stops changing. **[mecsim]** The server rows are load caps K_m (see `loadCaps`), the
 * "load constraints per server" MODEL.md allows: the budget equalities (9e), (9g) are met by the
 * resource step for whatever users a server gets, and the prices in the costs already make a
 * crowded server expensive. **[mecsim]** No penalty threshold: Lemma 1 raises ϱ until the
 * penalised problem's solutions are binary, but these rows form a transportation polytope
 * (totally unimodular), so every LP optimum the solvers return (`assignment.ts`) is already
 * binary, and ϱ acts only as a proximal weight that keeps χ near its starting point.
 */
import type { AssignmentSolver } from './assignment.ts';
import type { PairCosts } from './pair-costs.ts';

/** A fractional association: χ_{n,m} for each LP user and each of its candidate servers. */
export type Fractional = number[][];

/**
 * CCCP without the load-cap rows. The LP then separates per user — min over its candidates of
 * c_j + ϱ·(1 − 2χ_j) — so each iteration is an argmin (ties to the lowest candidate) and no LP
 * is solved. From a one-hot start a user moves only if another server saves it more than 2ϱ,
 * and then stays: CCCP stops after at most two iterations.
 */
export function uncappedCccp(scaledCost: Fractional, start: Fractional, penalty: number): number[] {
  return scaledCost.map((row, i) => {
    let x = start[i] ?? [];
    for (let it = 0; it < 3; it++) {
      let best = 0;
      let bestCost = Infinity;
      row.forEach((c, j) => {
        const linear = c + penalty * (1 - 2 * (x[j] ?? 0));
        if (linear < bestCost) {
          best = j;
          bestCost = linear;
        }
      });
      const next = row.map((_, j) => (j === best ? 1 : 0));
      const moved = next.some((v, j) => v !== (x[j] ?? 0));
      x = next;
      if (!moved) return best;
    }
    throw new Error('uncapped CCCP did not settle in three iterations');
  });
}

/** **[mecsim]** Load cap K_m = ⌈loadFactor · (users in the LP) / (usable servers)⌉, at least 1. */
export function loadCaps(
  servers: number,
  lpUsers: number,
  usableServers: number,
  loadFactor: number,
): number {
  return Math.max(1, Math.ceil((loadFactor * lpUsers) / Math.max(1, usableServers)));
}

export interface CccpResult {
  /** Chosen candidate index per LP user. */
  readonly choice: number[];
  readonly lpSolves: number;
}

/**
 * CCCP from `start` with penalty `penalty` (in the units of the scaled costs): the LP with the
 * penalty linearised at the current association, until the association stops changing.
 */
export function runCccp(
  assign: AssignmentSolver,
  pc: PairCosts,
  scaledCost: Fractional,
  start: Fractional,
  penalty: number,
  cap: number,
  servers: number,
): CccpResult {
  let x = start;
  let choice: number[] = [];
  let lpSolves = 0;
  for (let it = 0; it < 50; it++) {
    const linear = scaledCost.map((row, i) => row.map((c, j) => c + penalty * (1 - 2 * (x[i]?.[j] ?? 0))));
    choice = assign(pc, linear, cap, servers);
    lpSolves++;
    const next = choice.map((j, i) => (pc.servers[i] ?? []).map((_, k) => (k === j ? 1 : 0)));
    const moved = next.some((row, i) => row.some((v, j) => v !== (x[i]?.[j] ?? 0)));
    x = next;
    if (!moved) break;
  }
  return { choice, lpSolves };
}
