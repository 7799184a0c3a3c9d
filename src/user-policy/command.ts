/**
 * A policy in another process, started from a shell command (`--policy-cmd "python3 agent.py"`,
 * an experiment file's `simulation.policyCmd`): the process behind a `LineProcess`, spoken to in
 * the protocol of `sim/external-policy.ts`, and what ends it after the run — waited for after
 * success, killed after a failure.
 */
import { basename, extname } from 'node:path';
import { externalPolicy, type ExternalPolicy } from '../../sim/external-policy.ts';
import { PolicyError } from '../../sim/policy.ts';
import { LineProcess } from '../subprocess/index.ts';

/** Seconds a policy process may take per answer unless told otherwise. */
export const DEFAULT_POLICY_TIMEOUT_S = 60;
/** Above this, Node's timers overflow (2^31 ms is about 24.8 days). */
export const MAX_POLICY_TIMEOUT_S = 86_400;

/** What to call a command's policy until it names itself: its script's name, else its program's. */
export function commandPolicyName(command: string): string {
  const words = command.trim().split(/\s+/);
  const script = words.find((w) => /\.[A-Za-z]+$/.test(w) && !w.startsWith('-')) ?? words[0] ?? 'policy-cmd';
  return basename(script.replace(/^['"]|['"]$/g, ''), extname(script)) || 'policy-cmd';
}

/** An external policy with the process behind it, and what ends that process. */
export interface ProcessPolicy {
  readonly policy: ExternalPolicy;
  /** After a run that ended normally: waits for the process to exit (a PolicyError if it does not
   *  exit cleanly). Safe to call again. */
  close(): Promise<void>;
  /** After a failure: kills the process (and what it started) now. */
  kill(): void;
}

export interface CommandOptions {
  /** Wall-clock limit of each answer, and what to call it in messages (the flag or key). */
  readonly timeoutS: number;
  readonly timeoutName: string;
  /** The folder the command runs in (default: ours). */
  readonly cwd?: string;
  /** The run's master seed, passed on to the process. */
  readonly seed: number;
}

/** Starts `command` now, and the policy that speaks to it. */
export function startCommandPolicy(command: string, o: CommandOptions): ProcessPolicy {
  const child = new LineProcess(command, {
    timeoutS: o.timeoutS,
    timeoutName: o.timeoutName,
    ...(o.cwd === undefined ? {} : { cwd: o.cwd }),
  });
  const policy = externalPolicy(child, { name: commandPolicyName(command), seed: o.seed });
  let closed: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    try {
      await child.close();
    } catch (err) {
      const why = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
      throw new PolicyError(`policy ${policy.name} at the end of the run: ${why}`);
    }
  };
  return { policy, close: () => (closed ??= close()), kill: () => child.kill() };
}

/**
 * Runs `body`; afterwards the process is gone: waited for after success, killed after a failure
 * (a process left running would keep mecsim waiting on its pipes).
 */
export async function withProcess<T>(owned: ProcessPolicy | undefined, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await owned?.close();
    return result;
  } catch (err) {
    owned?.kill();
    throw err;
  }
}
