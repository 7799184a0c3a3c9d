/**
 * The default job's settings: a config file (JSON or YAML, `mecsim run --config job.yaml`) so an
 * experiment is one reviewable file, with command-line flags overriding it. Validated with zod;
 * each bad value gets one line naming the field and what is allowed.
 */
import { z } from 'zod';
import { ALGORITHMS } from '../optimizer/index.ts';
import { PRESET_NAMES_ALL } from '../scenario/presets.ts';
import { DEFAULT_JOB_METHODS } from '../../experiments/index.ts';
import { InputError, readSettingsFile } from '../files/index.ts';
import { issueLine } from '../scenario/parse.ts';
import { strictObject } from '../scenario/strict.ts';
import { integerIn } from '../scenario/ranges.ts';
import { integerFlag, RANGES } from './flags.ts';

const RunConfigSchema = strictObject({
  /** A scenario file; without it one is generated from preset/users/servers/layers/seed. */
  scenario: z.string().min(1).optional(),
  /** Default: paper, or realistic when a profile setting is given. */
  preset: z.enum(PRESET_NAMES_ALL as [string, ...string[]]).optional(),
  /** Profiles to compose from (`mecsim profiles`), as the scenario command's flags. */
  phones: z.string().min(1).optional(),
  edgeGpus: z.string().min(1).optional(),
  llm: z.string().min(1).optional(),
  finetune: z.string().min(1).optional(),
  precision: z.string().min(1).optional(),
  radio: z.string().min(1).optional(),
  /** `PATH=VALUE` overrides of the scenario, applied in order. */
  set: z.array(z.string()).default([]),
  users: integerIn(RANGES.users).optional(),
  servers: integerIn(RANGES.servers).optional(),
  layers: integerIn(RANGES.layers).optional(),
  /** Master seed (flags.ts `masterSeed`); the generated scenario's seed is this or DEFAULT_SEED. */
  seed: integerIn(RANGES.seed).optional(),
  methods: z
    .array(z.enum(ALGORITHMS))
    .min(1)
    .default([...DEFAULT_JOB_METHODS]),
  /** Starting associations of the optimizer's outer loop. */
  starts: integerIn(RANGES.starts).default(3),
  out: z.string().min(1).default('results'),
  trace: z.boolean().default(true),
});

export type RunConfig = z.infer<typeof RunConfigSchema>;

/** The integer settings, whose flags come as text and whose file values must be numbers. */
const INTEGER_FLAGS = ['users', 'servers', 'layers', 'seed', 'starts'] as const;

/** The config file (if any) with the given flags on top, validated. */
export function resolveRunConfig(configPath: string | undefined, flags: Record<string, unknown>): RunConfig {
  const fromFile = configPath === undefined ? {} : readSettingsFile(configPath, 'config file');
  if (fromFile === null || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
    throw new InputError(`config file ${configPath}: must hold an object of settings`);
  }
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  if (typeof given.methods === 'string') given.methods = given.methods.split(',').map((m) => m.trim());
  for (const key of INTEGER_FLAGS) {
    if (key in given) given[key] = integerFlag(`--${key}`, given[key] as string, RANGES[key]);
  }
  const merged = { ...fromFile, ...given };
  const parsed = RunConfigSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const { field, line } = issueLine(parsed.error, merged);
  const key = field.split(/[.[]/)[0]!;
  if (key in given) throw new InputError(`--${key}: ${line.slice(line.indexOf(': ') + 2)}`);
  throw new InputError(`config file ${configPath}: ${line}`);
}
