/**
 * The `layers-only` baseline's resource step (MODEL.md §7): resources random but feasible, the
 * split optimised for them. **[mecsim]** Each user draws, once, from its own stream
 * (`layers-only`, n): weights for its bandwidth and GPU-frequency shares (a server divides its
 * budgets in proportion to its users' weights), a transmit power uniform in [p_min, p_max] and a
 * GPU frequency uniform in (0, f^max]. The split is then each user's best integer α for those
 * resources, re-chosen until no user's split changes (a user going local frees its shares).
 */
import type { RandomStreams } from '../../random/index.ts';
import type { Instance } from '../instance.ts';
import { newPlan, planObjective, serverMembers, type Plan } from '../plan.ts';
import type { ResourceResult } from './transform.ts';
import { directSplit } from './direct.ts';

interface RandomDraws {
  readonly bandwidthWeight: Float64Array;
  readonly frequencyWeight: Float64Array;
  readonly powerW: Float64Array;
  readonly userFreqHz: Float64Array;
}

/** The draws of every user (1 − U keeps each in (0, 1]). */
export function randomDraws(inst: Instance, streams: RandomStreams): RandomDraws {
  const d = {
    bandwidthWeight: new Float64Array(inst.users),
    frequencyWeight: new Float64Array(inst.users),
    powerW: new Float64Array(inst.users),
    userFreqHz: new Float64Array(inst.users),
  };
  for (let n = 0; n < inst.users; n++) {
    const s = streams.get('layers-only', n);
    d.bandwidthWeight[n] = 1 - s.random();
    d.frequencyWeight[n] = 1 - s.random();
    const lo = inst.minPowerW[n] ?? 0;
    d.powerW[n] = lo + (1 - s.random()) * ((inst.maxPowerW[n] ?? 0) - lo);
    d.userFreqHz[n] = (1 - s.random()) * (inst.maxUserFreqHz[n] ?? NaN);
  }
  return d;
}

function applyShares(inst: Instance, plan: Plan, d: RandomDraws): void {
  plan.bandwidthHz.fill(0);
  plan.edgeFreqHz.fill(0);
  serverMembers(inst, plan.association, plan.localLayers).forEach((users, m) => {
    let wb = 0;
    let wf = 0;
    for (const n of users) {
      wb += d.bandwidthWeight[n] ?? 0;
      wf += d.frequencyWeight[n] ?? 0;
    }
    for (const n of users) {
      plan.bandwidthHz[n] = ((d.bandwidthWeight[n] ?? 0) / wb) * (inst.bandwidthBudgetHz[m] ?? NaN);
      plan.edgeFreqHz[n] = ((d.frequencyWeight[n] ?? 0) / wf) * (inst.frequencyBudgetHz[m] ?? NaN);
    }
  });
}

/** `layers-only`: the random resources for `association`, the split optimised for them. */
export function randomResources(inst: Instance, association: Int32Array, d: RandomDraws): ResourceResult {
  const plan = newPlan(inst.users);
  plan.association.set(association);
  plan.localLayers.fill(1);
  plan.powerW.set(d.powerW);
  plan.userFreqHz.set(d.userFreqHz);
  let iterations = 0;
  for (; iterations < inst.layers + 1; iterations++) {
    applyShares(inst, plan, d);
    if (!directSplit(inst, plan, 1, inst.layers)) break;
  }
  return { plan, objective: planObjective(inst, plan), innerIterations: iterations + 1 };
}
