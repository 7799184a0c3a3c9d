/**
 * The linear costs c_{n,m} of the association step (MODEL.md §6, step 2), for every user and each
 * of its candidate servers.
 *
 * **[mecsim]** The paper prices a pair with the resources r_{n,m}, b_{n,m}, f_{n,m} of the current
 * allocation, which do not exist for pairs that are not associated. We give every pair the
 * resources user n would take at server m if it paid m's current shadow prices — λ_m per Hz of
 * bandwidth and μ_m per Hz of GPU frequency, the multipliers of (9e), (9g) read off the current
 * allocation's marginals — and charge it those prices:
 *
 *     c_{n,m} = min_{p,b,f} [ C_n(p)/r_{n,m}(p, b) + (Υ − α_n)·B_{n,m}(f) + λ_m·b + μ_m·f ]
 *
 * For a user already at m this is its current cost plus what its shares are worth to the others
 * (its shares satisfy the same first-order conditions); for a newcomer it is, by the envelope
 * theorem, the first-order change of the objective if it joined m. So the LP sees congestion: a
 * crowded server has high prices. An idle server has price 0 (the newcomer would get all of it).
 */
import { edgeLayerCost, edgeLayerCostSlope, uplinkFactor } from '../costs.ts';
import { newRateTerms, uplinkRateTerms } from '../../model/index.ts';
import { edgeShareAtPrice } from '../resource/edge-frequency.ts';
import { bitsFor, type Instance } from '../instance.ts';
import { serverMembers, type Plan } from '../plan.ts';
import { uplinkAtPrice } from '../resource/uplink-direct.ts';
import { at } from '../at.ts';

export interface PairCosts {
  /** The users the LP decides for: those that send (α_n < Υ); the others keep their server. */
  readonly users: readonly number[];
  /** Candidate servers of each of `users` (the current one always included). */
  readonly servers: readonly (readonly number[])[];
  /** c_{n,m}, aligned with `servers`. */
  readonly cost: readonly (readonly number[])[];
}

/** λ_m and μ_m: the mean marginal value of bandwidth and of GPU frequency among m's users. */
export function serverPrices(
  inst: Instance,
  plan: Plan,
  members: readonly (readonly number[])[],
): { bandwidth: Float64Array; frequency: Float64Array } {
  const bandwidth = new Float64Array(inst.servers);
  const frequency = new Float64Array(inst.servers);
  const t = newRateTerms();
  members.forEach((users, m) => {
    for (const n of users) {
      const alpha = plan.localLayers[n] ?? NaN;
      const p = plan.powerW[n] ?? NaN;
      uplinkRateTerms(inst.snrPerW[n * inst.servers + m] ?? 0, p, plan.bandwidthHz[n] ?? NaN, t);
      bandwidth[m] =
        (bandwidth[m] ?? 0) +
        (uplinkFactor(inst, bitsFor(inst, n, alpha), p) * t.db) / (t.rate * t.rate) / users.length;
      frequency[m] =
        (frequency[m] ?? 0) -
        ((inst.layers - alpha) * edgeLayerCostSlope(inst, n, m, plan.edgeFreqHz[n] ?? NaN)) / users.length;
    }
  });
  return { bandwidth, frequency };
}

/** Usable servers of user n, highest gain first, at most `limit`, plus `current`. */
function candidates(inst: Instance, n: number, current: number, limit: number): number[] {
  const all: number[] = [];
  for (let m = 0; m < inst.servers; m++) if (inst.usable[n * inst.servers + m] === 1) all.push(m);
  const gain = (m: number): number => inst.snrPerW[n * inst.servers + m] ?? 0;
  all.sort((a, b) => gain(b) - gain(a) || a - b);
  const chosen = all.slice(0, limit);
  if (!chosen.includes(current)) chosen.push(current);
  return chosen;
}

/** The pair costs at the current plan (which must be feasible and integral). */
export function pairCosts(inst: Instance, plan: Plan, candidateServers: number): PairCosts {
  const members = serverMembers(inst, plan.association, plan.localLayers);
  const prices = serverPrices(inst, plan, members);
  const users: number[] = [];
  const servers: number[][] = [];
  const cost: number[][] = [];
  for (let n = 0; n < inst.users; n++) {
    const alpha = plan.localLayers[n] ?? NaN;
    if (alpha >= inst.layers) continue;
    const current = at(plan.association, n);
    const bits = bitsFor(inst, n, alpha);
    const edgeLayers = inst.layers - alpha;
    const list = candidates(inst, n, current, candidateServers);
    users.push(n);
    servers.push(list);
    cost.push(
      list.map((m) => {
        const lambda = prices.bandwidth[m] ?? 0;
        const mu = prices.frequency[m] ?? 0;
        if (m === current) {
          const p = plan.powerW[n] ?? NaN;
          const b = plan.bandwidthHz[n] ?? NaN;
          const f = plan.edgeFreqHz[n] ?? NaN;
          const t = uplinkRateTerms(inst.snrPerW[n * inst.servers + m] ?? 0, p, b, newRateTerms());
          return (
            uplinkFactor(inst, bits, p) / t.rate +
            edgeLayers * edgeLayerCost(inst, n, m, f) +
            lambda * b +
            mu * f
          );
        }
        // Newton's first guess for a newcomer's shares at m: an even split with m's senders.
        const even = 1 / (at(members, m).length + 1);
        const up = uplinkAtPrice(inst, n, m, bits, lambda, (inst.bandwidthBudgetHz[m] ?? NaN) * even);
        const f = edgeShareAtPrice(inst, n, m, edgeLayers, mu, (inst.frequencyBudgetHz[m] ?? NaN) * even);
        return up.cost + edgeLayers * edgeLayerCost(inst, n, m, f) + lambda * up.bandwidthHz + mu * f;
      }),
    );
  }
  return { users, servers, cost };
}
