import type { Command } from 'commander';
import { formatScenario } from '../../scenario/format.ts';
import { PRESET_NAMES_ALL } from '../../scenario/presets.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { InputError, writeFileAtomic } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { jsonLine } from '../json-output.ts';
import { collectSets, DEFAULT_SEED, integerFlag, RANGES, SET_HELP } from '../flags.ts';
import { loadScenarioFile } from '../load.ts';
import { refuseHugeScenario } from '../run-limits.ts';
import { buildScenario } from '../scenario-spec.ts';

export interface ScenarioFlags {
  preset?: string;
  users?: string;
  servers?: string;
  layers?: string;
  seed: string;
  out?: string;
  json?: boolean;
  uplinkDelay: boolean;
  phones?: string;
  edgeGpus?: string;
  llm?: string;
  finetune?: string;
  precision?: string;
  radio?: string;
  from?: string;
  set?: string[];
  force?: boolean;
}

/**
 * `mecsim scenario`: writes a seeded scenario (the paper's defaults unless told otherwise, or one
 * composed from profiles) to `--out`, or prints it; `--from FILE` rewrites a file with `--set`
 * applied and its normalisation recomputed.
 */
export function configure(command: Command): void {
  command
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  mecsim scenario --out s.json',
        '  mecsim scenario --preset contested --users 20 --servers 4 --seed 7 --out c.json',
        '  mecsim scenario --preset realistic --out r.json',
        '  mecsim scenario --phones a15:0.5,sd8g2:0.5 --edge-gpus t4,v100 --llm llama-7b --finetune lora:8 --precision bf16 --radio umi --out p.json',
        '  mecsim scenario --from s.json --set users[*].flopsPerCycle=250 --out s2.json',
        'Profiles (names, figures, sources): mecsim profiles',
      ].join('\n'),
    )
    .option(
      '--preset <name>',
      `parameter set: ${PRESET_NAMES_ALL.join(', ')} (default paper; realistic with profile flags)`,
    )
    .option('--users <n>', 'number of users (preset default: 50)')
    .option('--servers <m>', 'number of edge servers (preset default: 10 for paper)')
    .option('--layers <l>', 'transformer layers (preset default: 32; with a profile LLM, its first L layers)')
    .option(
      '--seed <s>',
      `master seed, an integer in ${RANGES.seed.min}..${RANGES.seed.max}`,
      String(DEFAULT_SEED),
    )
    .option('--no-uplink-delay', "the paper's exact objective: leave the uplink delay out (MODEL.md §3)")
    .option(
      '--phones <mix>',
      'phone profiles and shares, e.g. a15:0.5,sd8g2:0.5 (equal shares without :share)',
    )
    .option('--edge-gpus <mix>', 'edge GPU profiles and shares, e.g. t4,v100')
    .option('--llm <name>', 'LLM profile, e.g. llama-7b')
    .option('--finetune <method>', 'full | lora:R | frozen:K')
    .option('--precision <name>', 'fp32 | fp16 | bf16 | int8')
    .option('--radio <name>', 'paper | umi | umi-los | uma | uma-los')
    .option(
      '--from <file>',
      'start from this scenario file instead of generating one (with --set: rewrite it)',
    )
    .option('--set <path=value>', SET_HELP, collectSets)
    .option('--out <file>', 'write the scenario here instead of printing it')
    .option('--force', 'write the scenario even when its file would be above 256 MiB')
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

const GENERATING_FLAGS = [
  'preset',
  'users',
  'servers',
  'layers',
  'phones',
  'edgeGpus',
  'llm',
  'finetune',
  'precision',
  'radio',
] as const;

/** The scenario the flags ask for and its file text; an InputError names a bad flag. */
export function scenarioFromFlags(flags: ScenarioFlags): { scenario: Scenario; text: string } {
  if (flags.from !== undefined) {
    const given = GENERATING_FLAGS.find((k) => flags[k] !== undefined);
    if (given !== undefined) {
      throw new InputError(
        `--${given}: generates a scenario, --from reads one; change a field of it with --set`,
      );
    }
    const scenario = loadScenarioFile(flags.from, { set: flags.set ?? [], renormalize: true });
    return { scenario, text: formatScenario(scenario) };
  }
  const users = integerFlag('--users', flags.users, RANGES.users);
  const servers = integerFlag('--servers', flags.servers, RANGES.servers);
  // The paper's 50 × 10 when not given: an estimate, to refuse a huge file before building it.
  refuseHugeScenario(users ?? 50, servers ?? 10, flags.force === true);
  const scenario = buildScenario({
    preset: flags.preset,
    users,
    servers,
    layers: integerFlag('--layers', flags.layers, RANGES.layers),
    seed: integerFlag('--seed', flags.seed, RANGES.seed) ?? DEFAULT_SEED,
    uplinkDelay: flags.uplinkDelay,
    phones: flags.phones,
    edgeGpus: flags.edgeGpus,
    llm: flags.llm,
    finetune: flags.finetune,
    precision: flags.precision,
    radio: flags.radio,
    set: flags.set ?? [],
  });
  return { scenario, text: formatScenario(scenario) };
}
