/**
 * Step 1 of the proposed method (MODEL.md §6, paper §4.1): given the association, optimise the
 * split and every resource through the quadratic transform of Zhao, Qian & Yu.
 *
 * Each iteration sets the auxiliaries in closed form (z_n = A_n/(2α_n), v_n = 1/(2·C_n·r_n),
 * q_n = B_n/(2(Υ − α_n))) and then minimises the convex surrogate K (13) exactly; K separates into
 * blocks that share no variable — α_n per user, f_n per user (closed form f_n*), each server's
 * frequency shares (water-filling), each server's (p, b) (block-coordinate descent to a KKT
 * tolerance) — so minimising every block minimises K. Proposition 1: the true objective never
 * increases and the loop reaches a stationary point of the relaxed problem. Then α is rounded and
 * the continuous variables are re-solved with α fixed.
 */
import { edgeLayerCost, localLayerCost, rateBps, uplinkFactor } from '../costs.ts';
import { edgeSharesSurrogate } from './edge-frequency.ts';
import { bitsFor, type Instance } from '../instance.ts';
import { clonePlan, newPlan, planObjective, type Plan } from '../plan.ts';
import { prepareShares, uplinkGroups } from './shares.ts';
import { roundSplit, surrogateSplit } from './split.ts';
import { solveUplinkSurrogate } from './uplink-surrogate.ts';
import { relaxedOptimalLocalLayers } from '../../model/index.ts';
import { at } from '../at.ts';

/** Tolerances of the resource step. */
export interface ResourceTolerances {
  /** Stop the transform's outer loop when the objective falls by less than this (relative). */
  readonly objectiveRelTol: number;
  /** KKT residual (relative) to which each server's (p, b) block is solved. */
  readonly kktTol: number;
  readonly maxIterations: number;
}

/**
 * **[mecsim]** defaults: 1e-15 relative on the objective (until it stops falling at double
 * precision), 1e-9 on the KKT residuals, at most 300 iterations. At 1e-9 the transform stopped
 * about 1e-9 (relative) above the optimum that `ao`'s direct block solves reach, at 1e-12 about
 * 1e-12; at 1e-15 the two agree to round-off, at no measurable cost in time (the last iterations
 * are cheap passes that change little). The cap binds only with the paper's exact objective (no uplink delay): there the
 * uplink term depends on p/b alone and falls as p → p_min, and the transform creeps towards
 * p_min sublinearly (thousands of iterations for the last 0.1%); with mecsim's default objective
 * it converges in 30–150 iterations.
 */
export const DEFAULT_RESOURCE_TOLERANCES: ResourceTolerances = {
  objectiveRelTol: 1e-15,
  kktTol: 1e-9,
  maxIterations: 300,
};

export interface TransformRun {
  /** Objective after every iteration (index 0: the start); non-increasing (Proposition 1). */
  readonly objectives: number[];
}

/**
 * Runs the transform's alternation on `plan` in place: α is updated when `relaxSplit`, else held.
 * The association is fixed; users with α_n = Υ hold no server share.
 */
export function runTransform(
  inst: Instance,
  plan: Plan,
  relaxSplit: boolean,
  tol: ResourceTolerances,
): TransformRun {
  const members = prepareShares(inst, plan);
  const groups = uplinkGroups(inst, plan, members);
  const z = new Float64Array(inst.users);
  const v = new Float64Array(inst.users);
  const q = new Float64Array(inst.users);
  const scratch = new Float64Array(inst.users);
  const local = new Float64Array(inst.users);
  const objectives = [planObjective(inst, plan)];
  for (let it = 0; it < tol.maxIterations; it++) {
    for (let n = 0; n < inst.users; n++) {
      const alpha = plan.localLayers[n] ?? NaN;
      plan.userFreqHz[n] = inst.userFreqHz[n] ?? NaN;
      z[n] = alpha > 0 ? localLayerCost(inst, n, plan.userFreqHz[n] ?? NaN) / (2 * alpha) : 0;
      if (alpha >= inst.layers) continue;
      const m = at(plan.association, n);
      const p = plan.powerW[n] ?? NaN;
      const bits = bitsFor(inst, n, alpha);
      v[n] = 1 / (2 * uplinkFactor(inst, bits, p) * rateBps(inst, n, m, p, plan.bandwidthHz[n] ?? NaN));
      q[n] = edgeLayerCost(inst, n, m, plan.edgeFreqHz[n] ?? NaN) / (2 * (inst.layers - alpha));
    }
    if (relaxSplit)
      for (let n = 0; n < inst.users; n++)
        plan.localLayers[n] = surrogateSplit(inst, n, z[n] ?? NaN, q[n] ?? NaN);
    for (const g of groups) {
      if (g.users.length === 0) continue;
      g.users.forEach((n, i) => {
        local[i] = q[n] ?? NaN;
        scratch[i] = plan.edgeFreqHz[n] ?? NaN;
      });
      edgeSharesSurrogate(inst, g.server, g.users, local, scratch);
      g.users.forEach((n, i) => {
        plan.edgeFreqHz[n] = scratch[i] ?? NaN;
      });
      g.users.forEach((n, i) => {
        local[i] = v[n] ?? NaN;
      });
      solveUplinkSurrogate(inst, g, local, plan.powerW, plan.bandwidthHz, tol.kktTol, scratch);
    }
    const before = objectives[objectives.length - 1] ?? Infinity;
    const after = planObjective(inst, plan);
    objectives.push(after);
    if (!(before - after > tol.objectiveRelTol * Math.abs(after))) break;
  }
  return { objectives };
}

/** Fresh resources for an association: equal shares, maximum power, f_n*. */
export function initialPlan(inst: Instance, association: Int32Array, localLayers: ArrayLike<number>): Plan {
  const plan = newPlan(inst.users);
  plan.association.set(association);
  for (let n = 0; n < inst.users; n++) plan.localLayers[n] = localLayers[n] ?? 1;
  plan.powerW.set(inst.maxPowerW);
  plan.userFreqHz.set(inst.userFreqHz);
  prepareShares(inst, plan);
  return plan;
}

/** The plan a resource step starts from: the warm plan moved to `association`, or fresh resources
 *  with the split `localLayers`. */
export function startingPlan(
  inst: Instance,
  association: Int32Array,
  warm: Plan | undefined,
  localLayers: ArrayLike<number>,
): Plan {
  const plan = warm === undefined ? initialPlan(inst, association, localLayers) : clonePlan(warm);
  plan.association.set(association);
  return plan;
}

/** Rounds every relaxed α_n (see `roundSplit`) at the plan's current resources. */
export function roundPlanSplit(inst: Instance, plan: Plan): void {
  for (let n = 0; n < inst.users; n++) {
    const m = at(plan.association, n);
    const p = plan.powerW[n] ?? NaN;
    const uplink = (a: number): number =>
      uplinkFactor(inst, bitsFor(inst, n, a), p) / rateBps(inst, n, m, p, plan.bandwidthHz[n] ?? NaN);
    plan.localLayers[n] = roundSplit(
      inst,
      n,
      plan.localLayers[n] ?? 1,
      localLayerCost(inst, n, plan.userFreqHz[n] ?? NaN),
      uplink,
      edgeLayerCost(inst, n, m, plan.edgeFreqHz[n] ?? NaN),
    );
  }
}

/** What a resource step returns: an integral plan and how the transform ran. */
export interface ResourceResult {
  readonly plan: Plan;
  readonly objective: number;
  /** Transform iterations, relaxed and re-solve together. */
  readonly innerIterations: number;
}

/**
 * The proposed resource step: relaxed transform from the warm plan (or a fresh one whose α starts
 * at the closed-form α* of MODEL.md §6), rounding, and the transform again with α fixed.
 */
export function proposedResources(
  inst: Instance,
  association: Int32Array,
  warm: Plan | undefined,
  tol: ResourceTolerances,
): ResourceResult {
  const plan = startingPlan(inst, association, warm, new Float64Array(inst.users).fill(1));
  if (warm === undefined) {
    prepareShares(inst, plan);
    for (let n = 0; n < inst.users; n++) {
      const m = at(plan.association, n);
      plan.localLayers[n] = Math.min(
        inst.layers * (1 - 1e-9),
        relaxedOptimalLocalLayers(
          inst.localLayerCost[n] ?? NaN,
          edgeLayerCost(inst, n, m, plan.edgeFreqHz[n] ?? NaN),
          inst.stabilityWeight,
          inst.lipschitz,
          inst.datasetSize[n] ?? NaN,
          inst.layers,
        ),
      );
    }
  } else {
    // A warm split that went local-only must send again to be relaxed.
    for (let n = 0; n < inst.users; n++)
      plan.localLayers[n] = Math.min(plan.localLayers[n] ?? 1, inst.layers * (1 - 1e-9));
  }
  const relaxed = runTransform(inst, plan, true, tol);
  roundPlanSplit(inst, plan);
  const fixed = runTransform(inst, plan, false, tol);
  return {
    plan,
    objective: fixed.objectives[fixed.objectives.length - 1] ?? NaN,
    innerIterations: relaxed.objectives.length + fixed.objectives.length - 2,
  };
}

/** The transform with every α_n held at `split` (edge-only, resources-only, greedy, random). */
export function fixedSplitResources(
  inst: Instance,
  association: Int32Array,
  split: ArrayLike<number>,
  warm: Plan | undefined,
  tol: ResourceTolerances,
): ResourceResult {
  const plan = startingPlan(inst, association, warm, split);
  for (let n = 0; n < inst.users; n++) plan.localLayers[n] = split[n] ?? 1;
  const run = runTransform(inst, plan, false, tol);
  return {
    plan,
    objective: run.objectives[run.objectives.length - 1] ?? NaN,
    innerIterations: run.objectives.length - 1,
  };
}
