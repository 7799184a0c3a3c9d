/**
 * The `ao` baseline's resource step (MODEL.md §7): the conventional alternating optimisation of
 * the literature, without the quadratic transform. It alternates two blocks, each optimised
 * directly (to its global optimum) with the other fixed:
 *
 * - resources given the integer split: f_n* in closed form, each server's GPU shares by
 *   water-filling on (Υ − α)·B, each server's (p, b) by water-filling on φ_n (`uplink-direct.ts`);
 * - the integer split given the resources: each user's α_n ∈ {1..Υ} by enumeration.
 *
 * What differs from the proposed method is only how the split and the resources meet: `ao` never
 * relaxes α and moves one block at a time, so a split that pays off only together with new
 * shares is not found; the proposed method moves α (relaxed) and every resource in one convex
 * surrogate step. The association step is the same.
 */
import { edgeLayerCost, localLayerCost, rateBps, uplinkFactor } from '../costs.ts';
import { edgeSharesDirect } from './edge-frequency.ts';
import { bitsFor, type Instance } from '../instance.ts';
import { planObjective, type Plan } from '../plan.ts';
import type { ResourceResult, ResourceTolerances } from './transform.ts';
import { startingPlan } from './transform.ts';
import { prepareShares, uplinkGroups } from './shares.ts';
import { bestIntegerSplit } from './split.ts';
import { solveUplinkDirect } from './uplink-direct.ts';
import { at } from '../at.ts';

/** Optimal resources for the plan's association and (integer) split, in place. */
export function directResources(inst: Instance, plan: Plan): void {
  const members = prepareShares(inst, plan);
  plan.userFreqHz.set(inst.userFreqHz);
  const scratch = new Float64Array(inst.users);
  const edgeLayers = new Float64Array(inst.users);
  for (const g of uplinkGroups(inst, plan, members)) {
    if (g.users.length === 0) continue;
    g.users.forEach((n, i) => {
      edgeLayers[i] = inst.layers - (plan.localLayers[n] ?? NaN);
      scratch[i] = plan.edgeFreqHz[n] ?? NaN;
    });
    edgeSharesDirect(inst, g.server, g.users, edgeLayers, scratch);
    g.users.forEach((n, i) => {
      plan.edgeFreqHz[n] = scratch[i] ?? NaN;
    });
    solveUplinkDirect(inst, g, plan.powerW, plan.bandwidthHz, scratch);
  }
}

/** Each user's best integer split in [lo, hi] at the plan's resources, in place; true if any changed. */
export function directSplit(inst: Instance, plan: Plan, lo: number, hi: number): boolean {
  let changed = false;
  for (let n = 0; n < inst.users; n++) {
    const m = at(plan.association, n);
    const p = plan.powerW[n] ?? NaN;
    const b = plan.bandwidthHz[n] ?? 0;
    const uplink = (a: number): number =>
      uplinkFactor(inst, bitsFor(inst, n, a), p) / rateBps(inst, n, m, p, b);
    const edge = b > 0 ? edgeLayerCost(inst, n, m, plan.edgeFreqHz[n] ?? NaN) : Infinity;
    const alpha = bestIntegerSplit(
      inst,
      n,
      lo,
      hi,
      localLayerCost(inst, n, plan.userFreqHz[n] ?? NaN),
      uplink,
      edge,
    );
    if (alpha !== plan.localLayers[n]) changed = true;
    plan.localLayers[n] = alpha;
  }
  return changed;
}

/**
 * `ao`: resources and integer split alternated until the split stops changing; with `heldSplit`
 * (a fixed split) the split block is skipped and one resource pass is the optimum.
 */
export function aoResources(
  inst: Instance,
  association: Int32Array,
  warm: Plan | undefined,
  tol: ResourceTolerances,
  heldSplit?: Float64Array,
): ResourceResult {
  const plan = startingPlan(inst, association, warm, heldSplit ?? new Float64Array(inst.users).fill(1));
  if (heldSplit !== undefined) {
    plan.localLayers.set(heldSplit);
    directResources(inst, plan);
    return { plan, objective: planObjective(inst, plan), innerIterations: 1 };
  }
  let iterations = 0;
  for (; iterations < tol.maxIterations; iterations++) {
    directResources(inst, plan);
    if (!directSplit(inst, plan, 1, inst.layers)) break;
  }
  return { plan, objective: planObjective(inst, plan), innerIterations: iterations + 1 };
}
