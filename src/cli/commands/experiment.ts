/**
 * `mecsim experiment NAME|FILE`: an experiment file — or one of the paper's, by name (the files of
 * experiments/paper/) — over seeded runs, on worker threads, optionally one shard of a cluster job
 * array, resumable; `all` runs the paper's five. Outputs are described in experiments/README.md.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  EXPERIMENT_NAMES,
  dryRun,
  isExperimentFile,
  loadExperimentFile,
  paperFile,
  runExperiment,
  verdictLines,
  type BaseConfig,
  type Experiment,
  type RunOutcome,
  type Shard,
} from '../../../experiments/index.ts';
import { PRESETS } from '../../scenario/index.ts';
import { InputError, setInterruptNote } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { DEFAULT_SEED, integerFlagSchema, parseFlags, RANGES } from '../flags.ts';
import { jsonLine } from '../json-output.ts';
import { progressBar } from '../progress.ts';

const DEFAULT_OUT = join('experiments', 'out');
const PRESET_NAMES = Object.keys(PRESETS);

const Flags = z.object({
  runs: integerFlagSchema(RANGES.runs).optional(),
  seed: integerFlagSchema(RANGES.seed),
  workers: integerFlagSchema(RANGES.workers).optional(),
  starts: integerFlagSchema(RANGES.starts).optional(),
  shard: z
    .string()
    .regex(/^\d+\/\d+$/, 'must be I/N with 0 <= I < N, e.g. 0/4')
    .optional()
    .refine(
      (v) => v === undefined || Number(v.split('/')[0]) < Number(v.split('/')[1]),
      'must be I/N with 0 <= I < N, e.g. 0/4',
    ),
  preset: z
    .string()
    .refine(
      (v) => v.split(',').every((p) => PRESET_NAMES.includes(p)),
      `must be a comma list of ${PRESET_NAMES.join(', ')}`,
    )
    .optional(),
  quick: z.boolean().default(false),
  resume: z.boolean().default(false),
  progress: z.boolean().default(true),
  out: z.string().min(1, 'must be a directory path').optional(),
  json: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  force: z.boolean().default(false),
});
type ParsedFlags = z.infer<typeof Flags>;

function shardOf(spec: string | undefined): Shard {
  if (spec === undefined) return { index: 0, count: 1 };
  const [index, count] = spec.split('/').map(Number) as [number, number];
  return { index, count };
}

/** The experiments the argument names, each with its configuration and output directory. */
function chosen(name: string, f: ParsedFlags, given: (flag: string) => boolean): Planned[] {
  if (!isExperimentFile(name) && name !== 'all' && !EXPERIMENT_NAMES.includes(name)) {
    throw new InputError(
      `experiment: must be one of ${EXPERIMENT_NAMES.join(', ')}, all, or an experiment file (.yaml, .yml, .json); got '${name}'`,
    );
  }
  const files = isExperimentFile(name) ? [name] : (name === 'all' ? EXPERIMENT_NAMES : [name]).map(paperFile);
  return files.map((path) => {
    const loaded = loadExperimentFile(path, {
      runs: f.runs,
      seed: given('seed') ? f.seed : undefined,
      quick: f.quick || undefined,
      force: f.force,
      presets: f.preset === undefined ? undefined : [...new Set(f.preset.split(','))],
      starts: f.starts,
    });
    const experiment = loaded.config.experiment;
    const outDir =
      name === 'all' ? join(f.out ?? DEFAULT_OUT, experiment) : (f.out ?? join(DEFAULT_OUT, experiment));
    return { ...loaded, outDir };
  });
}

interface Planned {
  readonly experiment: Experiment<BaseConfig>;
  readonly config: BaseConfig;
  readonly outDir: string;
}

async function printDryRun(p: Planned, f: ParsedFlags, workers: number): Promise<void> {
  const d = await dryRun(p.experiment, p.config, { workers, shard: shardOf(f.shard) });
  if (f.json) {
    process.stdout.write(jsonLine({ experiment: p.config.experiment, outDir: p.outDir, ...d }));
    return;
  }
  const shard = d.shardTasks === d.tasks ? '' : ` (${d.shardTasks} in shard ${f.shard})`;
  process.stdout.write(
    [
      `${p.config.experiment}: ${d.tasks} tasks${shard}; nothing written (dry run)`,
      `calibration: ${d.calibrated} task(s) in this thread, ${d.perTaskS.toFixed(2)} s each`,
      `estimated wall time: ${d.estimatedWallS.toFixed(0)} s on ${workers} worker(s) (plus worker start-up, ~2 s each; points differ in cost)`,
      `outputs in ${p.outDir}:`,
      ...d.layout.map((l) => `  ${l}`),
      '',
    ].join('\n'),
  );
}

function describe(e: Experiment<BaseConfig>, outDir: string, r: RunOutcome, wallS: number): string {
  const shard = r.shardTasks === r.tasks ? '' : ` (${r.shardTasks} in this shard)`;
  const where =
    r.figures === undefined
      ? `run files in ${outDir}; join the shards with: mecsim merge`
      : `outputs in ${outDir}`;
  return `${e.name}: ${r.tasks} tasks${shard}, ${r.ran} run now, ${r.resumed} already done; ${where}; wall ${wallS.toFixed(1)} s\n`;
}

export function configure(command: Command): void {
  command
    .argument(
      '<name|file>',
      `an experiment file (.yaml, .yml, .json), or a paper experiment: ${EXPERIMENT_NAMES.join(' | ')} (experiments/paper/NAME.yaml) | all`,
    )
    .option('--runs <k>', "seeded scenarios per sweep point (default: the experiment's)")
    .option('--seed <s>', 'master seed; run seeds derive from (seed, experiment, run)', String(DEFAULT_SEED))
    .option('--workers <w>', 'worker threads (default: the available cores)')
    .option('--shard <i/n>', 'run only the tasks whose index mod n is i (0-based, as Slurm --array=0-(n-1))')
    .option('--resume', 'continue a killed or partial run in --out')
    .option(
      '--out <dir>',
      `output directory (default ${DEFAULT_OUT}/NAME; for all, the parent of one directory per experiment)`,
    )
    .option('--quick', 'small sizes for CI (the whole set in under 2 minutes)')
    .option(
      '--preset <list>',
      `the values of the file's scenario.preset axis: a comma list of ${PRESET_NAMES.join(', ')} (default: the file's)`,
    )
    .option(
      '--starts <n>',
      "optimizer.starts: starting associations of every alternating method (the optimizer's multi-start; default: the file's, else 1)",
    )
    .option('--no-progress', 'no progress bar or lines on stderr')
    .option('--json', 'print one JSON line per experiment instead of text')
    .option(
      '--dry-run',
      'print the task count, an estimated wall time (from a short calibration) and the outputs; write nothing',
    )
    .option('--force', 'run an experiment file of more than 10^6 tasks')
    .addHelpText(
      'after',
      '\nExamples:\n  mecsim experiment users --quick\n  mecsim experiment all --workers 2\n  mecsim experiment weights --runs 20 --shard 0/8 --out shared/weights --resume' +
        '\n  mecsim experiment experiments/studies/split-phones.yaml --dry-run',
    )
    .action((name: string, flags: Record<string, unknown>) =>
      runCommand(async () => {
        const f = parseFlags(Flags, flags);
        const given = (flag: string): boolean => command.getOptionValueSource(flag) === 'cli';
        const workers = f.workers ?? availableParallelism();
        for (const { experiment: e, config, outDir } of chosen(name, f, given)) {
          if (f.dryRun) {
            await printDryRun({ experiment: e, config, outDir }, f, workers);
            continue;
          }
          // Every finished task is already on disk (written atomically), so an interrupt loses
          // only the tasks in flight; say how to continue.
          setInterruptNote(
            () => `finished tasks are kept in ${outDir}, continue with the same command and --resume`,
          );
          const t0 = performance.now();
          const shardLabel = f.shard === undefined ? '' : ` shard ${f.shard}`;
          const progress = f.progress ? progressBar(`${e.name}${shardLabel}`) : undefined;
          let r: RunOutcome;
          try {
            r = await runExperiment({
              experiment: e,
              config,
              outDir,
              shard: shardOf(f.shard),
              workers,
              resume: f.resume,
              ...(progress ? { onProgress: progress.update } : {}),
            });
          } finally {
            progress?.stop();
          }
          const wallS = (performance.now() - t0) / 1000;
          if (f.json) {
            process.stdout.write(
              jsonLine({
                experiment: e.name,
                outDir,
                tasks: r.tasks,
                shardTasks: r.shardTasks,
                ran: r.ran,
                resumed: r.resumed,
                assembled: r.figures !== undefined,
              }),
            );
          } else {
            process.stdout.write(describe(e, outDir, r, wallS));
            if (r.figures !== undefined) process.stdout.write(verdictLines(r.figures));
          }
        }
      }),
    );
}
