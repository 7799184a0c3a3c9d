/**
 * The paper's experiments, `mecsim experiment NAME`: the experiment files of experiments/paper/,
 * in the order `all` runs them. A name is a file like any other; nothing else is built in.
 */
import { fileURLToPath } from 'node:url';
import type { BaseConfig, Experiment } from './experiment.ts';
import type { FileConfig } from './file/config.ts';
import { fileExperiment } from './file/experiment.ts';

export const EXPERIMENT_NAMES: readonly string[] = [
  'collaborative',
  'weights',
  'users',
  'convergence',
  'validation',
];

export function isExperimentName(name: string): boolean {
  return EXPERIMENT_NAMES.includes(name);
}

/** The file of a paper experiment: experiments/paper/NAME.yaml, wherever the package is. */
export function paperFile(name: string): string {
  return fileURLToPath(new URL(`./paper/${name}.yaml`, import.meta.url));
}

/** The experiment of a stored configuration (experiment.json): its file's, as parsed. */
export function experimentFor(config: BaseConfig): Experiment<BaseConfig> {
  return fileExperiment(config as FileConfig) as Experiment<BaseConfig>;
}
