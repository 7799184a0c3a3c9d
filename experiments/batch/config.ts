/**
 * The experiment configuration (a paper experiment's or an experiment file's) as read back from `experiment.json` (merge and resume read it
 * from disk, so it is validated like any other input: strict keys, the flags' ranges).
 */
import { z } from 'zod';
import { InputError } from '../../src/files/index.ts';
import { issueLine } from '../../src/scenario/parse.ts';
import { integerIn, RANGES } from '../../src/scenario/ranges.ts';
import { strictObject } from '../../src/scenario/strict.ts';
import type { BaseConfig } from '../experiment.ts';
import { FileConfigSchema } from '../file/config.ts';

const ExperimentConfigSchema = strictObject({
  version: z.literal(1),
  experiment: z.string(),
  runs: integerIn(RANGES.runs),
  seed: integerIn(RANGES.seed),
  quick: z.boolean(),
  presets: z.array(z.string()).min(1),
  starts: integerIn(RANGES.starts),
});

/** A paper experiment's configuration, or an experiment file's (told apart by its `file` key). */
export function parseConfig(value: unknown, where: string): BaseConfig {
  const isFile = value !== null && typeof value === 'object' && 'file' in value;
  const parsed = (isFile ? FileConfigSchema : ExperimentConfigSchema).safeParse(value);
  if (!parsed.success)
    throw new InputError(`${where}: not an experiment configuration: ${issueLine(parsed.error, value).line}`);
  return parsed.data;
}
