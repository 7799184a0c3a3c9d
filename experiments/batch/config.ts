/**
 * The experiment configuration as read back from `experiment.json` (merge and resume read it
 * from disk, so it is validated like any other input).
 */
import { z } from 'zod';
import { InputError } from '../../src/files/index.ts';
import type { ExperimentConfig } from '../experiment.ts';

const ExperimentConfigSchema = z.strictObject({
  version: z.literal(1),
  experiment: z.string(),
  runs: z.number().int().min(1),
  seed: z.number().int().min(0),
  quick: z.boolean(),
  presets: z.array(z.string()).min(1),
  starts: z.number().int().min(1),
});

export function parseConfig(value: unknown, where: string): ExperimentConfig {
  const parsed = ExperimentConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      `${where}: not an experiment configuration (${issue.path.join('.') || 'root'}: ${issue.message})`,
    );
  }
  return parsed.data;
}
