/**
 * A policy in another process (`--policy-cmd "python3 agent.py"`), spoken to through a line channel
 * in the protocol of `policy-protocol.ts`. The channel (a child process's stdin and stdout, opened
 * by the caller: sim/ uses no Node API) is asynchronous, and that is safe: the run stops the engine
 * at an epoch and awaits the decision before it resumes (`run.ts`), so nothing in the simulation
 * moves while the process thinks, and results depend only on what it answers, never on how long
 * it takes — the same inputs and answers give byte-identical outputs. (A synchronous pipe, via a
 * worker and Atomics, would buy nothing here and would block the timeout timer.)
 *
 * Every channel failure — the process exited, printed garbage, or did not answer in time — and
 * every malformed reply is a `PolicyError`; `acceptDecision` then names the policy, time and epoch.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import {
  endMessage,
  observeMessage,
  parseAct,
  parseReady,
  POLICY_PROTOCOL_VERSION,
} from './policy-protocol.ts';
import { PolicyError, type Policy, type RunEnd } from './policy.ts';

/** One line out, one line back. The caller's implementation enforces the time limit. */
export interface LineChannel {
  /** Writes `line` and resolves with the next line the process prints; rejects if it cannot. */
  request(line: string): Promise<string>;
  /** Writes `line`, which needs no answer. */
  send(line: string): Promise<void>;
}

export interface ExternalPolicy extends Policy {
  /** Episodes (runs) started so far. */
  readonly episodes: number;
}

/** Any failure of the channel as a PolicyError, with its own message. */
async function throughChannel<T>(io: () => Promise<T>): Promise<T> {
  try {
    return await io();
  } catch (err) {
    if (err instanceof PolicyError) throw err;
    throw new PolicyError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * A policy whose decisions come over `channel`; `name` until the process names itself in `ready`.
 * Each run's first decision (epoch 0) starts an episode with `reset`; `seed` is the master seed
 * of the run, passed on so a learning agent can seed its own draws the same way.
 */
export function externalPolicy(
  channel: LineChannel,
  context: { name: string; seed: number },
): ExternalPolicy {
  let name = context.name;
  let episodes = 0;
  const line = (message: object): string => JSON.stringify(message);
  const reset = async (scenario: Scenario): Promise<void> => {
    const message = {
      version: POLICY_PROTOCOL_VERSION,
      type: 'reset',
      episode: episodes,
      seed: context.seed,
      scenario,
    };
    episodes += 1;
    const ready = parseReady(await throughChannel(() => channel.request(line(message))));
    if (ready.name !== undefined) name = ready.name;
  };
  return {
    get name() {
      return name;
    },
    get episodes() {
      return episodes;
    },
    async decide(observation) {
      if (observation.epoch === 0) await reset(observation.scenario);
      return parseAct(await throughChannel(() => channel.request(line(observeMessage(observation)))));
    },
    async end({ timeS, sinceLast }: RunEnd) {
      await throughChannel(() => channel.send(line(endMessage(timeS, sinceLast))));
    },
  };
}
