/**
 * The policy flags shared by `simulate` and `validate`: `--solution FILE` (a fixed allocation),
 * `--policy NAME|MODULE` (a named policy, or a user's TypeScript/JavaScript module loaded at run
 * time), `--policy-cmd COMMAND` (a process speaking the JSON-lines protocol of
 * `sim/policy-protocol.ts`, each answer within `--policy-timeout` seconds) and `--fallback
 * NAME|MODULE` (decides at an epoch where the policy's decision is infeasible). A module's default
 * export is a policy (`sim/policy.ts`: `{ name, decide }`) or a factory `({ scenario, seed }) =>
 * policy` (may be async).
 */
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { tsImport } from 'tsx/esm/api';
import { z } from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import { PolicyError, staticPolicy, type Policy } from '../../sim/policy.ts';
import { policyNamed, policyNames } from '../../sim/policies.ts';
import { checkSolution, formatViolation, type Allocation } from '../model/index.ts';
import { externalPolicy } from '../../sim/external-policy.ts';
import { InputError } from '../files/index.ts';
import { LineProcess } from '../subprocess/index.ts';
import { parseFlags, realFlagSchema } from './flags.ts';
import { loadSolutionFile } from './load.ts';

export interface PolicyFlags {
  solution?: string;
  policy?: string;
  policyCmd?: string;
  policyTimeout?: string;
  fallback?: string;
}

/** The policies a run uses, and what ends the processes behind them. */
export interface ChosenPolicies {
  policy: Policy;
  fallback: Policy | undefined;
  /** After a run that ended normally: waits for every policy process to exit (PolicyError if one
   *  fails to exit cleanly). Safe to call again. */
  close?: () => Promise<void>;
  /** After a failure: kills every policy process now. */
  kill?: () => void;
}

/** Seconds a policy process may take per answer, unless `--policy-timeout` says otherwise. */
export const DEFAULT_POLICY_TIMEOUT_S = 60;
/** Above this, Node's timers overflow (2^31 ms is about 24.8 days). */
const MAX_POLICY_TIMEOUT_S = 86_400;

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

/** A module path rather than a policy name: it has a directory part or a script extension. */
const isModulePath = (value: string): boolean => /[\\/]/.test(value) || /\.(m?[jt]s)$/.test(value);

const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

/** A user's policy whose own failures (a thrown error) end the run as policy failures. */
function guarded(policy: Policy): Policy {
  const decide: Policy['decide'] = async (observation) => {
    try {
      return await policy.decide(observation);
    } catch (err) {
      if (err instanceof PolicyError) throw err;
      throw new PolicyError(`threw ${err instanceof Error ? err.name : 'a value'}: ${firstLine(err)}`);
    }
  };
  return { ...policy, decide };
}

function isPolicy(value: unknown): value is Policy {
  return typeof value === 'object' && value !== null && typeof (value as Policy).decide === 'function';
}

/** The policy a module's default export gives: a policy, or a factory of one. */
async function loadPolicyModule(flag: string, path: string, context: { scenario: Scenario; seed: number }) {
  let exported: unknown;
  try {
    // tsx's own import: a .ts module loads wherever it is, with or without a package.json.
    exported = ((await tsImport(resolve(path), import.meta.url)) as { default?: unknown }).default;
  } catch (err) {
    throw new InputError(`${flag} ${path}: cannot load: ${firstLine(err)}`);
  }
  // A module Node reads as CommonJS (no "type": "module" near it) arrives wrapped once more.
  if (typeof exported === 'object' && exported !== null && !isPolicy(exported) && 'default' in exported)
    exported = exported.default;
  const made =
    typeof exported === 'function' ? await (exported as (c: typeof context) => unknown)(context) : exported;
  if (!isPolicy(made))
    throw new InputError(
      `${flag} ${path}: the default export must be a policy { name, decide } or a function returning one`,
    );
  const name = typeof made.name === 'string' && made.name !== '' ? made.name : basename(path, extname(path));
  return guarded({
    ...made,
    name,
    decide: made.decide.bind(made),
    ...(made.end ? { end: made.end.bind(made) } : {}),
  });
}

/** A named policy or a module, for `--policy` and `--fallback`. */
async function policyFrom(flag: string, value: string, scenario: Scenario, seed: number): Promise<Policy> {
  if (isModulePath(value)) return loadPolicyModule(flag, value, { scenario, seed });
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

/** What to call a command's policy until it names itself: its script's name, else its program's. */
export function commandPolicyName(command: string): string {
  const words = command.trim().split(/\s+/);
  const script = words.find((w) => /\.[A-Za-z]+$/.test(w) && !w.startsWith('-')) ?? words[0] ?? 'policy-cmd';
  return basename(script.replace(/^['"]|['"]$/g, ''), extname(script)) || 'policy-cmd';
}

const TimeoutFlag = z.object({
  policyTimeout: realFlagSchema({ min: 0, minIncluded: false, max: MAX_POLICY_TIMEOUT_S }).optional(),
});

/** `--policy-cmd`: the process, started now, and the policy that speaks to it. */
function commandPolicy(flags: PolicyFlags, seed: number): { policy: Policy; child: LineProcess } {
  const command = flags.policyCmd!;
  if (command.trim() === '') throw new InputError('--policy-cmd: must be a command, got an empty string');
  const timeoutS = parseFlags(TimeoutFlag, { ...flags }).policyTimeout ?? DEFAULT_POLICY_TIMEOUT_S;
  const child = new LineProcess(command, { timeoutS, timeoutName: '--policy-timeout' });
  return { policy: externalPolicy(child, { name: commandPolicyName(command), seed }), child };
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
  const { policy, child } = commandPolicy(flags, seed);
  let closed: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    try {
      await child.close();
    } catch (err) {
      throw new PolicyError(`policy ${policy.name} at the end of the run: ${firstLine(err)}`);
    }
  };
  return { policy, fallback, close: () => (closed ??= close()), kill: () => child.kill() };
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
  try {
    const result = await body(policies);
    await policies.close?.();
    return result;
  } catch (err) {
    policies.kill?.();
    throw err;
  }
}
