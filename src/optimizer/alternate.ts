/**
 * The outer loop (MODEL.md §6; paper §4): alternate the resource step and the association step
 * until the objective improves by less than a tolerance, recording the objective at every
 * iteration (the convergence history of the paper's Figure 2).
 */
import type { RandomStream } from '../random/index.ts';
import {
  associationStep,
  type AssociationOptions,
  type CandidateRanking,
  type ResourcePolicy,
} from './association/step.ts';
import type { AssignmentSolver } from './association/assignment.ts';
import type { Instance } from './instance.ts';
import type { ResourceResult } from './resource/transform.ts';

export interface AlternationOptions {
  readonly association: AssociationOptions;
  /** Stop when an outer iteration improves the objective by less than this (relative). */
  readonly outerRelTol: number;
  readonly maxOuterIterations: number;
}

export interface AlternationResult {
  readonly result: ResourceResult;
  /** The objective after the first resource step and after every accepted outer iteration. */
  readonly history: number[];
  readonly lpSolves: number;
  /** `stop` asked to stop before convergence. */
  readonly stopped: boolean;
}

/**
 * @param stop asked after the first resource step and after every accepted outer iteration,
 *   with the objective in hand; true ends the alternation there
 */
export async function alternate(
  inst: Instance,
  assign: AssignmentSolver,
  policy: ResourcePolicy,
  start: Int32Array,
  opts: AlternationOptions,
  stream: RandomStream,
  ranking: CandidateRanking,
  stop: (objective: number) => boolean | Promise<boolean> = () => false,
): Promise<AlternationResult> {
  let result = policy(start, undefined);
  const history = [result.objective];
  let lpSolves = 0;
  let stopped = await stop(result.objective);
  for (let it = 0; it < opts.maxOuterIterations && !stopped; it++) {
    const step = associationStep(inst, assign, result, policy, opts.association, stream, ranking);
    lpSolves += step.lpSolves;
    const next = step.best;
    if (
      next === undefined ||
      !(result.objective - next.objective > opts.outerRelTol * Math.abs(result.objective))
    )
      break;
    result = next;
    history.push(result.objective);
    stopped = await stop(result.objective);
  }
  return { result, history, lpSolves, stopped };
}
