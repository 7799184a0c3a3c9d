/**
 * The external-policy protocol, version 1 (`--policy-cmd`): JSON lines between mecsim and a policy
 * process, one object per line, each with `version` and `type`. The zod schemas here are its one
 * source of truth: mecsim builds its messages from their types, parses the process's replies with
 * them, and `mecsim schema policy` prints them as a JSON Schema
 * (`experiments/policies/protocol.schema.json`).
 *
 * An episode is one simulation run: mecsim sends `reset` (the scenario, the run's master seed), the
 * process answers `ready`; then at every epoch mecsim sends `observe` (what `sim/policy.ts` gives an
 * in-process policy, and the reward of the previous decision) and the process answers `act` (a full
 * allocation or a partial update); at the run's end mecsim sends `end` (the last reward), which
 * needs no answer. The process may then get another `reset`, or its stdin closes: it should exit.
 */
import { z } from 'zod';
import type { Allocation } from '../src/model/index.ts';
import { ScenarioSchema } from '../src/scenario/schema.ts';
import { PolicyError, type Decision, type Observation, type StepWindow } from './policy.ts';

export const POLICY_PROTOCOL_VERSION = 1;

const version = z.literal(POLICY_PROTOCOL_VERSION);
const perUser = (what: string) => z.array(z.number()).describe(`${what}, one entry per user`);
/** JSON has no Infinity: an unbounded value (a step that trained every layer locally) is null. */
const unbounded = (what: string) => z.number().nullable().describe(`${what}; null when unbounded`);

const AllocationMessage = z.strictObject({
  association: perUser('server index'),
  localLayers: perUser('local layers α'),
  powerW: perUser('transmit power p, W'),
  bandwidthHz: perUser('bandwidth b, Hz'),
  userFreqHz: perUser('user GPU frequency f, Hz'),
  edgeFreqHz: perUser("share of the server's GPU frequency, Hz"),
});

const StepWindowMessage = z
  .strictObject({
    steps: z.number(),
    delayS: z.number(),
    energyJ: z.number(),
    stability: unbounded('Σ AS_n'),
    cost: unbounded('ω_t·T + ω_e·E + ω_s·S of these steps'),
    stepsPerUser: perUser('completed steps'),
  })
  .describe('sums over the steps completed since the last decision');

const ObservationMessage = z.strictObject({
  epoch: z.number().describe('index of this decision in the episode, 0 at t = 0'),
  timeS: z.number(),
  trigger: z.enum(['start', 'period', 'rate-change']),
  channelGain: z.array(z.array(z.number())).describe('the gains in force, [user][server], linear'),
  allocation: AllocationMessage.nullable().describe('the allocation in force; null at epoch 0'),
  users: z.array(
    z.strictObject({
      steps: z.number(),
      phase: z.enum(['idle', 'local', 'migration', 'handover', 'uplink', 'edge', 'download', 'done']),
      localLayers: z.number(),
      server: z.number().describe('−1 before its first uplink'),
    }),
  ),
  edgeUsers: z.array(z.number()).describe('per server, the users whose edge phase runs on its GPU now'),
  sinceLast: StepWindowMessage,
});

const reward = unbounded('−cost of the steps completed since the last decision');

/** mecsim → process. */
export const ResetMessage = z.strictObject({
  version,
  type: z.literal('reset'),
  episode: z.number().describe('0 for the first run the process serves, then 1, 2, ...'),
  seed: z.number().describe("the run's master seed"),
  scenario: ScenarioSchema.describe('the scenario file, with the gains at t = 0'),
});
export const ObserveMessage = z.strictObject({
  version,
  type: z.literal('observe'),
  reward: reward.describe('null at epoch 0; else −sinceLast.cost, the reward of the previous decision'),
  observation: ObservationMessage,
});
export const EndMessage = z.strictObject({
  version,
  type: z.literal('end'),
  timeS: z.number(),
  reward: reward.describe('−sinceLast.cost, the reward of the last decision'),
  sinceLast: StepWindowMessage,
});

/** process → mecsim. */
export const ReadyMessage = z.strictObject({
  version,
  type: z.literal('ready'),
  name: z.string().min(1).max(100).optional().describe('the name mecsim reports for this policy'),
});
const DecisionMessage = AllocationMessage.partial()
  .extend({
    users: z
      .array(z.number())
      .optional()
      .describe('distinct user indices: then each given field has one entry per listed user'),
  })
  .describe('a full allocation, or some fields for every user, or some fields for the listed users');
export const ActMessage = z.strictObject({ version, type: z.literal('act'), decision: DecisionMessage });

export type ResetMessage = z.infer<typeof ResetMessage>;
export type ObserveMessage = z.infer<typeof ObserveMessage>;
export type EndMessage = z.infer<typeof EndMessage>;

/** The protocol as one JSON Schema document: the messages each side sends. */
export function policyProtocolJsonSchema(): object {
  const schema = (t: z.ZodType) => z.toJSONSchema(t, { io: 'input', unrepresentable: 'any' });
  const { $schema } = schema(ReadyMessage) as { $schema: string };
  const strip = (t: z.ZodType): object => {
    const { $schema: _, ...rest } = schema(t) as Record<string, unknown>;
    return rest;
  };
  return {
    $schema,
    title: `mecsim external-policy protocol, version ${POLICY_PROTOCOL_VERSION}`,
    description:
      "JSON lines over the policy process's stdin (mecsim → process: reset, observe, end) and stdout (process → mecsim: ready after reset, act after observe). One object per line.",
    $defs: {
      reset: strip(ResetMessage),
      observe: strip(ObserveMessage),
      end: strip(EndMessage),
      ready: strip(ReadyMessage),
      act: strip(ActMessage),
    },
    oneOf: ['reset', 'observe', 'end', 'ready', 'act'].map((k) => ({ $ref: `#/$defs/${k}` })),
  };
}

/** JSON for a number that may be unbounded (null). */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

function windowMessage(w: StepWindow): z.infer<typeof StepWindowMessage> {
  return {
    ...w,
    stability: finiteOrNull(w.stability),
    cost: finiteOrNull(w.cost),
    stepsPerUser: [...w.stepsPerUser],
  };
}

/** The reward of the decision whose window `w` closes: −cost. */
export const rewardOf = (w: StepWindow): number | null => finiteOrNull(-w.cost);

const copyAllocation = (a: Allocation): z.infer<typeof AllocationMessage> => ({
  association: [...a.association],
  localLayers: [...a.localLayers],
  powerW: [...a.powerW],
  bandwidthHz: [...a.bandwidthHz],
  userFreqHz: [...a.userFreqHz],
  edgeFreqHz: [...a.edgeFreqHz],
});

export function observeMessage(o: Observation): ObserveMessage {
  return {
    version: POLICY_PROTOCOL_VERSION,
    type: 'observe',
    reward: o.epoch === 0 ? null : rewardOf(o.sinceLast),
    observation: {
      epoch: o.epoch,
      timeS: o.timeS,
      trigger: o.trigger,
      channelGain: o.scenario.channelGain,
      allocation: o.allocation === null ? null : copyAllocation(o.allocation),
      users: [...o.users],
      edgeUsers: [...o.edgeUsers],
      sinceLast: windowMessage(o.sinceLast),
    },
  };
}

export function endMessage(timeS: number, sinceLast: StepWindow): EndMessage {
  return {
    version: POLICY_PROTOCOL_VERSION,
    type: 'end',
    timeS,
    reward: rewardOf(sinceLast),
    sinceLast: windowMessage(sinceLast),
  };
}

const clip = (line: string): string => (line.length > 80 ? `${line.slice(0, 77)}...` : line);

/** A reply line parsed against `schema`; anything else is a PolicyError quoting what was wrong. */
function parseReply<T>(schema: z.ZodType<T>, expected: string, line: string): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new PolicyError(`printed a line that is not JSON, expected ${expected}: '${clip(line)}'`);
  }
  if (typeof value === 'object' && value !== null && 'version' in value && value.version !== version.value)
    throw new PolicyError(
      `speaks protocol version ${JSON.stringify(value.version)}, mecsim speaks ${POLICY_PROTOCOL_VERSION}`,
    );
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  throw new PolicyError(
    `bad reply, expected ${expected}: ${path.replace(/^\./, '') || 'message'}: ${issue.message}`,
  );
}

export const parseReady = (line: string) => parseReply(ReadyMessage, "{type: 'ready'}", line);
export const parseAct = (line: string): Decision =>
  parseReply(ActMessage, "{type: 'act', decision}", line).decision as Decision;
