/**
 * The stored configuration of an experiment-file run (`experiment.json`): the file as parsed
 * (defaults filled in) and, when its base scenario is a file, that scenario itself, so resume,
 * merge and every worker need nothing but this record — not the experiment file. A file whose
 * policy is a module or a command also records its folder, where those are found and run: as a
 * path from the working folder, so the record (and every row) is the same on every machine that
 * runs the same command from the same place.
 */
import { z } from 'zod';
import { integerIn, RANGES } from '../../src/scenario/ranges.ts';
import { strictObject } from '../../src/scenario/strict.ts';
import type { BaseConfig } from '../experiment.ts';
import { SweepFileSchema, type SweepFile } from './schema.ts';

export interface FileConfig extends BaseConfig {
  readonly file: SweepFile;
  /** The scenario of `scenario.file`, as read (JSON); absent for a preset or profiles. */
  readonly baseScenario?: unknown;
  /** The experiment file's folder, from the working folder ('/'-separated), when its policy is a
   *  module or a command. */
  readonly folder?: string;
}

export const FileConfigSchema = strictObject({
  version: z.literal(1),
  experiment: z.string(),
  runs: integerIn(RANGES.runs),
  seed: integerIn(RANGES.seed),
  file: SweepFileSchema,
  baseScenario: z.unknown().optional(),
  folder: z.string().optional(),
});

export function isFileConfig(config: BaseConfig): config is FileConfig {
  return 'file' in config;
}
