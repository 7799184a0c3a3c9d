/**
 * The `mecsim` command line. Each command lives in its own module under `commands/` and registers
 * itself on the program; this file only wires them together and maps commander's usage errors to
 * exit code 2.
 */
import { Command, CommanderError } from 'commander';
import { EXIT_INPUT } from './errors.ts';
import { registerBench } from './commands/bench.ts';
import { registerRun } from './commands/run.ts';
import { registerScenario } from './commands/scenario.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerValidate } from './commands/validate.ts';
import { registerExperiment } from './commands/experiment.ts';
import { registerMerge } from './commands/merge.ts';
import { registerOptimize } from './commands/optimize.ts';

export function buildProgram(): Command {
  const program = new Command('mecsim')
    .description('Discrete-event simulator and optimizer for split fine-tuning of LLMs in mobile edge computing')
    // Usage errors in the same one-line form as every other input error.
    .configureOutput({ outputError: (text, write) => write(`mecsim: ${text.replace(/^error: /, '').trim()} (see --help)\n`) })
    .addHelpText('after', [
      '',
      'Quick start:',
      '  mecsim run                                  the default job (what npm start runs)',
      '  mecsim scenario --out s.json                the paper\'s 50-user, 10-server network, seed 1',
      '  mecsim optimize s.json --out sol.json       the paper\'s algorithm',
      '  mecsim validate s.json --solution sol.json  closed form vs simulation',
      '',
      'Exit codes: 0 ok, 1 runtime failure, 2 usage or input error (one line on stderr).',
    ].join('\n'))
    .exitOverride();
  registerRun(program);
  registerBench(program);
  registerScenario(program);
  registerEvaluate(program);
  registerSimulate(program);
  registerValidate(program);
  registerExperiment(program);
  registerMerge(program);
  registerOptimize(program);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // commander has already printed its one-line message (or the help text).
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_INPUT;
  } else {
    throw err;
  }
}
