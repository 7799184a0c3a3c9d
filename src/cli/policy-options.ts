/**
 * The policy flags shared by `simulate` and `validate`: `--solution FILE` (a fixed allocation),
 * `--policy NAME|MODULE` (a named policy, or a user's TypeScript/JavaScript module loaded at run
 * time) and `--fallback NAME|MODULE` (decides at an epoch where the policy's decision is
 * infeasible). A module's default export is a policy (`sim/policy.ts`: `{ name, decide }`) or a
 * factory `({ scenario, seed }) => policy` (may be async).
 */
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { tsImport } from 'tsx/esm/api';
import type { Scenario } from '../scenario/schema.ts';
import { PolicyError, staticPolicy, type Policy } from '../../sim/policy.ts';
import { policyNamed, policyNames } from '../../sim/policies.ts';
import { checkSolution, formatViolation, type Allocation } from '../model/index.ts';
import { InputError } from '../files/index.ts';
import { loadSolutionFile } from './load.ts';

export interface PolicyFlags {
  solution?: string;
  policy?: string;
  fallback?: string;
}

/** The policies a run uses. */
export interface ChosenPolicies {
  policy: Policy;
  fallback: Policy | undefined;
}

/** Adds `--policy` and `--fallback` (each command adds its own `--solution`). */
export function addPolicyFlags(command: Command): Command {
  return command
    .option(
      '--policy <name|module>',
      `re-optimise at epochs with this policy: ${policyNames().join(', ')} (default reference), or a module such as ./my-policy.ts`,
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

/** The policies the flags ask for; a named policy's optimizer uses `seed`. */
export async function choosePolicies(
  scenario: Scenario,
  flags: PolicyFlags,
  seed: number,
): Promise<ChosenPolicies> {
  if (flags.solution !== undefined && flags.policy !== undefined) {
    throw new InputError('give --solution or --policy, not both');
  }
  const fallback =
    flags.fallback === undefined ? undefined : await policyFrom('--fallback', flags.fallback, scenario, seed);
  if (flags.solution !== undefined)
    return { policy: staticPolicy(loadFeasibleAllocation(scenario, flags.solution)), fallback };
  return { policy: await policyFrom('--policy', flags.policy ?? 'reference', scenario, seed), fallback };
}
