/**
 * A working allocation in flat arrays (the optimizer's mutable twin of the model's `Allocation`),
 * with its objective and the users each server hosts.
 */
import type { Allocation } from '../model/index.ts';
import { userObjective, type UserPoint } from './costs.ts';
import type { Instance } from './instance.ts';
import { at } from './at.ts';

export interface Plan {
  readonly association: Int32Array;
  /** α_n; fractional only inside the relaxed resource step. */
  readonly localLayers: Float64Array;
  readonly powerW: Float64Array;
  readonly bandwidthHz: Float64Array;
  readonly userFreqHz: Float64Array;
  readonly edgeFreqHz: Float64Array;
}

export function newPlan(users: number): Plan {
  return {
    association: new Int32Array(users),
    localLayers: new Float64Array(users),
    powerW: new Float64Array(users),
    bandwidthHz: new Float64Array(users),
    userFreqHz: new Float64Array(users),
    edgeFreqHz: new Float64Array(users),
  };
}

export function clonePlan(p: Plan): Plan {
  return {
    association: p.association.slice(),
    localLayers: p.localLayers.slice(),
    powerW: p.powerW.slice(),
    bandwidthHz: p.bandwidthHz.slice(),
    userFreqHz: p.userFreqHz.slice(),
    edgeFreqHz: p.edgeFreqHz.slice(),
  };
}

/** Reads user n of a plan into a scratch record. */
export function userPoint(p: Plan, n: number, out: UserPoint): UserPoint {
  out.server = at(p.association, n);
  out.localLayers = p.localLayers[n] ?? NaN;
  out.powerW = p.powerW[n] ?? NaN;
  out.bandwidthHz = p.bandwidthHz[n] ?? NaN;
  out.userFreqHz = p.userFreqHz[n] ?? NaN;
  out.edgeFreqHz = p.edgeFreqHz[n] ?? NaN;
  return out;
}

export function newUserPoint(): UserPoint {
  return { server: 0, localLayers: 1, powerW: 0, bandwidthHz: 0, userFreqHz: 0, edgeFreqHz: 0 };
}

/** The objective of problem (9) at a plan (equals evaluate(...).objective; tested). */
export function planObjective(inst: Instance, p: Plan): number {
  const u = newUserPoint();
  let sum = 0;
  for (let n = 0; n < inst.users; n++) sum += userObjective(inst, n, userPoint(p, n, u));
  return sum;
}

/**
 * Users of each server that use it, i.e. send to it (α_n < Υ); a user with α_n = Υ uses no
 * server whatever its association says (MODEL.md §5).
 */
export function serverMembers(
  inst: Instance,
  association: Int32Array,
  localLayers: Float64Array,
): number[][] {
  const members: number[][] = Array.from({ length: inst.servers }, () => []);
  for (let n = 0; n < inst.users; n++) {
    if ((localLayers[n] ?? 0) < inst.layers) at(members, at(association, n)).push(n);
  }
  return members;
}

/** The model's `Allocation` of a plan (α must be integral by now). */
export function toAllocation(p: Plan): Allocation {
  return {
    association: Array.from(p.association),
    localLayers: Array.from(p.localLayers),
    powerW: Array.from(p.powerW),
    bandwidthHz: Array.from(p.bandwidthHz),
    userFreqHz: Array.from(p.userFreqHz),
    edgeFreqHz: Array.from(p.edgeFreqHz),
  };
}
