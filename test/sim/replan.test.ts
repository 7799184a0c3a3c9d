// Re-planning costs (sim/replan.ts) on a hand-sized network where every duration is a round
// number: a layer takes 1 s on either GPU, the 1000 activation bits 1 s on the uplink, and a
// migrated layer 12·h²·16 = 192 bits, 0.192 s at the same 1000 bit/s and 1 W.
import { describe, expect, it } from 'vitest';
import type { Allocation } from '../../src/model/index.ts';
import { composeScenario } from '../../src/scenario/compose.ts';
import { REALISTIC_RECIPE } from '../../src/scenario/presets.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { Decision, Policy } from '../../sim/policy.ts';
import { migrationBitsPerLayer, type ReplanConfig } from '../../sim/replan.ts';
import { simulate } from '../../sim/run.ts';
import { ChromeTraceWriter } from '../../sim/trace/chrome.ts';
import type { SimTraceRecord } from '../../sim/trace/records.ts';
import { handAllocation, handScenario } from './fixtures.ts';

/** One user (84 Hz: 1 s a layer), 4 layers, two identical servers at gain 1. */
function twoServers(): Scenario {
  const s = handScenario([84], 4);
  return { ...s, servers: [s.servers[0]!, s.servers[0]!], channelGain: [[1, 1]] };
}

/** α = 1 on server 0 at t = 0; from the epoch at 2.5 s (mid-step 0), α = 2 on server 1. */
const moving: Policy = {
  name: 'moving',
  decide: (o): Decision => {
    const start: Allocation = { ...handAllocation([84], 1), edgeFreqHz: [84] };
    return o.epoch === 0 ? start : { association: [1], localLayers: [2] };
  },
};

async function run(replan: ReplanConfig) {
  const trace: SimTraceRecord[] = [];
  const result = await simulate(twoServers(), {
    policy: moving,
    config: { maxStepsPerUser: 3, epoch: { everyS: 2.5, rateChange: Infinity }, replan },
    onTrace: (r) => trace.push(r),
  });
  const steps = trace.filter((r) => r.type === 'step');
  return {
    result,
    trace,
    steps,
    of: <T extends SimTraceRecord['type']>(type: T) =>
      trace.filter((r): r is Extract<SimTraceRecord, { type: T }> => r.type === type),
  };
}

const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe('re-planning costs', () => {
  it('a split change moves the layers first, a server change waits the handover', async () => {
    const { result, steps, of } = await run({ solveS: 0, migration: true, handoverS: 0.5 });
    // Step 0: 1 + 1 + 3 = 5 s. Step 1: migration 0.192, 2 local, handover 0.5, uplink 1, 2 edge.
    expect(steps.map((s) => s.localLayers)).toEqual([1, 2, 2]);
    near(steps[0]!.endS, 5);
    near(steps[1]!.endS - steps[1]!.startS, 0.192 + 2 + 0.5 + 1 + 2);
    near(steps[2]!.endS - steps[2]!.startS, 5);
    const [migration] = of('migration');
    expect(of('migration')).toHaveLength(1);
    expect(migration).toMatchObject({ user: 0, batch: 1, layers: 1, localLayers: 2, bits: 192 });
    near(migration!.startS, 5);
    near(migration!.energyJ, 0.192);
    expect(of('handover')).toEqual([
      expect.objectContaining({ user: 0, from: 0, server: 1, batch: 1, startS: 7.192, t: 7.692 }),
    ]);
    expect(steps[1]).toMatchObject({ handoverDelayS: 0.5 });
    near(steps[1]!.migrationDelayS!, 0.192);
    const u = result.metrics.perUser[0]!;
    expect(u.replan).toMatchObject({ migratedLayers: 1, handovers: 1 });
    near(u.replan!.migrationDelayS, 0.192 / 3);
    near(u.replan!.handoverDelayS, 0.5 / 3);
    // Delay and energy include them: delay = the parts + migration + handover.
    near(u.delayS, u.localDelayS + u.uplinkDelayS + u.edgeDelayS + 0.692 / 3);
    near(u.energyJ, u.localEnergyJ + u.uplinkEnergyJ + u.edgeEnergyJ + u.replan!.migrationEnergyJ);
  });

  it('a solve time keeps the old plan in force until the decision is ready', async () => {
    const { result, steps, of } = await run({ solveS: 3, migration: true, handoverS: 0.5 });
    // The epoch at 2.5 s applies at 5.5 s: step 1 (from 5 s) still trains α = 1, but its uplink
    // (at 6 s) goes to server 1 after a handover; step 2 migrates.
    expect(result.epochs[1]).toMatchObject({ timeS: 2.5, solveS: 3, appliesS: 5.5 });
    expect(steps.map((s) => s.localLayers)).toEqual([1, 1, 2]);
    expect(of('handover').map((r) => r.batch)).toEqual([1]);
    expect(of('migration').map((r) => r.batch)).toEqual([2]);
    expect(result.epochs[0]!.solveS).toBeUndefined(); // the initial plan is made before t = 0
    // The user waited 3 s for the one decision that changed its allocation (the later epochs
    // repeat it: nothing changes, nothing waits); the wait is in no step's delay.
    expect(of('solve')).toEqual([{ t: 5.5, type: 'solve', user: 0, epoch: 1, startS: 2.5 }]);
    expect(result.metrics.perUser[0]!.replan).toMatchObject({ solveWaitS: 3, solveWaits: 1 });
  });

  it('a solve time: only the users a decision changes wait for it, in the metrics and the trace', async () => {
    const scenario = handScenario([84, 84], 4);
    // From the epoch at 2 s, user 1 alone moves to α = 2; user 0 keeps its allocation.
    const policy: Policy = {
      name: 'one-user',
      decide: (o): Decision =>
        o.epoch === 0 ? handAllocation([84, 84], 1) : { users: [1], localLayers: [2] },
    };
    const trace: SimTraceRecord[] = [];
    let chrome = '';
    const writer = new ChromeTraceWriter({ write: (text) => (chrome += text) });
    const result = await simulate(scenario, {
      policy,
      config: {
        maxStepsPerUser: 2,
        epoch: { everyS: 2, rateChange: Infinity },
        replan: { solveS: 1.5, migration: false, handoverS: 0 },
      },
      onTrace: (r) => {
        trace.push(r);
        writer.write(r);
      },
    });
    writer.end();
    expect(trace.filter((r) => r.type === 'solve')).toEqual([
      { t: 3.5, type: 'solve', user: 1, epoch: 1, startS: 2 },
    ]);
    const [u0, u1] = result.metrics.perUser;
    expect(u0!.replan).toMatchObject({ solveWaitS: 0, solveWaits: 0, migratedLayers: 0, handovers: 0 });
    expect(u1!.replan).toMatchObject({ solveWaitS: 1.5, solveWaits: 1 });
    // On the Chrome timeline: an instant on user 1's track.
    const instants = JSON.parse(chrome).traceEvents.filter((e: { name?: string }) =>
      e.name?.includes('in force'),
    );
    expect(instants).toEqual([
      expect.objectContaining({ name: 'user 1 decision of epoch 1 in force', ph: 'i', s: 't', ts: 3.5e6 }),
    ]);
  });

  it('off (the default): no migration, no handover, no new fields anywhere', async () => {
    const { result, steps, of } = await run({ solveS: 0, migration: false, handoverS: 0 });
    expect(of('migration')).toEqual([]);
    expect(of('handover')).toEqual([]);
    expect(steps.every((s) => !('migrationDelayS' in s) && !('handoverDelayS' in s))).toBe(true);
    expect('replan' in result.metrics.perUser[0]!).toBe(false);
    expect(result.epochs.every((e) => !('solveS' in e))).toBe(true);
    near(steps[1]!.endS - steps[1]!.startS, 2 + 1 + 2);
  });

  it('a layer moves its weights, or under LoRA only its adapters', () => {
    const realistic = composeScenario(REALISTIC_RECIPE, { users: 2, servers: 1, seed: 1 });
    expect(realistic.profiles).toMatchObject({ llm: 'llama-2-7b', finetune: 'lora:8', precision: 'bf16' });
    // LoRA r = 8 on W_q and W_v of Llama-2-7B (h = 4096): 8·(4096 + 4096) · 2 parameters of 16 bits.
    expect(migrationBitsPerLayer(realistic)).toBe(131_072 * 16);
    const full = { ...realistic, profiles: { ...realistic.profiles!, finetune: 'full', precision: 'fp32' } };
    // 2h² + 2h·kv + 3h·ffn = 202,375,168 parameters of 32 bits.
    expect(migrationBitsPerLayer(full)).toBe(202_375_168 * 32);
    expect(migrationBitsPerLayer(twoServers())).toBe(192);
  });
});
