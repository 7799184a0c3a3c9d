/** The optimizer (MODEL.md §6, §7): the paper's algorithm, every baseline and an exact reference. */
export { optimize } from './optimize.ts';
export type { OptimizeOptions, OptimizedSolution } from './optimize.ts';
export type { OuterProgress, OuterWatch } from './multi-start.ts';
export { ALGORITHMS, REGISTRY, isAlgorithmName } from './registry.ts';
export type { AlgorithmEntry, AlgorithmName } from './registry.ts';
export { ASSOCIATION_RULES, FixError, isAssociationRule } from './fixed.ts';
export type { AssociationRule, FixedDecisions } from './fixed.ts';
export { InfeasibleScenarioError, validateScenario } from './validate.ts';
export { LpSolveError, highsSolver } from './solvers/highs.ts';
export type { LpSolver, LpSolution } from './solvers/highs.ts';
export { flowAssignment, highsAssignment } from './association/assignment.ts';
export type { AssignmentSolver } from './association/assignment.ts';
export { DEFAULT_RESOURCE_TOLERANCES } from './resource/transform.ts';
export type { ResourceTolerances } from './resource/transform.ts';
export { DEFAULT_ASSOCIATION } from './association/step.ts';
export type { AssociationOptions } from './association/step.ts';
export { EXACT_LIMITS } from './exact.ts';
