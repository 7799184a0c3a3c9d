/**
 * `optimize(scenario, options)`: the paper's algorithm and every baseline, selected by name from
 * the registry (MODEL.md §6, §7). Returns the solution-file record of DESIGN.md plus the
 * convergence history.
 */
import { RandomStreams } from '../random/index.ts';
import { evaluate, type Allocation, type Metrics, type ModelScenario } from '../model/index.ts';
import { DEFAULT_ASSOCIATION, type AssociationOptions } from './association/step.ts';
import { FixError, holdDecisions, runHeld, type FixedDecisions } from './fixed.ts';
import { compileInstance } from './instance.ts';
import { multiStart, type OuterWatch, type RunContext } from './multi-start.ts';
import { toAllocation } from './plan.ts';
import { ALGORITHMS, REGISTRY, type AlgorithmEntry, type AlgorithmName } from './registry.ts';
import { DEFAULT_RESOURCE_TOLERANCES, type ResourceTolerances } from './resource/transform.ts';
import { flowAssignment, type AssignmentSolver } from './association/assignment.ts';
import { validateScenario } from './validate.ts';

export interface OptimizeOptions {
  readonly algorithm?: AlgorithmName;
  /**
   * Master seed of every random draw (random starts, baselines). Required: the caller decides it
   * (the CLI passes the scenario's seed unless told otherwise), so no hidden default can differ
   * between two callers.
   */
  readonly seed: number;
  /** Starting associations of the outer loop (greedy, highest gain, then random ones); default 3. */
  readonly starts?: number;
  readonly resource?: Partial<ResourceTolerances>;
  readonly association?: Partial<AssociationOptions>;
  /** Outer loop: stop when an iteration improves the objective by less than this (relative); 1e-6. */
  readonly outerRelTol?: number;
  readonly maxOuterIterations?: number;
  /** Who solves the association LPs (default: the min-cost flow; tests pass HiGHS to compare). */
  readonly assignment?: AssignmentSolver;
  /**
   * Decisions held fixed (`fixed.ts`); the algorithm optimises the rest. Only algorithms with a
   * `step` in the registry (proposed, ao) take them; a bad value throws `FixError`.
   */
  readonly fix?: FixedDecisions;
  /** Progress and early stop of the outer loop (`OuterWatch`); only the LP-based methods iterate. */
  readonly watch?: OuterWatch;
}

/** The solution contract of DESIGN.md (with metrics as numbers), plus how it was found. */
export interface OptimizedSolution extends Allocation {
  readonly version: 1;
  readonly algorithm: AlgorithmName;
  /** Outer iterations of the kept start (entries of `history`). */
  readonly iterations: number;
  /** Objective after each outer iteration of the kept start; [0] is after the first resource step. */
  readonly history: number[];
  readonly objective: number;
  readonly metrics: Metrics;
  /** Starting associations tried, and LPs solved over all of them. */
  readonly starts: number;
  readonly lpSolves: number;
  /** The watch stopped the outer loop: the best plan so far, feasible but not converged. */
  readonly partial?: true;
}

/** Runs one algorithm on a scenario. Throws `InfeasibleScenarioError` for a scenario with no feasible allocation. */
export async function optimize(
  scenario: ModelScenario,
  options: OptimizeOptions,
): Promise<OptimizedSolution> {
  validateScenario(scenario);
  const algorithm = options.algorithm ?? 'proposed';
  const entry = REGISTRY[algorithm];
  const inst = compileInstance(scenario);
  const streams = new RandomStreams(options.seed);
  const tol: ResourceTolerances = { ...DEFAULT_RESOURCE_TOLERANCES, ...options.resource };
  const association: AssociationOptions = { ...DEFAULT_ASSOCIATION, ...options.association };
  const outer = {
    starts: Math.max(1, options.starts ?? 3),
    outerRelTol: options.outerRelTol ?? 1e-6,
    maxOuterIterations: options.maxOuterIterations ?? 50,
    ...(options.watch === undefined ? {} : { watch: options.watch }),
  };
  const fix = options.fix ?? {};
  const fixing = fix.localLayers !== undefined || fix.association !== undefined;
  const step: AlgorithmEntry['step'] = 'step' in entry ? entry.step : undefined;
  if (fixing && step === undefined)
    throw new FixError(
      '',
      `algorithm '${algorithm}' fixes its own decisions; fixed decisions work with ${ALGORITHMS.filter((a) => 'step' in REGISTRY[a]).join(', ')}`,
    );
  const held = holdDecisions(inst, fix, association.loadFactor, streams);
  const assign = options.assignment ?? flowAssignment;
  const context: RunContext = {
    inst,
    streams,
    tol,
    association,
    multiStart: (policy, ranking = 'split-held') => {
      return multiStart(inst, assign, policy, outer, association, streams, ranking);
    },
  };
  const run = await (fixing && step !== undefined ? runHeld(context, step, held) : entry.run(context));
  const allocation = toAllocation(run.plan);
  const metrics = evaluate(scenario, allocation);
  return {
    version: 1,
    algorithm,
    ...allocation,
    iterations: run.history.length,
    history: run.history,
    objective: metrics.objective,
    metrics,
    starts: run.starts,
    lpSolves: run.lpSolves,
    ...(run.stopped === true ? { partial: true as const } : {}),
  };
}
