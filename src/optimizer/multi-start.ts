/**
 * The outer loop from several starting associations (greedy, highest gain, then random ones):
 * each start alternates to convergence (`alternate.ts`) and the best final objective is kept,
 * with its history. `RunContext` is what an algorithm of the registry is handed.
 */
import type { RandomStreams } from '../random/index.ts';
import { alternate, type AlternationResult } from './alternate.ts';
import { bestGainAssociation, greedyAssociation, randomAssociation } from './association/rules.ts';
import type { AssociationOptions, CandidateRanking, ResourcePolicy } from './association/step.ts';
import type { Instance } from './instance.ts';
import type { Plan } from './plan.ts';
import type { ResourceTolerances } from './resource/transform.ts';
import type { AssignmentSolver } from './association/assignment.ts';
import { at } from './at.ts';

/** A finished run of one algorithm. */
export interface OuterRun {
  readonly plan: Plan;
  readonly history: number[];
  readonly starts: number;
  readonly lpSolves: number;
  /** Stopped early by the watch: the best plan found until then (feasible, not converged). */
  readonly stopped?: true;
}

/** Where the outer loop is, after each of its iterations (the first: the start's resource step). */
export interface OuterProgress {
  /** 0-based index of the start running, of `starts`. */
  readonly start: number;
  readonly starts: number;
  /** Outer iterations done over all starts so far. */
  readonly iterations: number;
  readonly objective: number;
}

/**
 * Asked after every outer iteration (never inside a step, so the plan in hand is always
 * feasible): true stops the run and keeps the best plan so far. Wall time is the caller's, and so
 * is the event loop: a watch that awaits a macrotask lets signals in between iterations.
 */
export type OuterWatch = (p: OuterProgress) => boolean | Promise<boolean>;

export interface OuterOptions {
  readonly starts: number;
  readonly outerRelTol: number;
  readonly maxOuterIterations: number;
  readonly watch?: OuterWatch;
}

export interface RunContext {
  readonly inst: Instance;
  readonly streams: RandomStreams;
  readonly tol: ResourceTolerances;
  readonly association: AssociationOptions;
  /** The outer loop with this resource step from every start (solves association LPs). */
  readonly multiStart: (policy: ResourcePolicy, ranking?: CandidateRanking) => Promise<OuterRun>;
}

function startAssociations(
  inst: Instance,
  count: number,
  loadFactor: number,
  streams: RandomStreams,
): Int32Array[] {
  const out: Int32Array[] = [];
  const seen = new Set<string>();
  const add = (a: Int32Array): void => {
    const key = a.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(a);
    }
  };
  for (let k = 0; k < count; k++) {
    if (k === 0) add(greedyAssociation(inst, loadFactor));
    else if (k === 1) add(bestGainAssociation(inst));
    else add(randomAssociation(inst, loadFactor, streams.get('start', k)));
  }
  return out;
}

export async function multiStart(
  inst: Instance,
  assign: AssignmentSolver,
  policy: ResourcePolicy,
  opts: OuterOptions,
  association: AssociationOptions,
  streams: RandomStreams,
  ranking: CandidateRanking,
): Promise<OuterRun> {
  let best: AlternationResult | undefined;
  let lpSolves = 0;
  const starts = startAssociations(inst, opts.starts, association.loadFactor, streams);
  let iterations = 0;
  let stopped = false;
  let tried = 0;
  for (let k = 0; k < starts.length && !stopped; k++) {
    tried++;
    const stop = async (objective: number): Promise<boolean> =>
      (await opts.watch?.({ start: k, starts: starts.length, iterations: ++iterations, objective })) === true;
    const run = await alternate(
      inst,
      assign,
      policy,
      at(starts, k),
      {
        association,
        outerRelTol: opts.outerRelTol,
        maxOuterIterations: opts.maxOuterIterations,
      },
      streams.get('cccp', k),
      ranking,
      stop,
    );
    lpSolves += run.lpSolves;
    stopped = run.stopped;
    if (best === undefined || run.result.objective < best.result.objective) best = run;
  }
  if (best === undefined) throw new Error('no starting association');
  const result = { plan: best.result.plan, history: best.history, starts: tried, lpSolves };
  return stopped ? { ...result, stopped: true } : result;
}
