/** The optimizer (MODEL.md §6, §7): the paper's algorithm, every baseline and an exact reference. */
export { optimize, ALGORITHMS, isAlgorithmName } from './optimize.ts';
export type { AlgorithmName, OptimizeOptions, OptimizedSolution } from './optimize.ts';
export { InfeasibleScenarioError, validateScenario } from './validate.ts';
export { LpSolveError, highsSolver } from './highs-solver.ts';
export type { LpSolver, LpSolution } from './highs-solver.ts';
export { DEFAULT_RESOURCE_TOLERANCES } from './resource-fp.ts';
export type { ResourceTolerances } from './resource-fp.ts';
export { DEFAULT_ASSOCIATION } from './association-step.ts';
export type { AssociationOptions } from './association-step.ts';
export { EXACT_LIMITS } from './exact.ts';
