import type { Command } from 'commander';
import type { Scenario } from '../../scenario/schema.ts';
import type { SimConfig } from '../../../sim/config.ts';
import { simulate, type SimResult } from '../../../sim/run.ts';
import { InputError, writeFileAtomic } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { collectSets, masterSeed, SET_HELP, STRICT_NORMALIZATION_HELP } from '../flags.ts';
import { jsonText } from '../json-output.ts';
import { loadScenarioFile } from '../load.ts';
import { addPolicyFlags, withPolicies, type ChosenPolicies, type PolicyFlags } from '../policy-options.ts';
import { formatNumber as f } from '../table.ts';
import { addSimFlags, simConfigFromFlags } from '../sim-options.ts';
import {
  addLimitFlags,
  limitsFromFlags,
  partialLine,
  refuseAbsurdRun,
  watchSimulation,
  type RunLimits,
} from '../run-limits.ts';
import { TraceFile, type TraceFormat } from '../trace-file.ts';

interface SimulateFlags extends Record<string, unknown>, PolicyFlags {
  trace?: string;
  traceFormat?: string;
  json?: boolean;
  out?: string;
  set?: string[];
  strict?: boolean;
}

/** A run's result, with the budget that stopped it early if one did. */
export type WatchedResult = SimResult & { stoppedBy?: string };

/**
 * Runs a simulation with progress and budgets (src/cli/run-limits.ts), streaming the trace to a
 * file if asked; a failed run leaves no trace file.
 */
export async function simulateWithTrace(
  scenario: Scenario,
  policies: ChosenPolicies,
  run: { config: SimConfig; seed: number; limits: RunLimits },
  tracePath?: string,
  traceFormat: TraceFormat = 'jsonl',
): Promise<WatchedResult> {
  const { config, seed, limits } = run;
  const { policy, fallback } = policies;
  refuseAbsurdRun(scenario, config, limits);
  const trace = tracePath === undefined ? undefined : openTrace(tracePath, traceFormat);
  const watch = watchSimulation(scenario, config, limits);
  let result: SimResult;
  try {
    result = await simulate(scenario, {
      policy,
      ...(fallback ? { fallback } : {}),
      config,
      seed,
      ...(trace ? { onTrace: trace.write } : {}),
      wallClockS: () => performance.now() / 1000,
      ...(watch.maxEvents === undefined ? {} : { maxEvents: watch.maxEvents }),
      onSlice: watch.onSlice,
    });
    // The policy processes must have exited cleanly before the run counts as done.
    await policies.process?.close();
    trace?.close();
  } catch (err) {
    watch.finish(false);
    trace?.abort();
    if (err instanceof RangeError) throw new InputError(err.message);
    throw err;
  }
  const stoppedBy = watch.finish(result.partial === true);
  return stoppedBy === undefined ? result : { ...result, stoppedBy };
}

function openTrace(path: string, format: TraceFormat): TraceFile {
  try {
    return new TraceFile(path, format);
  } catch (err) {
    throw new InputError(`--trace ${path}: ${(err as Error).message}`);
  }
}

function formatSimSummary(result: WatchedResult): string {
  const m = result.metrics;
  const steps = m.perUser.reduce((s, u) => s + u.steps, 0);
  const head = `simulated ${f(result.endS)} s: ${result.events} events, ${steps} steps by ${m.perUser.length} users, ${result.epochs.length} epoch(s)`;
  // Per-step means are undefined until a step finishes (NaN): say so instead of printing them.
  if (steps === 0)
    return `${head}\nno user completed a training step, so there are no per-step means (a longer --duration or --steps gives some)`;
  return [
    head,
    `objective        ${m.complete ? f(m.objective) : 'n/a (some user completed no step)'}`,
    `total delay      ${f(m.totalDelayS)} s per step, summed over users (mean ${f(m.meanDelayS)} s)`,
    `total energy     ${f(m.totalEnergyJ)} J per step, summed over users`,
    `stability Σ AS   ${f(m.stability)}`,
  ].join('\n');
}

/** `mecsim simulate SCENARIO`: token batches through devices, uplinks and edge servers (MODEL.md §9). */
export function configure(command: Command): void {
  command
    .addHelpText(
      'after',
      '\nExamples:\n  mecsim simulate s.json --solution sol.json --steps 3\n  mecsim simulate s.json --policy reference --duration 3600 --fading rayleigh --coherence 0.1 --epoch 10 --trace t.json --trace-format chrome',
    )
    .argument('<scenario>', 'scenario file')
    .option('--solution <file>', 'keep this solution for the whole run (policy static)')
    .option('--trace <file>', 'stream every event to this file')
    .option('--trace-format <fmt>', 'jsonl | chrome (Perfetto timeline)', 'jsonl')
    .option('--json', 'print the result as one JSON document')
    .option('--out <file>', 'write the result JSON to this file')
    .option('--set <path=value>', SET_HELP, collectSets)
    .option('--strict', STRICT_NORMALIZATION_HELP);
  addLimitFlags(addSimFlags(addPolicyFlags(command))).action((scenarioPath: string, flags: SimulateFlags) =>
    runCommand(async () => {
      const format = flags.traceFormat;
      if (format !== 'jsonl' && format !== 'chrome')
        throw new InputError(`--trace-format: must be jsonl or chrome (got '${format}')`);
      const { config, seed: seedFlag } = simConfigFromFlags(flags);
      const limits = limitsFromFlags(flags);
      const scenario = loadScenarioFile(scenarioPath, { set: flags.set ?? [], strict: flags.strict });
      const seed = masterSeed(seedFlag, scenario);
      const { result, name } = await withPolicies(scenario, flags, seed, async (policies) => ({
        result: await simulateWithTrace(scenario, policies, { config, seed, limits }, flags.trace, format),
        name: policies.policy.name,
      }));
      const json = jsonText({ scenario: scenarioPath, policy: name, ...result });
      if (flags.out !== undefined) writeFileAtomic(flags.out, json);
      process.stdout.write(
        flags.json === true ? json : `${partialLine(result.stoppedBy)}${formatSimSummary(result)}\n`,
      );
    }),
  );
}
