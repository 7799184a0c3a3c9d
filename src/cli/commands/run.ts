import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_JOB_METHODS,
  OUTSIDE_9A,
  methodsChart,
  renderSvg,
  runDefaultJob,
  summaryRow,
  toCsv,
  type MethodResult,
} from '../../../experiments/index.ts';
import { formatScenario } from '../../scenario/format.ts';
import type { Scenario } from '../../scenario/schema.ts';
import {
  InputError,
  releaseTemporary,
  setInterruptNote,
  trackTemporary,
  writeFileAtomic,
} from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { collectSets, DEFAULT_SEED, masterSeed, SET_HELP } from '../flags.ts';
import { buildScenario, flagLabel } from '../scenario-spec.ts';
import { jsonText } from '../json-output.ts';
import { loadScenarioFile } from '../load.ts';
import { formatNumber as f, formatTable } from '../table.ts';
import { resolveRunConfig, type RunConfig } from '../run-config.ts';
import { progressBar } from '../progress.ts';
import { solutionFileText } from '../solution-file.ts';
import { TraceFile } from '../trace-file.ts';

interface RunFlags {
  config?: string;
  [flag: string]: unknown;
}

function scenarioFor(c: RunConfig, label: (key: string) => string): Scenario {
  if (c.scenario !== undefined) return loadScenarioFile(c.scenario, { set: c.set });
  return buildScenario({ ...c, seed: c.seed ?? DEFAULT_SEED }, label);
}

function summaryTable(results: readonly MethodResult[]): string {
  const header = [
    'method',
    'objective',
    'mean delay s',
    'energy J',
    'stability',
    'mean α',
    'sim delay s',
    'sim rel err',
  ];
  const rows = results.map((r) => {
    const s = summaryRow(r);
    const name = OUTSIDE_9A.includes(r.method) ? `${r.method} *` : r.method;
    return [
      name,
      f(r.solved.metrics.objective),
      f(r.solved.metrics.meanDelayS),
      f(r.solved.metrics.totalEnergyJ),
      f(r.solved.metrics.stability),
      f(s.meanLocalLayers as number),
      f(r.simulatedMeanDelayS),
      f(r.maxSimRelError),
    ];
  });
  return `${formatTable(header, rows, { textColumns: 1 })}\n* outside constraint (9a): shown for reference, not ranked`;
}

/** Writes every output into a fresh folder beside `out`, then moves the files in: no partial set. */
async function writeOutputs(
  c: RunConfig,
  scenario: Scenario,
  results: readonly MethodResult[],
  staged: string,
): Promise<string[]> {
  const rows = results.map(summaryRow);
  const columns = Object.keys(rows[0]!);
  const files: Record<string, string> = {
    'scenario.json': formatScenario(scenario),
    'summary.csv': toCsv(columns, rows),
    'summary.json': jsonText({
      scenario: c.scenario ?? `${scenario.preset} preset, seed ${scenario.seed}`,
      methods: rows,
    }),
    'methods.svg': await renderSvg(methodsChart(rows)),
  };
  for (const r of results) {
    files[`solution-${r.method}.json`] = solutionFileText({ ...r.solved, algorithm: r.method });
  }
  for (const [name, text] of Object.entries(files)) writeFileAtomic(join(staged, name), text);
  return Object.keys(files);
}

/** `mecsim run`: the default job that `npm start` runs. */
export function configure(command: Command): void {
  command
    .option('--config <file>', 'settings from a JSON or YAML file (flags override it)')
    .option('--scenario <file>', 'use this scenario instead of generating one')
    .option('--preset <name>', 'generated scenario preset: paper | contested | realistic')
    .option('--phones <mix>', 'compose from profiles (as mecsim scenario): phone mix, e.g. a15:0.5,sd8g2:0.5')
    .option('--edge-gpus <mix>', 'edge GPU mix, e.g. t4,v100')
    .option('--llm <name>', 'LLM profile')
    .option('--finetune <method>', 'full | lora:R | frozen:K')
    .option('--precision <name>', 'fp32 | fp16 | bf16 | int8')
    .option('--radio <name>', 'paper | umi | umi-los | uma | uma-los')
    .option('--set <path=value>', SET_HELP, collectSets)
    .option('--users <n>', 'generated scenario: users (preset default 50)')
    .option('--servers <m>', 'generated scenario: servers (preset default 10)')
    .option('--layers <l>', 'generated scenario: layers (default 32)')
    .option(
      '--seed <s>',
      `master seed: of the generated scenario (default ${DEFAULT_SEED}) and the methods' random draws (default: the scenario's)`,
    )
    .option('--methods <list>', `comma-separated (default ${DEFAULT_JOB_METHODS.join(',')})`)
    .option('--starts <k>', 'starting associations of the optimizer (default 3)')
    .option('--out <dir>', 'output folder (default results)')
    .option('--no-trace', "do not write the trace of the first method's simulated step")
    .option('--json', 'print the summary as one JSON document instead of a table')
    .addHelpText(
      'after',
      '\nExamples:\n  mecsim run\n  mecsim run --preset contested --users 20 --servers 4 --out results-contested\n  mecsim run --config job.yaml --methods proposed,greedy',
    )
    .action((flags: RunFlags) =>
      runCommand(async () => {
        const { config: configPath, trace, json, ...rest } = flags;
        const c = resolveRunConfig(configPath, { ...rest, ...(trace === false ? { trace: false } : {}) });
        const label = (key: string): string =>
          rest[key] !== undefined ? flagLabel(key) : `config file ${configPath}: ${key}`;
        const scenario = scenarioFor(c, label);
        try {
          mkdirSync(c.out, { recursive: true });
        } catch (err) {
          throw new InputError(
            `--out ${c.out}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
          );
        }
        const staged = join(c.out, `.partial-${process.pid}`);
        mkdirSync(staged, { recursive: true });
        // An interrupt removes the staging folder (src/files/interrupt.ts): nothing reaches c.out.
        trackTemporary(staged);
        setInterruptNote(() => 'no results written');
        const cleanUp = (): void => {
          rmSync(staged, { recursive: true, force: true });
          releaseTemporary(staged);
        };
        try {
          const traceFile = c.trace
            ? new TraceFile(join(staged, `trace-${c.methods[0]}.json`), 'chrome')
            : undefined;
          const progress = progressBar('optimise + simulate');
          const results = await runDefaultJob(scenario, {
            methods: c.methods,
            seed: masterSeed(c.seed, scenario),
            starts: c.starts,
            onProgress: progress.update,
            ...(traceFile ? { onTrace: traceFile.write } : {}),
          });
          progress.stop();
          traceFile?.close();
          const names = await writeOutputs(c, scenario, results, staged);
          if (traceFile) names.push(`trace-${c.methods[0]}.json`);
          for (const name of names) renameSync(join(staged, name), join(c.out, name));
          const written = names.map((n) => join(c.out, n));
          process.stdout.write(
            json === true
              ? jsonText({ methods: results.map(summaryRow), files: written })
              : `${summaryTable(results)}\n\nwrote ${written.join(', ')}\n`,
          );
        } finally {
          cleanUp();
        }
      }),
    );
}
