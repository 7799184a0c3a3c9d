/**
 * The `exact` reference for tiny instances (MODEL.md §6: "the yardstick of the proposed
 * method"): every association and every integer split enumerated, the continuous variables
 * solved to float precision for each.
 *
 * Given the association and the split, problem (9) separates: f_n* in closed form, and per server
 * a water-filling of its GPU shares on (Υ − α)·B (convex: exact) and of its bandwidth on φ_n with
 * the power optimised inside (`uplink-direct.ts`; global when φ_n is convex, which a test checks
 * on the instances used). The cost of a server depends only on its set of users, so it is
 * memoised per (server, user set): M·2^N server problems, each minimised over Υ^|set| splits,
 * instead of M^N·Υ^N full solves.
 */
import { userObjectiveTerm } from '../model/index.ts';
import { edgeLayerCost, localLayerCost, rateBps, stabilityCost, uplinkFactor } from './costs.ts';
import { edgeSharesDirect } from './resource/edge-frequency.ts';
import type { Instance } from './instance.ts';
import { newPlan, planObjective, type Plan } from './plan.ts';
import { solveUplinkDirect } from './resource/uplink-direct.ts';
import { InfeasibleScenarioError } from './validate.ts';

/** Largest instance `exact` accepts: M^N associations and Υ^(users per server) splits. */
export const EXACT_LIMITS = { users: 6, layers: 8, associations: 1e5 } as const;

interface ServerBest {
  readonly cost: number;
  /** α, p, b, f^E of each user of the set, in increasing user order. */
  readonly alpha: number[];
  readonly powerW: number[];
  readonly bandwidthHz: number[];
  readonly edgeFreqHz: number[];
}

function usersOf(mask: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (mask & (1 << i)) out.push(i);
  return out;
}

interface UplinkBest {
  /** C/r of each sending user at the optimum, and its (p, b); global user indices. */
  readonly cost: Float64Array;
  readonly powerW: Float64Array;
  readonly bandwidthHz: Float64Array;
}

/** The server's uplink: the optimal (p, b) of its sending users (α ≥ 1: activations). */
function uplinkBest(inst: Instance, m: number, users: number[]): UplinkBest {
  const powerW = new Float64Array(inst.users);
  const bandwidthHz = new Float64Array(inst.users);
  const cost = new Float64Array(inst.users);
  if (users.length === 0) return { cost, powerW, bandwidthHz };
  const bits = Float64Array.from(users, (n) => inst.activationBits[n] ?? NaN);
  solveUplinkDirect(inst, { server: m, users, bits }, powerW, bandwidthHz, new Float64Array(users.length));
  users.forEach((n, i) => {
    const p = powerW[n] ?? NaN;
    cost[n] = uplinkFactor(inst, bits[i] ?? 0, p) / rateBps(inst, n, m, p, bandwidthHz[n] ?? NaN);
  });
  return { cost, powerW, bandwidthHz };
}

function serverBest(
  inst: Instance,
  m: number,
  users: number[],
  uplinkMemo: Map<number, UplinkBest>,
): ServerBest {
  const L = inst.layers;
  const alpha = users.map(() => 1);
  let best: ServerBest = { cost: Infinity, alpha: [], powerW: [], bandwidthHz: [], edgeFreqHz: [] };
  const shares = new Float64Array(users.length);
  for (;;) {
    const sending = users.filter((_, i) => (alpha[i] ?? L) < L);
    const sendMask = sending.reduce((acc, n) => acc | (1 << n), 0);
    let up = uplinkMemo.get(sendMask);
    if (up === undefined) {
      up = uplinkBest(inst, m, sending);
      uplinkMemo.set(sendMask, up);
    }
    const edgeLayers = sending.map((n) => L - (alpha[users.indexOf(n)] ?? L));
    shares.fill(0);
    if (sending.length > 0) edgeSharesDirect(inst, m, sending, edgeLayers, shares);
    let cost = 0;
    users.forEach((n, i) => {
      const a = alpha[i] ?? 1;
      const k = sending.indexOf(n);
      cost += userObjectiveTerm(
        L,
        a,
        stabilityCost(inst, n, a),
        localLayerCost(inst, n, inst.userFreqHz[n] ?? NaN),
        k < 0 ? 0 : (up.cost[n] ?? NaN),
        k < 0 ? 0 : edgeLayerCost(inst, n, m, shares[k] ?? NaN),
      );
    });
    if (cost < best.cost) {
      best = {
        cost,
        alpha: alpha.slice(),
        powerW: users.map((n) =>
          (alpha[users.indexOf(n)] ?? L) < L ? (up.powerW[n] ?? NaN) : (inst.maxPowerW[n] ?? NaN),
        ),
        bandwidthHz: users.map((n) => up.bandwidthHz[n] ?? 0),
        edgeFreqHz: users.map((n) => {
          const k = sending.indexOf(n);
          return k < 0 ? 0 : (shares[k] ?? NaN);
        }),
      };
    }
    // Next split vector (odometer over {1..Υ}^|users|).
    let i = 0;
    while (i < users.length && alpha[i] === L) alpha[i++] = 1;
    if (i === users.length) break;
    alpha[i] = (alpha[i] ?? 1) + 1;
  }
  return best;
}

/** The exact optimum of problem (9) (integer α ∈ {1..Υ}); throws for instances above `EXACT_LIMITS`. */
export function exactPlan(inst: Instance): { plan: Plan; objective: number; associations: number } {
  const N = inst.users;
  const M = inst.servers;
  if (N > EXACT_LIMITS.users || inst.layers > EXACT_LIMITS.layers || M ** N > EXACT_LIMITS.associations) {
    throw new InfeasibleScenarioError(
      `algorithm 'exact' enumerates every association and split: at most ${EXACT_LIMITS.users} users, ` +
        `${EXACT_LIMITS.layers} layers and ${EXACT_LIMITS.associations} associations (got ${N} users, ${inst.layers} layers, ${M}^${N} associations)`,
    );
  }
  const memo = new Map<string, ServerBest>();
  const uplinkMemos = Array.from({ length: M }, () => new Map<number, UplinkBest>());
  const best = (m: number, mask: number): ServerBest => {
    const key = `${m}|${mask}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = serverBest(inst, m, usersOf(mask, N), uplinkMemos[m] ?? new Map());
      memo.set(key, v);
    }
    return v;
  };
  const assoc = new Int32Array(N);
  let bestCost = Infinity;
  let bestAssoc = assoc.slice();
  let count = 0;
  for (;;) {
    if (assoc.every((m, n) => inst.usable[n * M + m] === 1)) {
      count++;
      const masks = new Array<number>(M).fill(0);
      assoc.forEach((m, n) => {
        masks[m] = (masks[m] ?? 0) | (1 << n);
      });
      const cost = masks.reduce((acc, mask, m) => acc + best(m, mask).cost, 0);
      if (cost < bestCost) {
        bestCost = cost;
        bestAssoc = assoc.slice();
      }
    }
    let n = 0;
    while (n < N && assoc[n] === M - 1) assoc[n++] = 0;
    if (n === N) break;
    assoc[n] = (assoc[n] ?? 0) + 1;
  }
  const plan = newPlan(N);
  plan.association.set(bestAssoc);
  plan.userFreqHz.set(inst.userFreqHz);
  for (let m = 0; m < M; m++) {
    const users = [...bestAssoc.keys()].filter((n) => bestAssoc[n] === m);
    const sb = best(
      m,
      users.reduce((acc, n) => acc | (1 << n), 0),
    );
    users.forEach((n, i) => {
      plan.localLayers[n] = sb.alpha[i] ?? NaN;
      plan.powerW[n] = sb.powerW[i] ?? NaN;
      plan.bandwidthHz[n] = sb.bandwidthHz[i] ?? NaN;
      plan.edgeFreqHz[n] = sb.edgeFreqHz[i] ?? NaN;
    });
  }
  return { plan, objective: planObjective(inst, plan), associations: count };
}
