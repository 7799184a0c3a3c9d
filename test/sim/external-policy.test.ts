// The external-policy protocol without a process: an in-memory channel answers for the "process",
// so the messages, episodes and reply checks are seen line by line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.ts';
import { toJsonText } from '../../src/scenario/format.ts';
import { thresholdDecision } from '../../experiments/policies/threshold.ts';
import { externalPolicy, type LineChannel } from '../../sim/external-policy.ts';
import { parseAct, parseReady, policyProtocolJsonSchema } from '../../sim/policy-protocol.ts';
import type { Observation } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';
import { root } from '../cli/spawn.ts';

/** A channel whose other side is `answer`, recording every line mecsim writes. */
function channel(answer: (message: Record<string, unknown>) => object): LineChannel & { sent: any[] } {
  const sent: any[] = [];
  let scenario: unknown;
  return {
    sent,
    async request(line) {
      const m = JSON.parse(line);
      sent.push(m);
      if (m.type === 'reset') scenario = m.scenario;
      return JSON.stringify(answer({ ...m, scenario }));
    },
    async send(line) {
      sent.push(JSON.parse(line));
    },
  };
}

/** The threshold rule as the "process" (it rebuilds an Observation from the message). */
const thresholdAnswer = (m: Record<string, any>): object =>
  m.type === 'reset'
    ? { version: 1, type: 'ready', name: 'echo' }
    : {
        version: 1,
        type: 'act',
        decision: thresholdDecision({
          ...m.observation,
          scenario: { ...m.scenario, channelGain: m.observation.channelGain },
        } as Observation),
      };

const scenario = generateScenario({ seed: 4, users: 6, servers: 3, layers: 5 });
const config = {
  durationS: 40_000,
  maxStepsPerUser: Infinity,
  fading: { kind: 'rayleigh' as const, coherenceS: 900, ricianK: 3 },
  epoch: { everyS: 10_000, rateChange: Infinity },
};

describe('external policy over a line channel', () => {
  it('runs like the same rule in process, and serves one episode per run', async () => {
    const ch = channel(thresholdAnswer);
    const policy = externalPolicy(ch, { name: 'cmd', seed: 5 });
    expect(policy.name).toBe('cmd');
    const inProcess = await simulate(scenario, {
      policy: { name: 'echo', decide: thresholdDecision },
      config,
      seed: 5,
    });
    const first = await simulate(scenario, { policy, config, seed: 5 });
    expect(policy.name).toBe('echo');
    expect(first).toEqual(inProcess);
    const second = await simulate(scenario, { policy, config, seed: 6 });
    expect(policy.episodes).toBe(2);
    const types = ch.sent.map((m) => `${m.type}${m.type === 'reset' ? m.episode : ''}`);
    const episode = (k: number) => [`reset${k}`, 'observe', 'observe', 'observe', 'observe', 'end'];
    expect(types).toEqual([...episode(0), ...episode(1)]);
    expect(ch.sent.filter((m) => m.type === 'reset').map((m) => m.seed)).toEqual([5, 5]);
    expect(second.epochs).toHaveLength(4);
  });

  it('an unbounded cost (a local-only step) travels as null, its reward too', async () => {
    const s = generateScenario({ seed: 1, users: 2, servers: 1, layers: 3 });
    const localOnly = (m: Record<string, any>): object =>
      m.type === 'reset'
        ? { version: 1, type: 'ready' }
        : {
            version: 1,
            type: 'act',
            decision: {
              ...thresholdDecision({ ...m.observation, scenario: m.scenario } as Observation),
              localLayers: [3, 1],
              bandwidthHz: [0, s.servers[0]!.bandwidthHz],
              edgeFreqHz: [0, s.servers[0]!.maxFreqHz],
            },
          };
    const ch = channel(localOnly);
    await simulate(s, {
      policy: externalPolicy(ch, { name: 'lo', seed: 1 }),
      config: { maxStepsPerUser: 1 },
    });
    const end = ch.sent.at(-1);
    expect(end.type).toBe('end');
    expect(end.sinceLast.steps).toBe(2);
    expect([end.sinceLast.stability, end.sinceLast.cost, end.reward]).toEqual([null, null, null]);
  });

  it('replies are checked: JSON, version, type, shape', () => {
    expect(() => parseAct('ok')).toThrow(
      "printed a line that is not JSON, expected {type: 'act', decision}: 'ok'",
    );
    expect(() => parseReady('{"version":3,"type":"ready"}')).toThrow(
      'speaks protocol version 3, mecsim speaks 1',
    );
    expect(() => parseAct('{"version":1,"type":"ready"}')).toThrow(/type: Invalid input: expected "act"/);
    expect(() => parseAct('{"version":1,"type":"act","decision":{"powerW":[1],"power":[2]}}')).toThrow(
      /decision: Unrecognized key: "power"/,
    );
    expect(parseAct('{"version":1,"type":"act","decision":{"users":[2],"powerW":[0.5]}}')).toEqual({
      users: [2],
      powerW: [0.5],
    });
  });

  it('the committed JSON Schema is the one mecsim generates', () => {
    const committed = readFileSync(`${root}experiments/policies/protocol.schema.json`, 'utf8');
    expect(committed).toBe(toJsonText(policyProtocolJsonSchema()));
    expect(Object.keys(JSON.parse(committed).$defs)).toEqual(['reset', 'observe', 'end', 'ready', 'act']);
  });
});
