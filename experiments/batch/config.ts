/**
 * The experiment configuration as read back from `experiment.json` (merge and resume read it
 * from disk, so it is validated like any other input: strict keys, the flags' ranges).
 */
import { InputError } from '../../src/files/index.ts';
import { issueLine } from '../../src/scenario/parse.ts';
import type { BaseConfig } from '../experiment.ts';
import { FileConfigSchema } from '../file/config.ts';

/** An experiment file's stored configuration. */
export function parseConfig(value: unknown, where: string): BaseConfig {
  const parsed = FileConfigSchema.safeParse(value);
  if (!parsed.success)
    throw new InputError(`${where}: not an experiment configuration: ${issueLine(parsed.error, value).line}`);
  return parsed.data;
}
