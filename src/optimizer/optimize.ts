/**
 * `optimize(scenario, options)`: the paper's algorithm and every baseline, selected by name
 * (MODEL.md §6, §7). Returns the solution-file record of DESIGN.md plus the convergence history.
 */
import { RandomStreams } from '../random/index.ts';
import { evaluate, type Allocation, type Metrics, type ModelScenario } from '../model/index.ts';
import { alternate, type AlternationResult } from './alternate.ts';
import {
  DEFAULT_ASSOCIATION, type AssociationOptions, type CandidateRanking, type ResourcePolicy,
} from './association-step.ts';
import { bestGainAssociation, greedyAssociation, randomAssociation } from './association-rules.ts';
import { exactPlan } from './exact.ts';
import { highsSolver, type LpSolver } from './highs-solver.ts';
import { compileInstance, type Instance } from './instance.ts';
import { newPlan, toAllocation, type Plan } from './plan.ts';
import { aoResources } from './resource-direct.ts';
import {
  DEFAULT_RESOURCE_TOLERANCES, fixedSplitResources, proposedResources, type ResourceTolerances,
} from './resource-fp.ts';
import { randomDraws, randomResources } from './resource-random.ts';
import { validateScenario } from './validate.ts';

export const ALGORITHMS = [
  'proposed', 'ao', 'layers-only', 'resources-only', 'greedy', 'random', 'local-only', 'edge-only', 'exact',
] as const;
export type AlgorithmName = (typeof ALGORITHMS)[number];

export function isAlgorithmName(name: string): name is AlgorithmName {
  return (ALGORITHMS as readonly string[]).includes(name);
}

export interface OptimizeOptions {
  readonly algorithm?: AlgorithmName;
  /** Starting associations of the outer loop (greedy, highest gain, then random ones); default 3. */
  readonly starts?: number;
  /** Master seed of every random draw (random starts, baselines); default the scenario's seed or 0. */
  readonly seed?: number;
  readonly resource?: Partial<ResourceTolerances>;
  readonly association?: Partial<AssociationOptions>;
  /** Outer loop: stop when an iteration improves the objective by less than this (relative); 1e-6. */
  readonly outerRelTol?: number;
  readonly maxOuterIterations?: number;
  /** An LP solver to use instead of the shared HiGHS instance (tests). */
  readonly solver?: LpSolver;
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
}

interface Run {
  readonly plan: Plan;
  readonly history: number[];
  readonly starts: number;
  readonly lpSolves: number;
}

function startAssociations(inst: Instance, count: number, loadFactor: number, streams: RandomStreams): Int32Array[] {
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

function multiStart(
  inst: Instance, solver: LpSolver, policy: ResourcePolicy, opts: Required<Pick<OptimizeOptions, 'starts' | 'outerRelTol' | 'maxOuterIterations'>>,
  association: AssociationOptions, streams: RandomStreams, ranking: CandidateRanking,
): Run {
  let best: AlternationResult | undefined;
  let lpSolves = 0;
  const starts = startAssociations(inst, opts.starts, association.loadFactor, streams);
  starts.forEach((start, k) => {
    const run = alternate(inst, solver, policy, start, {
      association, outerRelTol: opts.outerRelTol, maxOuterIterations: opts.maxOuterIterations,
    }, streams.get('cccp', k), ranking);
    lpSolves += run.lpSolves;
    if (best === undefined || run.result.objective < best.result.objective) best = run;
  });
  if (best === undefined) throw new Error('no starting association');
  return { plan: best.result.plan, history: best.history, starts: starts.length, lpSolves };
}

const single = (plan: Plan, objective: number): Run => ({ plan, history: [objective], starts: 1, lpSolves: 0 });

/** Every user trains all Υ layers locally at f_n*; no uplink, no server share. */
function localOnlyPlan(inst: Instance): Plan {
  const plan = newPlan(inst.users);
  plan.association.set(bestGainAssociation(inst));
  plan.localLayers.fill(inst.layers);
  plan.powerW.set(inst.maxPowerW);
  plan.userFreqHz.set(inst.userFreqHz);
  return plan;
}

/** Runs one algorithm on a scenario. Throws `InfeasibleScenarioError` for a scenario with no feasible allocation. */
export async function optimize(scenario: ModelScenario & { readonly seed?: number }, options: OptimizeOptions = {}): Promise<OptimizedSolution> {
  validateScenario(scenario);
  const algorithm = options.algorithm ?? 'proposed';
  const inst = compileInstance(scenario);
  const streams = new RandomStreams(options.seed ?? scenario.seed ?? 0);
  const tol: ResourceTolerances = { ...DEFAULT_RESOURCE_TOLERANCES, ...options.resource };
  const association: AssociationOptions = { ...DEFAULT_ASSOCIATION, ...options.association };
  const outer = {
    starts: Math.max(1, options.starts ?? 3),
    outerRelTol: options.outerRelTol ?? 1e-6,
    maxOuterIterations: options.maxOuterIterations ?? 50,
  };
  const needsLp = !['greedy', 'random', 'local-only', 'exact'].includes(algorithm);
  const solver = options.solver ?? (needsLp ? await highsSolver() : undefined);
  const alternateWith = (policy: ResourcePolicy, ranking: CandidateRanking = 'split-held'): Run => {
    if (solver === undefined) throw new Error('no LP solver');
    return multiStart(inst, solver, policy, outer, association, streams, ranking);
  };
  const fixedSplit = (split: Float64Array): ResourcePolicy => (a, warm) => fixedSplitResources(inst, a, split, warm, tol);
  let run: Run;
  switch (algorithm) {
    case 'proposed': run = alternateWith((a, warm) => proposedResources(inst, a, warm, tol)); break;
    case 'ao': run = alternateWith((a, warm) => aoResources(inst, a, warm, tol)); break;
    case 'layers-only': {
      const draws = randomDraws(inst, streams);
      run = alternateWith((a) => randomResources(inst, a, draws), 'own');
      break;
    }
    case 'resources-only': {
      // [mecsim] α_n uniform in {1..Υ−1}: α = Υ would make the stability bound (and objective) unbounded.
      const split = Float64Array.from({ length: inst.users }, (_, n) => streams.get('resources-only', n).uniformInt(1, Math.max(1, inst.layers - 1)));
      run = alternateWith(fixedSplit(split));
      break;
    }
    case 'edge-only': run = alternateWith(fixedSplit(new Float64Array(inst.users))); break;
    case 'greedy': case 'random': {
      const a = algorithm === 'greedy'
        ? greedyAssociation(inst, association.loadFactor)
        : randomAssociation(inst, association.loadFactor, streams.get('random'));
      const r = proposedResources(inst, a, undefined, tol);
      run = single(r.plan, r.objective);
      break;
    }
    case 'local-only': run = single(localOnlyPlan(inst), Infinity); break;
    case 'exact': {
      const r = exactPlan(inst);
      run = single(r.plan, r.objective);
      break;
    }
  }
  const allocation = toAllocation(run.plan);
  const metrics = evaluate(scenario, allocation);
  return {
    version: 1, algorithm, ...allocation,
    iterations: run.history.length, history: run.history, objective: metrics.objective, metrics,
    starts: run.starts, lpSolves: run.lpSolves,
  };
}
