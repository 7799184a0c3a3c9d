/**
 * A user's policy module, loaded at run time (`--policy ./my-policy.ts`, and `simulation.policy`
 * in an experiment file): its default export is a policy (`policy.ts`: `{ name, decide }`) or a
 * factory `({ scenario, seed }) => policy` (may be async). Each load evaluates the module afresh
 * (tsx's `tsImport` imports it under a new namespace), so a module's own state never leaks from
 * one run into another: an experiment's tasks give the same rows whatever the worker count.
 */
import { basename, extname, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { InputError } from '../files/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { PolicyError, type Policy } from '../../sim/policy.ts';

/** A module path rather than a policy name: it has a directory part or a script extension. */
export const isModulePath = (value: string): boolean => /[\\/]/.test(value) || /\.(m?[jt]s)$/.test(value);

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

/**
 * The policy the module at `path` (absolute, or against our working folder) gives for one run. A
 * module that cannot be loaded or exports no policy is an InputError starting with `label` (the
 * flag or key and the path as given); a policy without a name is called after its file.
 */
export async function loadPolicyModule(
  path: string,
  context: { scenario: Scenario; seed: number },
  label: string,
): Promise<Policy> {
  const fail = (problem: string): never => {
    throw new InputError(`${label}: ${problem}`);
  };
  let exported: unknown;
  try {
    // tsx's own import: a .ts module loads wherever it is, with or without a package.json.
    exported = ((await tsImport(resolve(path), import.meta.url)) as { default?: unknown }).default;
  } catch (err) {
    return fail(`cannot load: ${firstLine(err)}`);
  }
  // A module Node reads as CommonJS (no "type": "module" near it) arrives wrapped once more.
  if (typeof exported === 'object' && exported !== null && !isPolicy(exported) && 'default' in exported)
    exported = exported.default;
  const made =
    typeof exported === 'function' ? await (exported as (c: typeof context) => unknown)(context) : exported;
  if (!isPolicy(made))
    return fail('the default export must be a policy { name, decide } or a function returning one');
  const name = typeof made.name === 'string' && made.name !== '' ? made.name : basename(path, extname(path));
  return guarded({
    ...made,
    name,
    decide: made.decide.bind(made),
    ...(made.end ? { end: made.end.bind(made) } : {}),
  });
}
