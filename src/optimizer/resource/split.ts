/**
 * The split α_n: the surrogate's α-block (relaxed to [1, Υ]), the direct integer choice, and the
 * rounding of a relaxed split (MODEL.md §6).
 */
import { userObjectiveTerm } from '../../model/index.ts';
import { stabilityCost } from '../costs.ts';
import type { Instance } from '../instance.ts';
import { increasingRoot } from '../solvers/roots.ts';

/**
 * Relaxed α stays this far (relative) below Υ: q_n = B/(2(Υ − α)) must stay finite. Only matters
 * when ω_s = 0, since AS_n keeps α away from Υ otherwise.
 */
export const RELAXED_SPLIT_MARGIN = 1e-9;

/**
 * The α-block of surrogate (13) for one user: min α²·z + (Υ − α)²·q + ω_s·AS(α) on [1, Υ); its
 * derivative 2αz − 2(Υ − α)q + ω_s·AS'(α) is increasing (each term convex).
 */
export function surrogateSplit(inst: Instance, n: number, z: number, q: number): number {
  const layers = inst.layers;
  const c = inst.stabilityCoef[n] ?? NaN;
  const slope = (a: number): number => {
    const gap = 1 - a / layers;
    return 2 * a * z - 2 * (layers - a) * q + c / (layers * gap * gap);
  };
  return increasingRoot(slope, 1, layers * (1 - RELAXED_SPLIT_MARGIN));
}

/**
 * One user's cost as a function of an integer split, the resources held fixed:
 * α·A + [α < Υ]·(uplink(α) + (Υ − α)·B) + ω_s·AS(α). `uplinkCost(α)` prices the uplink for the bits
 * that split sends (token ids at α = 0).
 */
export function splitCost(
  inst: Instance,
  n: number,
  alpha: number,
  localLayerCost: number,
  uplinkCost: (alpha: number) => number,
  edgeLayerCost: number,
): number {
  const uplink = alpha < inst.layers ? uplinkCost(alpha) : 0;
  return userObjectiveTerm(
    inst.layers,
    alpha,
    stabilityCost(inst, n, alpha),
    localLayerCost,
    uplink,
    edgeLayerCost,
  );
}

/** The best integer split in [lo, hi] with the resources fixed (ties go to the smaller α). */
export function bestIntegerSplit(
  inst: Instance,
  n: number,
  lo: number,
  hi: number,
  localLayerCost: number,
  uplinkCost: (alpha: number) => number,
  edgeLayerCost: number,
): number {
  let best = lo;
  let bestCost = Infinity;
  for (let a = lo; a <= hi; a++) {
    const cost = splitCost(inst, n, a, localLayerCost, uplinkCost, edgeLayerCost);
    if (cost < bestCost) {
      best = a;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * **[mecsim]** Rounding of a relaxed split: of ⌊α⌋ and ⌈α⌉ (in [1, Υ]) the one with the lower
 * cost at the current resources. "Nearest integer" ignores that the cost is not symmetric
 * around α (the stability term is convex); comparing both neighbours costs two evaluations.
 */
export function roundSplit(
  inst: Instance,
  n: number,
  relaxed: number,
  localLayerCost: number,
  uplinkCost: (alpha: number) => number,
  edgeLayerCost: number,
): number {
  const lo = Math.max(1, Math.min(inst.layers, Math.floor(relaxed)));
  const hi = Math.max(1, Math.min(inst.layers, Math.ceil(relaxed)));
  return bestIntegerSplit(inst, n, lo, hi, localLayerCost, uplinkCost, edgeLayerCost);
}
