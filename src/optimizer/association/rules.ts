/**
 * Simple associations: the starting points of the outer loop and the `greedy` and `random`
 * baselines (paper §5.3). Both baselines stay "within bandwidth limits" through the same load cap
 * as the LP (`loadCaps`): a server full to its cap takes no more users.
 */
import type { RandomStream } from '../../random/index.ts';
import { loadCaps } from './cccp.ts';
import { uplinkRateAtSnrPerWBps } from '../../model/index.ts';
import { at } from '../at.ts';
import type { Instance } from '../instance.ts';

function usableServers(inst: Instance): number {
  let count = 0;
  for (let m = 0; m < inst.servers; m++) {
    for (let n = 0; n < inst.users; n++)
      if (inst.usable[n * inst.servers + m] === 1) {
        count++;
        break;
      }
  }
  return count;
}

/** Each user's highest-gain usable server (the normalisation's reference rule). */
export function bestGainAssociation(inst: Instance): Int32Array {
  return greedyBy(inst, Infinity, (n, m) => inst.snrPerW[n * inst.servers + m] ?? 0);
}

/**
 * `greedy`: users in index order each join the server with the highest rate they would get —
 * an equal share b_m^max/(k_m + 1) of its bandwidth, k_m users already there, at full power —
 * among servers below the load cap (ties to the lowest index).
 */
export function greedyAssociation(inst: Instance, loadFactor: number): Int32Array {
  const load = new Int32Array(inst.servers);
  const cap = loadCaps(inst.servers, inst.users, usableServers(inst), loadFactor);
  return greedyBy(
    inst,
    cap,
    (n, m) => {
      const b = (inst.bandwidthBudgetHz[m] ?? NaN) / ((load[m] ?? 0) + 1);
      return uplinkRateAtSnrPerWBps(inst.snrPerW[n * inst.servers + m] ?? NaN, inst.maxPowerW[n] ?? NaN, b);
    },
    load,
  );
}

/** `random`: each user joins a uniformly drawn usable server below the load cap. */
export function randomAssociation(inst: Instance, loadFactor: number, stream: RandomStream): Int32Array {
  const cap = loadCaps(inst.servers, inst.users, usableServers(inst), loadFactor);
  const load = new Int32Array(inst.servers);
  const association = new Int32Array(inst.users);
  for (let n = 0; n < inst.users; n++) {
    const open: number[] = [];
    for (let m = 0; m < inst.servers; m++)
      if (inst.usable[n * inst.servers + m] === 1 && (load[m] ?? 0) < cap) open.push(m);
    const m = open.length > 0 ? at(open, stream.uniformInt(0, open.length - 1)) : firstUsable(inst, n);
    association[n] = m;
    load[m] = (load[m] ?? 0) + 1;
  }
  return association;
}

function firstUsable(inst: Instance, n: number): number {
  for (let m = 0; m < inst.servers; m++) if (inst.usable[n * inst.servers + m] === 1) return m;
  throw new RangeError(`user ${n} can use no server (validateScenario should have said so)`);
}

function greedyBy(
  inst: Instance,
  cap: number,
  score: (n: number, m: number) => number,
  load = new Int32Array(inst.servers),
): Int32Array {
  const association = new Int32Array(inst.users);
  for (let n = 0; n < inst.users; n++) {
    let best = -1;
    let bestScore = -Infinity;
    for (let m = 0; m < inst.servers; m++) {
      if (inst.usable[n * inst.servers + m] !== 1 || (load[m] ?? 0) >= cap) continue;
      const s = score(n, m);
      if (s > bestScore) {
        best = m;
        bestScore = s;
      }
    }
    // Every usable server full (cap below N/M): fall back to the first usable one.
    if (best < 0) best = firstUsable(inst, n);
    association[n] = best;
    load[best] = (load[best] ?? 0) + 1;
  }
  return association;
}
