import type { Command } from 'commander';
import { generateScenario } from '../../scenario/generate.ts';
import { formatScenario } from '../../scenario/format.ts';
import { PRESETS, presetNamed } from '../../scenario/presets.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { InputError, writeFileAtomic } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { jsonLine } from '../json-output.ts';
import { DEFAULT_SEED, integerFlag, RANGES } from '../flags.ts';

export interface ScenarioFlags {
  preset: string;
  users?: string;
  servers?: string;
  layers?: string;
  seed: string;
  out?: string;
  json?: boolean;
  uplinkDelay: boolean;
}

/**
 * `mecsim scenario`: writes a seeded scenario (the paper's defaults unless told otherwise) to
 * `--out`, or prints it.
 */
export function configure(command: Command): void {
  command
    .addHelpText(
      'after',
      '\nExamples:\n  mecsim scenario --out s.json\n  mecsim scenario --preset contested --users 20 --servers 4 --seed 7 --out c.json',
    )
    .option('--preset <name>', `parameter set: ${Object.keys(PRESETS).join(', ')}`, 'paper')
    .option('--users <n>', 'number of users (preset default: 50)')
    .option('--servers <m>', 'number of edge servers (preset default: 10 for paper)')
    .option('--layers <l>', 'transformer layers (preset default: 32)')
    .option(
      '--seed <s>',
      `master seed, an integer in ${RANGES.seed.min}..${RANGES.seed.max}`,
      String(DEFAULT_SEED),
    )
    .option('--no-uplink-delay', "the paper's exact objective: leave the uplink delay out (MODEL.md §3)")
    .option('--out <file>', 'write the scenario here instead of printing it')
    .option(
      '--json',
      'with --out: print what was written as one JSON line (without --out the scenario itself is JSON)',
    )
    .action((flags: ScenarioFlags) =>
      runCommand(() => {
        const { scenario, text } = scenarioFromFlags(flags);
        if (flags.out === undefined) {
          process.stdout.write(text);
          return;
        }
        writeFileAtomic(flags.out, text);
        if (flags.json === true) {
          process.stdout.write(
            jsonLine({
              out: flags.out,
              preset: scenario.preset,
              users: scenario.users.length,
              servers: scenario.servers.length,
              layers: scenario.llm.layers,
              seed: scenario.seed,
            }),
          );
          return;
        }
        process.stdout.write(
          `wrote ${flags.out}: ${scenario.preset} preset, ${scenario.users.length} users, ` +
            `${scenario.servers.length} servers, ${scenario.llm.layers} layers, seed ${scenario.seed}\n`,
        );
      }),
    );
}

/** The scenario the flags ask for and its file text; an InputError names a bad flag. */
export function scenarioFromFlags(flags: ScenarioFlags): { scenario: Scenario; text: string } {
  const preset = presetNamed(flags.preset);
  if (preset === undefined) {
    throw new InputError(
      `--preset: must be one of ${Object.keys(PRESETS).join(', ')}, got '${flags.preset}'`,
    );
  }
  const scenario = generateScenario({
    preset,
    users: integerFlag('--users', flags.users, RANGES.users),
    servers: integerFlag('--servers', flags.servers, RANGES.servers),
    layers: integerFlag('--layers', flags.layers, RANGES.layers),
    seed: integerFlag('--seed', flags.seed, RANGES.seed) ?? DEFAULT_SEED,
    uplinkDelay: flags.uplinkDelay,
  });
  return { scenario, text: formatScenario(scenario) };
}
