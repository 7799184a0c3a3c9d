/**
 * The reference solution behind the normalisation (MODEL.md §5) and the simple allocations built
 * the same way (the edge-only and local-only baselines of §7).
 */
import { costTotals, objectiveDelayS } from './evaluate.ts';
import type { Allocation, Network, Normalization } from './types.ts';

/** Index of the server with the highest gain for user n (lowest index on ties). */
export function bestGainServer(net: Network, n: number): number {
  const row = net.channelGain[n];
  if (row === undefined || row.length === 0) throw new RangeError(`no channel gains for user ${n}`);
  let best = 0;
  for (let m = 1; m < row.length; m++) if ((row[m] ?? -Infinity) > (row[best] ?? -Infinity)) best = m;
  return best;
}

/**
 * Every user trains `localLayers` layers (0..Υ) locally, joins its highest-gain server, transmits
 * at maximum power and runs its GPU at maximum frequency; each server splits its bandwidth and
 * GPU frequency equally among its users that send (α < Υ). With α = Υ nobody sends, and every
 * bandwidth and frequency share is 0.
 */
export function equalShareAllocation(net: Network, localLayers: number): Allocation {
  const n = net.users.length;
  const association = Array.from({ length: n }, (_, i) => bestGainServer(net, i));
  const sends = localLayers < net.llm.layers;
  const load = new Array<number>(net.servers.length).fill(0);
  if (sends) for (const m of association) load[m] = (load[m] ?? 0) + 1;
  const share = (m: number, total: number): number => (sends ? total / (load[m] ?? 1) : 0);
  return {
    association,
    localLayers: new Array<number>(n).fill(localLayers),
    powerW: net.users.map((u) => u.maxPowerW),
    bandwidthHz: association.map((m) => share(m, net.servers[m]?.bandwidthHz ?? NaN)),
    userFreqHz: net.users.map((u) => u.maxFreqHz),
    edgeFreqHz: association.map((m) => share(m, net.servers[m]?.maxFreqHz ?? NaN)),
  };
}

/**
 * **[mecsim]** The reference solution of the normalisation: every α_n = 1, highest-gain server,
 * equal shares, maximum power and user frequency.
 */
export function referenceAllocation(net: Network): Allocation {
  return equalShareAllocation(net, 1);
}

/**
 * T_ref, E_ref, S_ref: total delay (without the uplink delay when the objective leaves it out),
 * total energy and Σ AS_n of the reference solution. Stored in the scenario, so that evaluating
 * needs nothing hidden.
 */
export function normalizationOf(net: Network): Normalization {
  const totals = costTotals(net, referenceAllocation(net));
  return {
    delayS: objectiveDelayS(net, totals),
    energyJ: totals.totalEnergyJ,
    stability: totals.stability,
  };
}
