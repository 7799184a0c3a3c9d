/**
 * The default job's settings: a config file (JSON or YAML, `mecsim run --config job.yaml`) so an
 * experiment is one reviewable file, with command-line flags overriding it. Validated with zod;
 * each bad value gets one line naming the field and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ALGORITHMS } from '../optimizer/index.ts';
import { PRESETS } from '../scenario/presets.ts';
import { DEFAULT_JOB_METHODS } from '../../experiments/default-job.ts';
import { InputError } from './errors.ts';
import { readJsonFile } from './io.ts';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const RunConfigSchema = z.strictObject({
  /** A scenario file; without it one is generated from preset/users/servers/layers/seed. */
  scenario: z.string().min(1).optional(),
  preset: z.enum(Object.keys(PRESETS) as [string, ...string[]]).default('paper'),
  users: int(1, 10_000).optional(),
  servers: int(1, 1_000).optional(),
  layers: int(1, 1_000).optional(),
  seed: int(0, 2 ** 31 - 1).default(1),
  methods: z.array(z.enum(ALGORITHMS)).min(1).default([...DEFAULT_JOB_METHODS]),
  /** Starting associations of the optimizer's outer loop. */
  starts: int(1, 100).default(3),
  out: z.string().min(1).default('results'),
  trace: z.boolean().default(true),
});

export type RunConfig = z.infer<typeof RunConfigSchema>;

function readConfigFile(path: string): unknown {
  if (!/\.ya?ml$/i.test(path)) return readJsonFile(path, 'config file');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`config file ${path}: cannot read (missing or not a file)`);
  }
  try {
    return parseYaml(text);
  } catch (err) {
    throw new InputError(`config file ${path}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The config file (if any) with the given flags on top, validated. */
export function resolveRunConfig(configPath: string | undefined, flags: Record<string, unknown>): RunConfig {
  const fromFile = configPath === undefined ? {} : readConfigFile(configPath);
  if (fromFile === null || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
    throw new InputError(`config file ${configPath}: must hold an object of settings`);
  }
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  if (typeof given.methods === 'string') given.methods = given.methods.split(',').map((m) => m.trim());
  const parsed = RunConfigSchema.safeParse({ ...fromFile, ...given });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  const source = field.split('.')[0]! in given ? `--${field.split('.')[0]}` : `config file ${configPath}: ${field}`;
  throw new InputError(`${source}: ${issue.message}`);
}
