import type { Command } from 'commander';
import { evaluate } from '../../model/index.ts';
import { acceptDecision, firstObservation } from '../../../sim/decisions.ts';
import type { Policy } from '../../../sim/policy.ts';
import { compareWithAnalytic, type Comparison, type ValidationReport } from '../../../sim/validation.ts';
import { InputError } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { collectSets, masterSeed, SET_HELP, STRICT_NORMALIZATION_HELP } from '../flags.ts';
import { jsonText } from '../json-output.ts';
import { loadScenarioFile } from '../load.ts';
import { formatNumber as f, formatTable } from '../table.ts';
import { addSimFlags, simConfigFromFlags } from '../sim-options.ts';
import { addPolicyFlags, withPolicies, type PolicyFlags } from '../policy-options.ts';
import { addLimitFlags, limitsFromFlags, partialLine } from '../run-limits.ts';
import { simulateWithTrace } from './simulate.ts';

interface ValidateFlags extends Record<string, unknown>, PolicyFlags {
  dynamics?: boolean;
  json?: boolean;
  set?: string[];
  strict?: boolean;
}

const DYNAMIC_FLAGS = [
  'fading',
  'mobility',
  'edgeGpu',
  'epoch',
  'rateTrigger',
  'duration',
  'gradientDownload',
  'solveTime',
  'migration',
  'handover',
] as const;

function pct(c: Comparison): string {
  return Number.isFinite(c.relError) ? `${f(100 * c.relError)}%` : 'n/a';
}

const COLUMNS = [
  'user',
  'steps',
  'delay an s',
  'delay sim s',
  'delay err',
  'energy an J',
  'energy sim J',
  'energy err',
];

function formatReport(r: ValidationReport, dynamics: boolean): string {
  const rows = r.perUser.map((u) => [
    String(u.user),
    String(u.steps),
    f(u.delayS.analytic),
    f(u.delayS.simulated),
    pct(u.delayS),
    f(u.energyJ.analytic),
    f(u.energyJ.simulated),
    pct(u.energyJ),
  ]);
  return [
    `analytic (MODEL.md §3) vs simulated per-step means${dynamics ? ' under the given dynamics' : ', static channel, dedicated shares'}`,
    formatTable(COLUMNS, rows),
    `total delay  ${f(r.totalDelayS.analytic)} s vs ${f(r.totalDelayS.simulated)} s (${pct(r.totalDelayS)})`,
    `total energy ${f(r.totalEnergyJ.analytic)} J vs ${f(r.totalEnergyJ.simulated)} J (${pct(r.totalEnergyJ)})`,
    `largest per-user relative error: ${f(r.maxAbsRelError)}`,
  ].join('\n');
}

/** `mecsim validate SCENARIO`: analytic vs simulated delay and energy, per user and in total. */
export function configure(command: Command): void {
  command
    .addHelpText(
      'after',
      '\nExamples:\n  mecsim validate s.json --solution sol.json\n  mecsim validate s.json --dynamics --edge-gpu processor-sharing --fading rayleigh --coherence 500 --steps 3',
    )
    .argument('<scenario>', 'scenario file')
    .option('--solution <file>', 'the allocation to check (default: the reference policy)')
    .option('--dynamics', 'simulate with the dynamics flags (fading, mobility, processor sharing, epochs)')
    .option('--json', 'print the report as one JSON document')
    .option('--set <path=value>', SET_HELP, collectSets)
    .option('--strict', STRICT_NORMALIZATION_HELP);
  addLimitFlags(addSimFlags(addPolicyFlags(command))).action((scenarioPath: string, flags: ValidateFlags) =>
    runCommand(async () => {
      if (flags.dynamics !== true) {
        const given = DYNAMIC_FLAGS.filter(
          (k) =>
            k in flags &&
            flags[k] !== undefined &&
            !['static', 'none', 'dedicated', false].includes(flags[k] as string),
        );
        if (given.length > 0) throw new InputError(`--${given[0]}: dynamics flags need --dynamics`);
      }
      const { config, seed: seedFlag } = simConfigFromFlags(flags);
      const limits = limitsFromFlags(flags);
      const scenario = loadScenarioFile(scenarioPath, { set: flags.set ?? [], strict: flags.strict });
      const seed = masterSeed(seedFlag, scenario);
      const { report, name, stoppedBy } = await withPolicies(scenario, flags, seed, async (policies) => {
        const { policy } = policies;
        const allocation = await acceptDecision(policy, firstObservation(scenario));
        // The run starts from the allocation just compared (no second optimisation); later epochs
        // re-run the policy on the gains in force.
        const startFrom: Policy = {
          name: policy.name,
          decide: (observation) => (observation.epoch === 0 ? allocation : policy.decide(observation)),
          ...(policy.end ? { end: policy.end.bind(policy) } : {}),
        };
        const result = await simulateWithTrace(
          scenario,
          { ...policies, policy: startFrom },
          { config, seed, limits },
        );
        return {
          report: compareWithAnalytic(evaluate(scenario, allocation), result.metrics),
          name: policy.name,
          stoppedBy: result.stoppedBy,
        };
      });
      process.stdout.write(
        flags.json === true
          ? jsonText({
              scenario: scenarioPath,
              policy: name,
              dynamics: flags.dynamics === true,
              ...(stoppedBy === undefined ? {} : { partial: true, stoppedBy }),
              ...report,
            })
          : `${partialLine(stoppedBy)}${formatReport(report, flags.dynamics === true)}\n`,
      );
    }),
  );
}
