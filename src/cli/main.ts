/**
 * The `mecsim` command line. Every command is a name and a one-line description here, and a
 * module under `commands/` that adds its arguments, options and action; only the module of the
 * command being run (or asked for `--help`) is loaded, so `mecsim scenario` does not pay for the
 * optimizer, the simulation or the experiments. Commander's usage errors exit 2.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { guardProcess, InputError } from '../files/index.ts';
import { EXIT_INPUT } from './errors.ts';
import { checkCommandPaths } from './output-paths.ts';

interface CommandModule {
  configure(command: Command): void;
}

/** In the order `mecsim --help` lists them. */
const COMMANDS: readonly { name: string; description: string; load: () => Promise<CommandModule> }[] = [
  {
    name: 'run',
    load: () => import('./commands/run.ts'),
    description:
      "the default job: optimise the paper's network with every method, simulate, summarise, write results/",
  },
  {
    name: 'bench',
    load: () => import('./commands/bench.ts'),
    description:
      'speed of the engine (against a raw fastpriorityqueue loop), the optimizer and the simulation',
  },
  {
    name: 'scenario',
    load: () => import('./commands/scenario.ts'),
    description: "generate a seeded scenario file (the paper's section 5 network by default)",
  },
  {
    name: 'profiles',
    load: () => import('./commands/profiles.ts'),
    description: 'the phone, edge-GPU, LLM, fine-tuning, precision and radio profiles, with sources',
  },
  {
    name: 'evaluate',
    load: () => import('./commands/evaluate.ts'),
    description: 'analytic delay, energy, stability and objective of a solution',
  },
  {
    name: 'simulate',
    load: () => import('./commands/simulate.ts'),
    description:
      'simulate users training batch after batch under a policy, with optional fading, mobility and epochs',
  },
  {
    name: 'validate',
    load: () => import('./commands/validate.ts'),
    description: 'compare the closed-form delay and energy with a simulated run',
  },
  {
    name: 'experiment',
    load: () => import('./commands/experiment.ts'),
    description:
      'run an experiment file, a figure of the paper or the validation over seeded runs (see experiments/README.md)',
  },
  {
    name: 'merge',
    load: () => import('./commands/merge.ts'),
    description: 'join the shard outputs of one experiment run and write its tables, plots and report',
  },
  {
    name: 'schema',
    load: () => import('./commands/schema.ts'),
    description:
      'print the JSON Schema of a format other programs exchange with mecsim (policy, experiment files)',
  },
  {
    name: 'optimize',
    load: () => import('./commands/optimize.ts'),
    description:
      "optimise split, association, power, bandwidth and GPU frequencies (the paper's algorithm or a baseline)",
  },
];

/** The command the arguments name (`mecsim help NAME` too), or undefined. */
function commandNamed(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  engines: { node: string };
};
const VERSION = PACKAGE.version;

/** The Node.js floor of package.json's `engines` (`>=20.19`), checked before anything else runs. */
function checkNodeVersion(): void {
  const need = /^>=\s*(\d+)(?:\.(\d+))?/.exec(PACKAGE.engines.node);
  if (need === null) return;
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  const [needMajor, needMinor] = [Number(need[1]), Number(need[2] ?? 0)];
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return;
  process.stderr.write(
    `mecsim: Node.js ${process.versions.node} is too old; mecsim needs Node.js ${PACKAGE.engines.node} (package.json engines)\n`,
  );
  process.exit(1);
}

/** The program with every command listed and `name`'s module loaded and configured. */
async function buildProgram(name: string | undefined): Promise<Command> {
  const program = new Command('mecsim')
    .version(VERSION, '-V, --version', 'print the version of mecsim')
    .description(
      'Discrete-event simulator and optimizer for split fine-tuning of LLMs in mobile edge computing',
    )
    // Usage errors in the same one-line form as every other input error.
    .configureOutput({
      outputError: (text, write) => write(`mecsim: ${text.replace(/^error: /, '').trim()} (see --help)\n`),
    })
    .addHelpText(
      'after',
      [
        '',
        'Quick start:',
        '  mecsim run                                  the default job (what npm start runs)',
        "  mecsim scenario --out s.json                the paper's 50-user, 10-server network, seed 1",
        "  mecsim optimize s.json --out sol.json       the paper's algorithm",
        '  mecsim validate s.json --solution sol.json  closed form vs simulation',
        '',
        'Exit codes: 0 ok, 1 runtime failure, 2 usage or input error, 3 a policy failed in the loop (one line on stderr).',
      ].join('\n'),
    )
    .exitOverride()
    // Output paths are checked for every command before it starts (src/cli/output-paths.ts).
    .hook('preAction', (_program, command) => checkCommandPaths(command));
  for (const c of COMMANDS) {
    const command = program.command(c.name).description(c.description);
    if (c.name === name) (await c.load()).configure(command);
  }
  return program;
}

checkNodeVersion();
guardProcess();
try {
  const program = await buildProgram(commandNamed(process.argv.slice(2)));
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // commander has already printed its one-line message (or the help text).
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_INPUT;
  } else if (err instanceof InputError) {
    process.stderr.write(`mecsim: ${err.message}\n`);
    process.exitCode = EXIT_INPUT;
  } else {
    throw err;
  }
}
