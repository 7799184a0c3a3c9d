/**
 * The policy flags shared by `simulate` and `validate`: `--solution FILE` (a fixed allocation),
 * `--policy NAME|MODULE` (a named policy, or a user's TypeScript/JavaScript module loaded at run
 * time), `--policy-cmd COMMAND` (a process speaking the JSON-lines protocol of
 * `sim/policy-protocol.ts`, each answer within `--policy-timeout` seconds) and `--fallback
 * NAME|MODULE` (decides at an epoch where the policy's decision is infeasible). A module's default
 * export is a policy (`sim/policy.ts`: `{ name, decide }`) or a factory `({ scenario, seed }) =>
 * policy` (may be async).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import { staticPolicy, type Policy } from '../../sim/policy.ts';
import { policyNamed, policyNames } from '../../sim/policies.ts';
import { checkSolution, formatViolation, type Allocation } from '../model/index.ts';
import { InputError } from '../files/index.ts';
import {
  DEFAULT_POLICY_TIMEOUT_S,
  isModulePath,
  loadPolicyModule,
  MAX_POLICY_TIMEOUT_S,
  startCommandPolicy,
  withProcess,
  type ProcessPolicy,
} from '../user-policy/index.ts';
import { parseFlags, realFlagSchema } from './flags.ts';
import { loadSolutionFile } from './load.ts';

export interface PolicyFlags {
  solution?: string;
  policy?: string;
  policyCmd?: string;
  policyTimeout?: string;
  fallback?: string;
}

/** The policies a run uses, and the process behind the policy if it is a command. */
export interface ChosenPolicies {
  policy: Policy;
  fallback: Policy | undefined;
  process?: ProcessPolicy;
}

/** Adds `--policy` and `--fallback` (each command adds its own `--solution`). */
export function addPolicyFlags(command: Command): Command {
  return command
    .option(
      '--policy <name|module>',
      `re-optimise at epochs with this policy: ${policyNames().join(', ')} (default reference), or a module such as ./my-policy.ts`,
    )
    .option(
      '--policy-cmd <command>',
      'decide in another process that speaks JSON lines on stdin/stdout (\'mecsim schema policy\'), e.g. "python3 agent.py"',
    )
    .option(
      '--policy-timeout <s>',
      `seconds a --policy-cmd process may take for each answer (default ${DEFAULT_POLICY_TIMEOUT_S})`,
    )
    .option(
      '--fallback <name|module>',
      "decide with this policy at an epoch where the policy's decision is infeasible (default: stop the run)",
    );
}

/** A named policy or a module, for `--policy` and `--fallback`. */
async function policyFrom(flag: string, value: string, scenario: Scenario, seed: number): Promise<Policy> {
  if (isModulePath(value)) return loadPolicyModule(value, { scenario, seed }, `${flag} ${value}`);
  const policy = policyNamed(value, { seed });
  if (policy === undefined)
    throw new InputError(`${flag}: unknown policy '${value}' (choose from ${policyNames().join(', ')})`);
  return policy;
}

/** A solution file checked against the scenario, as an allocation. */
function loadFeasibleAllocation(scenario: Scenario, path: string): Allocation {
  const solution = loadSolutionFile(path);
  const violations = checkSolution(scenario, solution, { allowEdgeOnly: true });
  if (violations.length > 0) {
    throw new InputError(
      `solution file ${path} is infeasible: ${violations.slice(0, 5).map(formatViolation).join('; ')}`,
    );
  }
  return solution;
}

const TimeoutFlag = z.object({
  policyTimeout: realFlagSchema({ min: 0, minIncluded: false, max: MAX_POLICY_TIMEOUT_S }).optional(),
});

/** `--policy-cmd`: the process, started now, and the policy that speaks to it. */
function commandPolicy(flags: PolicyFlags, seed: number): ProcessPolicy {
  const command = flags.policyCmd!;
  if (command.trim() === '') throw new InputError('--policy-cmd: must be a command, got an empty string');
  const timeoutS = parseFlags(TimeoutFlag, { ...flags }).policyTimeout ?? DEFAULT_POLICY_TIMEOUT_S;
  return startCommandPolicy(command, { timeoutS, timeoutName: '--policy-timeout', seed });
}

/** The policies the flags ask for; a named policy's optimizer uses `seed`. */
export async function choosePolicies(
  scenario: Scenario,
  flags: PolicyFlags,
  seed: number,
): Promise<ChosenPolicies> {
  const given = (['solution', 'policy', 'policyCmd'] as const).filter((k) => flags[k] !== undefined);
  const flag = { solution: '--solution', policy: '--policy', policyCmd: '--policy-cmd' };
  if (given.length === 2) throw new InputError(`give ${flag[given[0]!]} or ${flag[given[1]!]}, not both`);
  if (given.length > 2) throw new InputError('give one of --solution, --policy and --policy-cmd');
  if (flags.policyTimeout !== undefined && flags.policyCmd === undefined)
    throw new InputError('--policy-timeout: only with --policy-cmd');
  const fallback =
    flags.fallback === undefined ? undefined : await policyFrom('--fallback', flags.fallback, scenario, seed);
  if (flags.solution !== undefined)
    return { policy: staticPolicy(loadFeasibleAllocation(scenario, flags.solution)), fallback };
  if (flags.policyCmd === undefined)
    return { policy: await policyFrom('--policy', flags.policy ?? 'reference', scenario, seed), fallback };
  const owned = commandPolicy(flags, seed);
  return { policy: owned.policy, fallback, process: owned };
}

/**
 * Runs `body` with the policies the flags ask for; afterwards every policy process has exited:
 * waited for after success, killed after a failure (a process left running would keep mecsim
 * waiting on its pipes).
 */
export async function withPolicies<T>(
  scenario: Scenario,
  flags: PolicyFlags,
  seed: number,
  body: (policies: ChosenPolicies) => Promise<T>,
): Promise<T> {
  const policies = await choosePolicies(scenario, flags, seed);
  return withProcess(policies.process, () => body(policies));
}
