import type { Command } from 'commander';
import { runCommand } from '../errors.ts';

/** `mecsim run`: the default end-to-end job (`npm start`). */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('the default job')
    .action(() => runCommand(() => {
      process.stdout.write('mecsim: nothing to run yet\n');
    }));
}
