/**
 * `mecsim merge DIR...`: joins the output directories of an experiment's shards (or assembles one
 * directory that every shard wrote into) and writes the final outputs.
 */
import type { Command } from 'commander';
import { mergeShards, verdictLines } from '../../../experiments/index.ts';
import { InputError } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { jsonLine } from '../json-output.ts';

export function configure(command: Command): void {
  command
    .argument('<dirs...>', 'output directories of the shards (one, if they all wrote into it)')
    .option('--out <dir>', 'where to write the merged outputs (needed with more than one directory)')
    .option('--json', 'print one JSON line instead of text')
    .addHelpText(
      'after',
      '\nExamples:\n  mecsim merge experiments/out/weights\n  mecsim merge shard-0 shard-1 shard-2 --out merged',
    )
    .action((dirs: string[], flags: { out?: string; json?: boolean }) =>
      runCommand(async () => {
        if (dirs.length > 1 && flags.out === undefined)
          throw new InputError('--out: needed to merge more than one directory');
        const r = await mergeShards(dirs, flags.out ?? dirs[0]!);
        if (flags.json === true) {
          const claims = r.figures.flatMap((f) =>
            f.claims.map((c) => ({ figure: f.name, claim: c.claim, verdict: c.verdict })),
          );
          process.stdout.write(
            jsonLine({ experiment: r.experiment, tasks: r.tasks, outDir: r.outDir, claims }),
          );
          return;
        }
        process.stdout.write(
          `${r.experiment}: merged ${r.tasks} tasks from ${dirs.length} director${dirs.length === 1 ? 'y' : 'ies'}; outputs in ${r.outDir}\n`,
        );
        process.stdout.write(verdictLines(r.figures));
      }),
    );
}
