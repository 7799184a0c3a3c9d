import type { Command } from 'commander';
import { formatBenchReport, runBenchmarks } from '../../../experiments/index.ts';
import { runCommand } from '../errors.ts';
import { jsonText } from '../json-output.ts';

/** `mecsim bench`: speed figures measured side by side in one run (not a test). */
export function configure(command: Command): void {
  command
    .addHelpText('after', '\nExamples:\n  mecsim bench\n  mecsim bench --json > bench.json')
    .option('--json', 'print one JSON document instead of a table')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const report = await runBenchmarks();
        process.stdout.write(options.json ? jsonText(report) : `${formatBenchReport(report)}\n`);
      }),
    );
}
