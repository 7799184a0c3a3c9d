/**
 * Errors the CLI turns into one clear line and an exit code (0 ok, 1 runtime failure, 2 usage or
 * input error, 3 a policy failed in the loop: an infeasible or malformed decision, or an external
 * policy process that crashed, printed garbage or timed out). Anything else that escapes a command
 * is a bug and exits 1 with its message.
 */
import { InputError } from '../files/index.ts';
import { InfeasibleScenarioError } from '../optimizer/validate.ts';
import { PolicyError } from '../../sim/policy.ts';

export const EXIT_RUNTIME = 1;
export const EXIT_INPUT = 2;
export const EXIT_POLICY = 3;

/** Runs a command body and maps what it throws to one line on stderr and an exit code. */
export async function runCommand(body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (err) {
    // A scenario the optimizer cannot serve (no bandwidth, too large for `exact`) is bad input too.
    const input = err instanceof InputError || err instanceof InfeasibleScenarioError;
    const policy = err instanceof PolicyError;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`mecsim: ${input || policy ? '' : 'error: '}${message}\n`);
    process.exitCode = input ? EXIT_INPUT : policy ? EXIT_POLICY : EXIT_RUNTIME;
  }
}
