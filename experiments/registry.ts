/** The named experiments of `mecsim experiment NAME`, in the order `all` runs them. */
import type { Experiment } from './experiment.ts';
import { collaborativeExperiment } from './figures/collaborative.ts';
import { convergenceExperiment } from './figures/convergence.ts';
import { usersExperiment } from './figures/users.ts';
import { weightsExperiment } from './figures/weights.ts';
import { validationExperiment } from './validation/validation.ts';

export const EXPERIMENTS: readonly Experiment[] = [
  collaborativeExperiment,
  weightsExperiment,
  usersExperiment,
  convergenceExperiment,
  validationExperiment,
];

export const EXPERIMENT_NAMES: readonly string[] = EXPERIMENTS.map((e) => e.name);

export function isExperimentName(name: string): boolean {
  return EXPERIMENT_NAMES.includes(name);
}

export function experimentNamed(name: string): Experiment {
  const e = EXPERIMENTS.find((x) => x.name === name);
  if (e === undefined)
    throw new RangeError(`unknown experiment '${name}'; one of ${EXPERIMENT_NAMES.join(', ')}`);
  return e;
}
