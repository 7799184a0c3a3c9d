/**
 * Edge GPU frequency shares of one server, (9g): Σ_n f_{n,m} = f_m^max over the users that send
 * to m. Both objectives below are separable and convex in the shares, so the optimum is a
 * one-multiplier water-filling (MODEL.md §6): every user's marginal equals the server's level.
 */
import { edgeLayerCost, edgeLayerCostCurvature, edgeLayerCostSlope } from '../costs.ts';
import type { Instance } from '../instance.ts';
import { newtonLevelRoot, waterFill, type SmoothMarginal } from '../solvers/roots.ts';
import { at } from '../at.ts';

/**
 * Proposed method, surrogate (13): min Σ B_{n,m}(f_n)²/(4 q_n); marginal B·B'/(2q), increasing
 * because B is positive and convex (so B² is convex), with slope (B'² + B·B'')/(2q) for Newton.
 *
 * @param users the server's sending users; `q` their auxiliaries, aligned with `users`
 * @returns the level (the negated multiplier of (9g))
 */
export function edgeSharesSurrogate(
  inst: Instance,
  m: number,
  users: readonly number[],
  q: Float64Array,
  out: Float64Array,
): number {
  let slope = NaN;
  const marginal: SmoothMarginal = {
    at(i, f) {
      const n = at(users, i);
      const cost = edgeLayerCost(inst, n, m, f);
      const costSlope = edgeLayerCostSlope(inst, n, m, f);
      const twoQ = 2 * (q[i] ?? NaN);
      slope = (costSlope * costSlope + cost * edgeLayerCostCurvature(inst, n, m, f)) / twoQ;
      return (cost * costSlope) / twoQ;
    },
    slopeAtLast: () => slope,
  };
  return waterFill(users.length, marginal, inst.frequencyBudgetHz[m] ?? NaN, out);
}

/**
 * Direct objective (`ao`, exact): min Σ (Υ − α_n)·B_{n,m}(f_n); marginal (Υ − α)·B', increasing
 * because B is convex, with slope (Υ − α)·B''.
 *
 * @param edgeLayers Υ − α_n for each of `users`
 */
export function edgeSharesDirect(
  inst: Instance,
  m: number,
  users: readonly number[],
  edgeLayers: ArrayLike<number>,
  out: Float64Array,
): number {
  let slope = NaN;
  const marginal: SmoothMarginal = {
    at(i, f) {
      const n = at(users, i);
      const w = edgeLayers[i] ?? NaN;
      slope = w * edgeLayerCostCurvature(inst, n, m, f);
      return w * edgeLayerCostSlope(inst, n, m, f);
    },
    slopeAtLast: () => slope,
  };
  return waterFill(users.length, marginal, inst.frequencyBudgetHz[m] ?? NaN, out);
}

/**
 * The share of m's frequency that user n would buy at the price `level` (the negated multiplier
 * of (9g)): argmin_f (Υ − α)·B_{n,m}(f) + level·f on (0, f_m^max]. For a member of m at the
 * direct optimum this is its current share (same first-order condition). Newton from `guessHz`
 * on (Υ−α)·B'(f) = −price, whose slope (Υ−α)·B'' is positive: B is convex.
 */
export function edgeShareAtPrice(
  inst: Instance,
  n: number,
  m: number,
  edgeLayers: number,
  price: number,
  guessHz: number,
): number {
  const total = inst.frequencyBudgetHz[m] ?? NaN;
  return newtonLevelRoot(new EdgeSlope(inst, n, m, edgeLayers), 0, -price, guessHz, total * 1e-18, total);
}

/**
 * (Υ−α)·B'(f) of one user with its slope, as Newton's marginal in f: a class because one is made
 * per user-server pair of every association step, where a literal's methods would be new closures.
 */
class EdgeSlope implements SmoothMarginal {
  private slope = NaN;
  constructor(
    private readonly inst: Instance,
    private readonly n: number,
    private readonly m: number,
    private readonly edgeLayers: number,
  ) {}
  at(_i: number, f: number): number {
    this.slope = this.edgeLayers * edgeLayerCostCurvature(this.inst, this.n, this.m, f);
    return this.edgeLayers * edgeLayerCostSlope(this.inst, this.n, this.m, f);
  }
  slopeAtLast(): number {
    return this.slope;
  }
}
