/**
 * Step 2 of the proposed method (MODEL.md §6, paper §4.2), shared by every method that optimises
 * the association: pair costs at the current allocation, CCCP runs from several feasible
 * starting points, and the best resulting binary association kept — "best" measured by the true
 * objective after the method's own resource step, so a candidate is never accepted on the
 * strength of the linear model alone.
 */
import type { RandomStream } from '../../random/index.ts';
import { loadCaps, runCccp, uncappedCccp, type Fractional } from './cccp.ts';
import type { AssignmentSolver } from './assignment.ts';
import type { Instance } from '../instance.ts';
import { pairCosts, type PairCosts } from './pair-costs.ts';
import { clonePlan, planObjective, type Plan } from '../plan.ts';
import { directResources } from '../resource/direct.ts';
import type { ResourceResult } from '../resource/transform.ts';
import { at } from '../at.ts';

/** A method's resource step: split and resources for a fixed association, warm-started. */
export type ResourcePolicy = (association: Int32Array, warm: Plan | undefined) => ResourceResult;

/**
 * **[mecsim]** How candidates are ranked before the winner gets the method's own resource step:
 * `split-held` ranks each by its objective with the current split held and every resource at
 * its optimum (`directResources`: one water-filling pass, no transform iterations), which is
 * 10–100× cheaper than the transform; `own` ranks by the method's resource step itself (used
 * where that is already cheap, e.g. layers-only's random resources).
 */
export type CandidateRanking = 'split-held' | 'own';

/** **[mecsim]** choices of the association step (defaults in `DEFAULT_ASSOCIATION`). */
export interface AssociationOptions {
  /** Each user's LP columns: its `candidateServers` highest-gain usable servers (and its own). */
  readonly candidateServers: number;
  /** Load cap factor of `loadCaps`. */
  readonly loadFactor: number;
  /** CCCP penalties ϱ from the current association, relative to the mean current pair cost. */
  readonly penalties: readonly number[];
  /** Extra CCCP runs from random one-hot associations, at penalty `randomStartPenalty`. */
  readonly randomStarts: number;
  readonly randomStartPenalty: number;
  /**
   * Merge starts (at `randomStartPenalty`), one per occupied server: its users all moved to the
   * server cheapest for them together. Used when there are at most this many servers.
   */
  readonly mergeStartsUpToServers: number;
}

/**
 * ϱ = 0 lets every user take its cheapest server at once (the pure LP); ϱ = 0.01 and 0.1 move
 * only users whose saving beats 2% or 20% of a typical user's cost. Random and merge starts use
 * ϱ = 2, which keeps CCCP near its start (each is a local optimum near a different point, as
 * the paper intends). Merge starts exist because a linear cost cannot see economies of scale:
 * with (9g) an equality, an energy-dominated server must spend all its frequency, so two users
 * may each lose by moving alone and both gain by moving together. Candidate servers: all of
 * them up to 20 (beyond, far servers only add LP columns). Load factor 2: no server takes more
 * than twice its even share of users.
 */
export const DEFAULT_ASSOCIATION: AssociationOptions = {
  candidateServers: 20,
  loadFactor: 2,
  penalties: [0, 0.01, 0.1],
  randomStarts: 2,
  randomStartPenalty: 2,
  mergeStartsUpToServers: 10,
};

export interface AssociationStepResult {
  /** The best candidate's resource step, if any candidate differs from the current association. */
  readonly best: ResourceResult | undefined;
  readonly lpSolves: number;
  readonly candidates: number;
}

function oneHot(
  servers: readonly (readonly number[])[],
  pick: (i: number, list: readonly number[]) => number,
): Fractional {
  return servers.map((list, i) => {
    const j = pick(i, list);
    return list.map((_, k) => (k === j ? 1 : 0));
  });
}

function splitHeld(inst: Instance, association: Int32Array, warm: Plan): ResourceResult {
  const plan = clonePlan(warm);
  plan.association.set(association);
  directResources(inst, plan);
  return { plan, objective: planObjective(inst, plan), innerIterations: 1 };
}

export function associationStep(
  inst: Instance,
  assign: AssignmentSolver,
  current: ResourceResult,
  policy: ResourcePolicy,
  opts: AssociationOptions,
  stream: RandomStream,
  ranking: CandidateRanking = 'split-held',
): AssociationStepResult {
  const plan = current.plan;
  const pc = pairCosts(inst, plan, opts.candidateServers);
  if (pc.users.length === 0) return { best: undefined, lpSolves: 0, candidates: 0 };
  // Costs scaled to a mean of 1 per user, so that ϱ is relative and the LP well conditioned.
  const own = pc.users.map((n, i) => at(at(pc.cost, i), at(pc.servers, i).indexOf(at(plan.association, n))));
  const scale = own.reduce((a, c) => a + Math.abs(c), 0) / own.length || 1;
  const scaled = pc.cost.map((row) => row.map((c) => c / scale));
  let usable = 0;
  for (let m = 0; m < inst.servers; m++) if (pc.servers.some((list) => list.includes(m))) usable++;
  const cap = loadCaps(inst.servers, pc.users.length, usable, opts.loadFactor);
  const stay = oneHot(pc.servers, (i, list) => list.indexOf(at(plan.association, at(pc.users, i))));
  const runs: { start: Fractional; penalty: number }[] = opts.penalties.map((penalty) => ({
    start: stay,
    penalty,
  }));
  for (let k = 0; k < opts.randomStarts; k++) {
    runs.push({
      start: oneHot(pc.servers, (_i, list) => stream.uniformInt(0, list.length - 1)),
      penalty: opts.randomStartPenalty,
    });
  }
  if (inst.servers <= opts.mergeStartsUpToServers) {
    for (const start of mergeStarts(pc, plan.association, scaled))
      runs.push({ start, penalty: opts.randomStartPenalty });
  }
  // The cap is a heuristic, not part of the problem: every run is made with the cap rows (on
  // HiGHS) and without them (the LP then separates per user: `uncappedCccp`), capped choices first.
  let lpSolves = 0;
  const choices: number[][] = [];
  for (const run of runs) {
    const cccp = runCccp(assign, pc, scaled, run.start, run.penalty, cap, inst.servers);
    lpSolves += cccp.lpSolves;
    choices.push(cccp.choice);
  }
  for (const run of runs) choices.push(uncappedCccp(scaled, run.start, run.penalty));
  const seen = new Set<string>([plan.association.join(',')]);
  let best: ResourceResult | undefined;
  let candidates = 0;
  for (const choice of choices) {
    const association = plan.association.slice();
    pc.users.forEach((n, i) => {
      association[n] = at(at(pc.servers, i), at(choice, i));
    });
    const key = association.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    candidates++;
    const result = ranking === 'own' ? policy(association, plan) : splitHeld(inst, association, plan);
    if (best === undefined || result.objective < best.objective) best = result;
  }
  if (best !== undefined && ranking !== 'own') best = policy(best.plan.association, best.plan);
  return { best, lpSolves, candidates };
}

/** For each occupied server m: its LP users all on the other server with the least summed cost for them. */
function mergeStarts(pc: PairCosts, association: Int32Array, scaled: Fractional): Fractional[] {
  const out: Fractional[] = [];
  const occupied = new Set(pc.users.map((n) => at(association, n)));
  for (const m of occupied) {
    const movers = pc.users.map((n, i) => (association[n] === m ? i : -1)).filter((i) => i >= 0);
    const total = new Map<number, number>();
    for (const i of movers) {
      (pc.servers[i] ?? []).forEach((s, j) => {
        if (s !== m) total.set(s, (total.get(s) ?? 0) + (scaled[i]?.[j] ?? Infinity));
      });
    }
    // Only servers every mover can use.
    const shared = [...total.entries()].filter(([s]) =>
      movers.every((i) => (pc.servers[i] ?? []).includes(s)),
    );
    if (shared.length === 0) continue;
    const target = shared.reduce((a, b) => (b[1] < a[1] ? b : a))[0];
    out.push(
      pc.users.map((n, i) => {
        const to = association[n] === m ? target : association[n];
        return (pc.servers[i] ?? []).map((s) => (s === to ? 1 : 0));
      }),
    );
  }
  return out;
}
