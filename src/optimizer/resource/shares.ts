/**
 * Feasible starting resources for a fixed association and split: the warm values rescaled to
 * each server's budgets (9e), (9g) when every user kept a share, equal shares otherwise; power and
 * user frequency clipped into their boxes (9d), (9f). Users that send nothing hold no share.
 */
import { bitsFor, type Instance } from '../instance.ts';
import { serverMembers, type Plan } from '../plan.ts';
import type { UplinkGroup } from './uplink-surrogate.ts';

function fillBudget(users: readonly number[], shares: Float64Array, total: number): void {
  let sum = 0;
  let allPositive = true;
  for (const n of users) {
    const s = shares[n] ?? NaN;
    if (!(s > 0 && Number.isFinite(s))) allPositive = false;
    sum += s;
  }
  for (const n of users) shares[n] = allPositive ? ((shares[n] ?? 0) * total) / sum : total / users.length;
}

/** Makes `plan` feasible for its association and split; returns the users of each server. */
export function prepareShares(inst: Instance, plan: Plan): number[][] {
  const members = serverMembers(inst, plan.association, plan.localLayers);
  for (let n = 0; n < inst.users; n++) {
    const p = plan.powerW[n] ?? NaN;
    const lo = inst.minPowerW[n] ?? NaN;
    const hi = inst.maxPowerW[n] ?? NaN;
    plan.powerW[n] = p >= lo && p <= hi ? p : hi;
    if (!((plan.userFreqHz[n] ?? 0) > 0)) plan.userFreqHz[n] = inst.userFreqHz[n] ?? NaN;
    if ((plan.localLayers[n] ?? 0) >= inst.layers) {
      plan.bandwidthHz[n] = 0;
      plan.edgeFreqHz[n] = 0;
    }
  }
  members.forEach((users, m) => {
    if (users.length === 0) return;
    fillBudget(users, plan.bandwidthHz, inst.bandwidthBudgetHz[m] ?? NaN);
    fillBudget(users, plan.edgeFreqHz, inst.frequencyBudgetHz[m] ?? NaN);
  });
  return members;
}

/** The uplink groups of a plan: each server's sending users with their s_n. */
export function uplinkGroups(
  inst: Instance,
  plan: Plan,
  members: readonly (readonly number[])[],
): UplinkGroup[] {
  return members.map((users, server) => ({
    server,
    users,
    bits: Float64Array.from(users, (n) => bitsFor(inst, n, plan.localLayers[n] ?? 1)),
  }));
}
