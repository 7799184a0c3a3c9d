import { describe, expect, it } from 'vitest';
import { equalShareAllocation } from '../../src/model/index.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { checkDecision, InfeasibleDecision, mergeDecision } from '../../sim/decisions.ts';
import { policyNamed } from '../../sim/policies.ts';
import { PolicyError, type Observation, type Policy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';
import { handAllocation, handScenario } from './fixtures.ts';

const scenario = generateScenario({ seed: 2, users: 4, servers: 2, layers: 4 });
const base = equalShareAllocation(scenario, 1);

describe('decisions: merged into the allocation in force, then checked', () => {
  it('a partial update replaces only the listed users, or only the given fields', () => {
    const byUser = mergeDecision(scenario, base, { users: [2, 0], powerW: [0.05, 0.07] });
    expect(byUser.powerW).toEqual([0.07, base.powerW[1], 0.05, base.powerW[3]]);
    expect(byUser.association).toEqual(base.association);
    const byField = mergeDecision(scenario, base, { localLayers: [2, 2, 2, 2] });
    expect(byField.localLayers).toEqual([2, 2, 2, 2]);
    expect(byField.bandwidthHz).toEqual(base.bandwidthHz);
  });

  it('malformed decisions are policy errors that say what is wrong', () => {
    const bad =
      (decision: object, inForce: typeof base | null = base) =>
      () =>
        mergeDecision(scenario, inForce, decision);
    expect(bad({ powerW: [1, 1] })).toThrow(/^powerW has 2 entries, expected 4 \(one per user\)$/);
    expect(bad({ users: [1], powerW: [1, 1] })).toThrow(/expected 1 \(one per listed user\)/);
    expect(bad({ users: [1, 1], powerW: [1, 1] })).toThrow(/users\[1\] = 1: listed twice/);
    expect(bad({ users: [7], powerW: [1] })).toThrow(/users\[0\] = 7: must be a user index/);
    expect(bad({ powerW: [1, 1, null, 1] })).toThrow(/powerW\[2\] = null: must be a finite number/);
    expect(bad({ powerW: base.powerW }, null)).toThrow(
      /first decision must be a full allocation: no association/,
    );
    expect(bad({ powerW: [1, 1, null, 1] })).toThrow(PolicyError);
  });

  it('an infeasible allocation names its first violated constraint; budgets are upper bounds', () => {
    const over = { ...base, bandwidthHz: base.bandwidthHz.map((b) => b * 2) };
    expect(() => checkDecision(scenario, over)).toThrow(InfeasibleDecision);
    expect(() => checkDecision(scenario, over)).toThrow(
      /^infeasible allocation: servers\[\d\]\.bandwidthHz: .*over the budget.*\(9e\)/,
    );
    const under = { ...base, bandwidthHz: base.bandwidthHz.map((b) => b / 2) };
    expect(() => checkDecision(scenario, under)).not.toThrow();
    const power = { ...base, powerW: [9, ...base.powerW.slice(1)] };
    expect(() => checkDecision(scenario, power)).toThrow(/powerW\[0\]: = 9: must be in .* \(9d\)$/);
  });
});

describe('the policy API in a run', () => {
  // One user, Υ = 3, α = 1, all 84 Hz of the edge GPU: local [0, 1], uplink [1, 2], edge [2, 4];
  // the next step starts at 4. Epochs every 1.5 s see the phases in turn.
  const hand = handScenario([84], 3);
  const allocation = handAllocation([84], 1);
  const config = { epoch: { everyS: 1.5, rateChange: Infinity }, durationS: 5, maxStepsPerUser: 2 };

  it('observes time, phase, progress, edge load and the steps completed since the last decision', async () => {
    const seen: Observation[] = [];
    const ends: number[] = [];
    const policy: Policy = {
      name: 'watch',
      decide: (o) => {
        seen.push(o);
        return allocation;
      },
      end: ({ timeS, sinceLast }) => void ends.push(timeS, sinceLast.steps),
    };
    await simulate(hand, { policy, config });
    expect(seen.map((o) => [o.epoch, o.timeS, o.trigger, o.users[0]!.phase])).toEqual([
      [0, 0, 'start', 'idle'],
      [1, 1.5, 'period', 'uplink'],
      [2, 3, 'period', 'edge'],
      [3, 4.5, 'period', 'local'],
    ]);
    expect(seen[0]!.allocation).toBeNull();
    expect(seen[1]!.allocation).toEqual(allocation);
    expect(seen[2]!.edgeUsers).toEqual([1]);
    expect(seen[2]!.users[0]).toEqual({ steps: 0, phase: 'edge', localLayers: 1, server: 0 });
    expect(seen[2]!.sinceLast.steps).toBe(0);
    const w = seen[3]!.sinceLast;
    expect([w.steps, w.stepsPerUser, w.delayS]).toEqual([1, [1], 4]);
    // Weights 1 and normalisation 1: cost = T + E + S; E = 1 J local + 1 J uplink + 2 J edge.
    expect(w.energyJ).toBeCloseTo(4, 12);
    expect(w.cost).toBeCloseTo(w.delayS + w.energyJ + w.stability, 12);
    expect(ends).toEqual([5, 0]);
  });

  it('an infeasible decision stops the run naming the policy, the time and the constraint', async () => {
    let calls = 0;
    const policy: Policy = {
      name: 'greedy-power',
      decide: () => (calls++ === 0 ? allocation : { powerW: [5] }),
    };
    await expect(simulate(hand, { policy, config })).rejects.toThrow(
      /^policy greedy-power at t = 1\.5 s \(epoch 1\): infeasible allocation: powerW\[0\]: = 5: .*\(9d\)$/,
    );
  });

  it('or the fallback decides instead, and the epoch record says why', async () => {
    let calls = 0;
    const policy: Policy = { name: 'flaky', decide: () => (calls++ === 1 ? { powerW: [5] } : allocation) };
    const result = await simulate(hand, { policy, fallback: policyNamed('reference', { seed: 1 })!, config });
    expect(result.epochs.map((e) => e.policy)).toEqual(['flaky', 'reference', 'flaky', 'flaky']);
    expect(result.epochs[1]!.rejected).toMatch(/^policy flaky at t = 1\.5 s .*\(9d\)$/);
    expect(result.epochs.filter((e) => 'rejected' in e)).toHaveLength(1);
  });

  it('a malformed decision is not rescued by the fallback', async () => {
    const policy: Policy = { name: 'short', decide: () => ({ ...allocation, powerW: [] }) };
    await expect(
      simulate(hand, { policy, fallback: policyNamed('reference', { seed: 1 })!, config }),
    ).rejects.toThrow(/^policy short at t = 0 s \(epoch 0\): powerW has 0 entries, expected 1/);
  });
});
