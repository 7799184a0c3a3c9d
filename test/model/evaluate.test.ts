// evaluate() and the normalisation on the hand network of fixtures.ts (numbers derived there).
import { describe, expect, it } from 'vitest';
import { evaluate, costTotals } from '../../src/model/evaluate.ts';
import { equalShareAllocation, normalizationOf, referenceAllocation } from '../../src/model/reference.ts';
import { objectiveWeights, userObjectiveTerm, weightedLayerCost } from '../../src/model/objective.ts';
import { userMetrics } from '../../src/model/user-costs.ts';
import type { Allocation } from '../../src/model/types.ts';
import { expectRel } from './expect-rel.ts';
import { handNetwork, handScenario } from './fixtures.ts';

const one = (alpha: number): Allocation => ({
  association: [0],
  localLayers: [alpha],
  powerW: [0.3],
  bandwidthHz: [1000],
  userFreqHz: [1000],
  edgeFreqHz: [2100],
});

describe('per-user delay and energy (MODEL.md §3)', () => {
  it('α = 1: delay = 1·42 + 3 + 3·2 = 51 s, energy = 42 + 0.9 + 3·1.8522 = 48.4566 J', () => {
    const u = userMetrics(handNetwork(), one(1), 0);
    expectRel(u.localDelayS, 42);
    expectRel(u.uplinkDelayS, 3);
    expectRel(u.edgeDelayS, 6);
    expectRel(u.delayS, 51);
    expectRel(u.localEnergyJ, 42);
    expectRel(u.uplinkEnergyJ, 0.9);
    expectRel(u.edgeEnergyJ, 5.5566);
    expectRel(u.energyJ, 48.4566);
    expectRel(u.stability, 2 / 75); // 2·1²/(100·(1 − 1/4))
  });
  it('α = 3: delay = 3·42 + 3 + 1·2 = 131 s, energy = 126 + 0.9 + 1.8522 = 128.7522 J, AS = 2/(100·0.25) = 0.08', () => {
    const u = userMetrics(handNetwork(), one(3), 0);
    expectRel(u.delayS, 131);
    expectRel(u.energyJ, 128.7522);
    expectRel(u.stability, 0.08);
  });
  it('edge-only (α = 0): sends B·d·32 = 320 bits of token ids → 0.16 s, 0.048 J; edge 4·2 s, 4·1.8522 J', () => {
    const u = userMetrics(handNetwork(), one(0), 0);
    expect([u.localDelayS, u.localEnergyJ]).toEqual([0, 0]);
    expectRel(u.uplinkDelayS, 0.16);
    expectRel(u.uplinkEnergyJ, 0.048);
    expectRel(u.delayS, 8.16);
    expectRel(u.energyJ, 7.4568);
    expectRel(u.stability, 0.02); // 2/100, a = 0
  });
  it('local-only (α = Υ = 4): 4·42 s and 4·42 J, no uplink, no server, unbounded stability', () => {
    const alloc = { ...one(4), association: [0], bandwidthHz: [0], edgeFreqHz: [0] };
    const u = userMetrics(handNetwork(), alloc, 0);
    expectRel(u.delayS, 168);
    expectRel(u.energyJ, 168);
    expect([u.uplinkDelayS, u.uplinkEnergyJ, u.edgeDelayS, u.edgeEnergyJ]).toEqual([0, 0, 0, 0]);
    expect(u.stability).toBe(Infinity);
  });
});

describe('normalisation reference (MODEL.md §5)', () => {
  it('one user: T_ref = 51 s, E_ref = 48.4566 J, S_ref = 2/75', () => {
    const ref = normalizationOf(handNetwork());
    expectRel(ref.delayS, 51);
    expectRel(ref.energyJ, 48.4566);
    expectRel(ref.stability, 2 / 75);
  });
  it('the paper objective leaves the uplink delay out: T_ref = 51 − 3 = 48 s', () => {
    expectRel(normalizationOf(handNetwork(1, 1, false)).delayS, 48);
  });
  it('two users on one server split it equally: b = 500 Hz, f = 1050 Hz each', () => {
    const ref = referenceAllocation(handNetwork(2, 1));
    expect(ref.bandwidthHz).toEqual([500, 500]);
    expect(ref.edgeFreqHz).toEqual([1050, 1050]);
    // r = 500·log2(1 + 0.3/(1e-4·500)) = 500·log2 7; T_edge = 84000/(1050·20) = 4 s;
    // E_edge = 1e-10·1050²·84000/20 = 0.46305 J
    const ref2 = normalizationOf(handNetwork(2, 1));
    const up = 6000 / (500 * Math.log2(7));
    expectRel(ref2.delayS, 2 * (42 + up + 3 * 4));
    expectRel(ref2.energyJ, 2 * (42 + 0.3 * up + 3 * 0.46305));
    expectRel(ref2.stability, 4 / 75);
  });
  it('users join their highest-gain server', () => {
    const net = {
      ...handNetwork(2, 3),
      channelGain: [
        [1, 3, 2],
        [5, 1, 5],
      ],
    };
    expect(referenceAllocation(net).association).toEqual([1, 0]); // tie → lowest index
  });
});

describe('evaluate (metrics contract)', () => {
  it('the reference solution scores 1 + 1 + 1 = 3 under unit weights', () => {
    const s = handScenario();
    const m = evaluate(s, referenceAllocation(s));
    expectRel(m.objective, 3);
    expectRel(m.totalDelayS, 51);
    expectRel(m.meanDelayS, 51);
    expectRel(m.totalEnergyJ, 48.4566);
    expectRel(m.stability, 2 / 75);
    expect(m.stabilityBounded).toBe(true);
    expect(m.perUser).toHaveLength(1);
  });
  it('weights scale the terms: w = (2, 3, 5) → 10', () => {
    const s = { ...handScenario(), weights: { delay: 2, energy: 3, stability: 5 } };
    expectRel(evaluate(s, referenceAllocation(s)).objective, 10);
  });
  it('edge-only: objective = 8.16/51 + 7.4568/48.4566 + 0.02/(2/75)', () => {
    const s = handScenario();
    const m = evaluate(s, equalShareAllocation(s, 0));
    expectRel(m.objective, 8.16 / 51 + 7.4568 / 48.4566 + (0.02 * 75) / 2);
  });
  it('local-only: unbounded stability and objective, finite delay and energy', () => {
    const s = handScenario();
    const m = evaluate(s, equalShareAllocation(s, 4));
    expect(m.stabilityBounded).toBe(false);
    expect(m.stability).toBe(Infinity);
    expect(m.objective).toBe(Infinity);
    expectRel(m.totalDelayS, 168);
  });
  it('local-only with no stability weight has a finite objective: 168/51 + 168/48.4566', () => {
    const s = { ...handScenario(), weights: { delay: 1, energy: 1, stability: 0 } };
    expectRel(evaluate(s, equalShareAllocation(s, 4)).objective, 168 / 51 + 168 / 48.4566);
  });
  it('the paper objective drops ω_t·T_up: (51 − 3)/48 + 1 + 1 = 3 with its own reference', () => {
    const s = {
      ...handScenario(1, 1, false),
      normalization: { delayS: 48, energyJ: 48.4566, stability: 2 / 75 },
    };
    const m = evaluate(s, referenceAllocation(s));
    expectRel(m.objective, 3);
    expectRel(m.totalDelayS, 51); // the reported delay still includes the uplink
  });
  it('equals Σ Cost_n^U + Σ Cost_m^E + ω_s·Σ AS_n (eqs. (4), (7), (9)), user by user (userObjectiveTerm)', () => {
    for (const uplinkDelay of [true, false]) {
      const s = { ...handScenario(3, 2, uplinkDelay), weights: { delay: 2, energy: 0.5, stability: 3 } };
      const alloc: Allocation = {
        association: [0, 1, 1],
        localLayers: [1, 2, 0],
        powerW: [0.3, 0.2, 0.1],
        bandwidthHz: [1000, 600, 400],
        userFreqHz: [1000, 700, 900],
        edgeFreqHz: [2100, 1500, 600],
      };
      const w = objectiveWeights(s.weights, s.normalization);
      let sum = 0;
      const totals = costTotals(s, alloc);
      totals.perUser.forEach((u, n) => {
        const alpha = alloc.localLayers[n] ?? 0;
        const A =
          alpha === 0
            ? 0
            : weightedLayerCost(w.delayPerS, w.energyPerJ, u.localDelayS / alpha, u.localEnergyJ / alpha);
        const layers = s.llm.layers;
        const B = weightedLayerCost(
          w.delayPerS,
          w.energyPerJ,
          u.edgeDelayS / (layers - alpha),
          u.edgeEnergyJ / (layers - alpha),
        );
        const uplink = w.energyPerJ * u.uplinkEnergyJ + (uplinkDelay ? w.delayPerS * u.uplinkDelayS : 0);
        sum += userObjectiveTerm(layers, alpha, w.stability * u.stability, A, uplink, B);
      });
      expectRel(evaluate(s, alloc).objective, sum, 1e-12);
    }
  });
});
