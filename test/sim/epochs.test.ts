import { describe, expect, it } from 'vitest';
import { equalShareAllocation, type Allocation } from '../../src/model/index.ts';
import type { Policy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';
import { handAllocation, handScenario } from './fixtures.ts';

describe('reallocation epochs', () => {
  it('calls the policy at t = 0 and every epoch, with the gains in force, and applies it from the next phase', async () => {
    // One user, Υ = 3, α = 1: local [0,1], uplink [1,2], edge layers at 42 Hz of 84: 2 s each.
    // At t = 1.5 (mid-uplink) the policy switches the user's edge share to all 84 Hz: the transfer
    // in flight is unaffected, the edge phase that starts at t = 2 runs at 1 s per layer -> 4.
    const calls: (Allocation | null)[] = [];
    const slow = { ...handAllocation([84], 1), edgeFreqHz: [42] };
    const fast = { ...slow, edgeFreqHz: [84] };
    const policy: Policy = {
      name: 'switch',
      decide: ({ scenario, allocation }) => {
        calls.push(allocation);
        expect(scenario.channelGain).toEqual([[1]]);
        return calls.length === 1 ? slow : fast;
      },
    };
    const result = await simulate(handScenario([84], 3), {
      policy,
      config: { epoch: { everyS: 1.5, rateChange: Infinity }, durationS: 100, maxStepsPerUser: 1 },
    });
    expect(result.epochs.map((e) => [e.timeS, e.trigger])).toEqual([
      [0, 'start'],
      [1.5, 'period'],
      [3, 'period'],
    ]);
    expect(calls[0]).toBeNull();
    expect(calls[1]).toEqual(slow);
    expect(result.metrics.perUser[0]!.delayS).toBeCloseTo(4, 12);
    expect(result.epochs.every((e) => e.optimizerWallS === undefined)).toBe(true);
  });

  it('an epoch that moves a user to another server mid-uplink: its edge phase runs where the data went, at the old share', async () => {
    // As above, but at t = 1.5 the policy moves the user to server 1 with all of its 84 Hz. The
    // activations are on server 0, so the edge layers run there at the share in force at the
    // uplink (42 Hz, 2 s per layer): 1 + 1 + 2·2 = 6 s, not 4.
    const base = handScenario([84], 3);
    const scenario = { ...base, servers: [base.servers[0]!, base.servers[0]!], channelGain: [[1, 1]] };
    const first = { ...handAllocation([84], 1), edgeFreqHz: [42] };
    const moved = { ...first, association: [1], edgeFreqHz: [84] };
    let calls = 0;
    const result = await simulate(scenario, {
      policy: { name: 'move', decide: () => (calls++ === 0 ? first : moved) },
      config: { epoch: { everyS: 1.5, rateChange: Infinity }, durationS: 100, maxStepsPerUser: 1 },
    });
    expect(result.metrics.perUser[0]!.delayS).toBeCloseTo(6, 12);
    expect(result.metrics.perUser[0]!.edgeDelayS).toBeCloseTo(4, 12);
  });

  it('a rate change above the threshold triggers an epoch at that gain change', async () => {
    const scenario = handScenario([84, 84], 2);
    const times: number[] = [];
    const policy: Policy = {
      name: 'count',
      decide: () => {
        times.push(0);
        return equalShareAllocation(scenario, 1);
      },
    };
    const result = await simulate(scenario, {
      policy,
      config: {
        fading: { kind: 'rayleigh', coherenceS: 0.25, ricianK: 0 },
        epoch: { everyS: Infinity, rateChange: 0.5 },
        maxStepsPerUser: 2,
      },
    });
    const triggered = result.epochs.filter((e) => e.trigger === 'rate-change');
    expect(triggered.length).toBeGreaterThan(0);
    // Every triggered epoch falls on a block boundary (multiples of 0.25 s).
    for (const e of triggered)
      expect(Math.abs(e.timeS / 0.25 - Math.round(e.timeS / 0.25))).toBeLessThan(1e-9);
    expect(times.length).toBe(result.epochs.length);
  });

  it('refuses a run that would never end', async () => {
    const scenario = handScenario([84], 2);
    await expect(
      simulate(scenario, {
        policy: { name: 'x', decide: () => handAllocation([84], 1) },
        config: { maxStepsPerUser: Infinity },
      }),
    ).rejects.toThrow(/never ends/);
  });
});
