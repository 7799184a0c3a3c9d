/** The named experiments of `mecsim experiment NAME`, in the order `all` runs them. */
import type { BaseConfig, Experiment } from './experiment.ts';
import { isFileConfig } from './file/config.ts';
import { fileExperiment } from './file/experiment.ts';
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

/** The experiment a stored configuration belongs to: an experiment file's, or a named one. */
export function experimentFor(config: BaseConfig): Experiment<BaseConfig> {
  return (
    isFileConfig(config) ? fileExperiment(config) : experimentNamed(config.experiment)
  ) as Experiment<BaseConfig>;
}
