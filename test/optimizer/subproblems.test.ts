// The convex subproblems of the resource step: each block is checked against its own KKT
// conditions at the stated tolerance, and the transform's outer loop against Proposition 1.
import { describe, expect, it } from 'vitest';
import { evaluate, referenceAllocation } from '../../src/model/index.ts';
import { CONTESTED_PRESET, generateScenario } from '../../src/scenario/index.ts';
import { edgeLayerCost, edgeLayerCostSlope, rateBps, uplinkFactor } from '../../src/optimizer/costs.ts';
import { edgeSharesDirect, edgeSharesSurrogate } from '../../src/optimizer/resource/edge-frequency.ts';
import { compileInstance } from '../../src/optimizer/instance.ts';
import { planObjective, toAllocation } from '../../src/optimizer/plan.ts';
import {
  DEFAULT_RESOURCE_TOLERANCES,
  initialPlan,
  proposedResources,
  runTransform,
} from '../../src/optimizer/resource/transform.ts';
import {
  levelRoot,
  newtonLevelRoot,
  waterFill,
  type SmoothMarginal,
} from '../../src/optimizer/solvers/roots.ts';
import { surrogateSplit } from '../../src/optimizer/resource/split.ts';
import {
  solveUplinkSurrogate,
  uplinkSurrogateResidual,
} from '../../src/optimizer/resource/uplink-surrogate.ts';
import { bestPowerW, uplinkAtPrice, uplinkSlope } from '../../src/optimizer/resource/uplink-direct.ts';
import { newRateTerms } from '../../src/model/index.ts';
import { expectRel } from './fixtures.ts';

const KKT = DEFAULT_RESOURCE_TOLERANCES.kktTol;
const scenario = generateScenario({ seed: 3, preset: CONTESTED_PRESET, users: 12, servers: 3 });
const inst = compileInstance(scenario);
const association = Int32Array.from(referenceAllocation(scenario).association);
const usersOf = (m: number): number[] => [...association.keys()].filter((n) => association[n] === m);

describe('roots', () => {
  it('levelRoot finds x³ = 27 and clamps outside the bracket', () => {
    expectRel(
      levelRoot((_i, x) => x ** 3, 0, 27, 0.5, 100),
      3,
      1e-12,
    );
    expect(levelRoot((_i, x) => x, 0, -5, 1, 2)).toBe(1);
    expect(levelRoot((_i, x) => x, 0, 5, 1, 2)).toBe(2);
  });
  /** d(i, x) = −w_i/x² with its slope 2·w_i/x³. */
  const inverseSquare = (w: number[]): SmoothMarginal => {
    let slope = NaN;
    return {
      at(i, x) {
        slope = (2 * (w[i] ?? NaN)) / (x * x * x);
        return -(w[i] ?? NaN) / (x * x);
      },
      slopeAtLast: () => slope,
    };
  };
  it('newtonLevelRoot finds the root from far guesses and clamps at both ends', () => {
    let slope = NaN;
    const cube: SmoothMarginal = {
      at(_i, x) {
        slope = 3 * x * x;
        return x ** 3;
      },
      slopeAtLast: () => slope,
    };
    for (const x0 of [0.6, 2.9, 3, 50, 99.9, -1])
      expectRel(newtonLevelRoot(cube, 0, 27, x0, 0.5, 100), 3, 1e-12);
    expect(newtonLevelRoot(cube, 0, 1e9, 3, 0.5, 100)).toBe(100);
    expect(newtonLevelRoot(cube, 0, 0, 3, 0.5, 100)).toBe(0.5);
    // A marginal spanning 36 decades on its bracket, from a guess 17 decades off.
    expectRel(newtonLevelRoot(inverseSquare([1]), 0, -1e12, 1e-2, 1e-18, 1), 1e-6, 1e-12);
  });
  it('water-filling of Σ w_i/x_i with Σ x = 2 gives x_i ∝ √w_i (KKT: equal marginals), cold and warm', () => {
    const w = [1, 4, 9, 1e-6, 3e5];
    const roots = w.map(Math.sqrt);
    const expected = roots.map((r) => (2 * r) / roots.reduce((a, b) => a + b, 0));
    const cold = new Float64Array(w.length);
    waterFill(w.length, inverseSquare(w), 2, cold);
    const warm = Float64Array.from(expected, (x, i) => x * (i % 2 === 0 ? 1.3 : 0.7));
    const scale = 2 / warm.reduce((a, b) => a + b, 0);
    warm.forEach((x, i) => (warm[i] = x * scale));
    waterFill(w.length, inverseSquare(w), 2, warm);
    for (const got of [cold, warm]) {
      got.forEach((x, i) => expectRel(x, expected[i]!, 1e-10));
      expectRel(
        got.reduce((a, b) => a + b, 0),
        2,
        1e-15,
      );
    }
  });
});

describe('edge GPU shares: one-multiplier water-filling (9g)', () => {
  const users = usersOf(0);
  it("direct objective: Σ f = f^max and every marginal (Υ−α)·B' equal", () => {
    const out = new Float64Array(users.length);
    const edgeLayers = users.map((_, i) => 31 - i);
    const level = edgeSharesDirect(inst, 0, users, edgeLayers, out);
    expectRel(
      out.reduce((a, b) => a + b, 0),
      scenario.servers[0]!.maxFreqHz,
      1e-12,
    );
    users.forEach((n, i) => expectRel(edgeLayers[i]! * edgeLayerCostSlope(inst, n, 0, out[i]!), level, KKT));
  });
  it("surrogate: every marginal B·B'/(2q) equal", () => {
    const out = new Float64Array(users.length);
    const q = Float64Array.from(users, (_, i) => 1e-3 * (i + 1));
    const level = edgeSharesSurrogate(inst, 0, users, q, out);
    users.forEach((n, i) => {
      const f = out[i]!;
      expectRel((edgeLayerCost(inst, n, 0, f) * edgeLayerCostSlope(inst, n, 0, f)) / (2 * q[i]!), level, KKT);
    });
  });
});

describe("the surrogate's (p, b) block", () => {
  it('is solved to its KKT tolerance, from equal shares', () => {
    const plan = initialPlan(inst, association, new Float64Array(inst.users).fill(1));
    for (let m = 0; m < inst.servers; m++) {
      const users = usersOf(m);
      if (users.length === 0) continue;
      const g = {
        server: m,
        users,
        bits: Float64Array.from(users, (n) => scenario.users[n]!.activationBits),
      };
      const v = Float64Array.from(
        users,
        (n) =>
          1 /
          (2 *
            uplinkFactor(inst, g.bits[users.indexOf(n)]!, plan.powerW[n]!) *
            rateBps(inst, n, m, plan.powerW[n]!, plan.bandwidthHz[n]!)),
      );
      const sweeps = solveUplinkSurrogate(
        inst,
        g,
        v,
        plan.powerW,
        plan.bandwidthHz,
        KKT,
        new Float64Array(users.length),
      );
      expect(sweeps).toBeLessThan(1000);
      expect(uplinkSurrogateResidual(inst, g, v, plan.powerW, plan.bandwidthHz)).toBeLessThanOrEqual(KKT);
      expectRel(
        users.reduce((a, n) => a + plan.bandwidthHz[n]!, 0),
        scenario.servers[m]!.bandwidthHz,
        1e-12,
      );
    }
  });
});

describe("the surrogate's α-block", () => {
  it("zeroes the derivative 2αz − 2(Υ−α)q + ω_s·AS'(α) when interior", () => {
    const L = inst.layers;
    const c = inst.stabilityCoef[0]!;
    const a = surrogateSplit(inst, 0, 1e-3, 5e-3);
    expect(a).toBeGreaterThan(1);
    const slope = 2 * a * 1e-3 - 2 * (L - a) * 5e-3 + c / (L * (1 - a / L) ** 2);
    expect(Math.abs(slope) / (2 * (L - a) * 5e-3)).toBeLessThan(1e-9);
  });
});

describe('direct uplink (ao, exact, association prices)', () => {
  const t = newRateTerms();
  it('p*(b) is the minimiser of C(p)/r(p, b)', () => {
    const n = 0;
    const m = association[0]!;
    const snr = inst.snrPerW[n * inst.servers + m]!;
    const bits = scenario.users[n]!.activationBits;
    const b = 2e6;
    const p = bestPowerW(inst, n, snr, bits, b, t);
    const f = (x: number): number => uplinkFactor(inst, bits, x) / rateBps(inst, n, m, x, b);
    for (const d of [0.999, 1.001]) {
      const q = Math.min(inst.maxPowerW[n]!, Math.max(inst.minPowerW[n]!, p * d));
      expect(f(q)).toBeGreaterThanOrEqual(f(p) * (1 - 1e-12));
    }
  });
  it('φ_n(b) = min_p C/r is convex in b on sampled users of both presets (what makes the water-filling global)', () => {
    for (const s of [scenario, generateScenario({ seed: 5, users: 12, servers: 3 })]) {
      const ci = compileInstance(s);
      for (let n = 0; n < 6; n++) {
        for (let m = 0; m < 3; m++) {
          const snr = ci.snrPerW[n * ci.servers + m]!;
          const bits = s.users[n]!.activationBits;
          let prev = -Infinity;
          // φ' increasing on a log grid from 10 Hz to the full 20 MHz ⇔ φ convex there.
          for (let k = 0; k <= 60; k++) {
            const b = 10 * 2e6 ** (k / 60);
            const slope = uplinkSlope(ci, n, snr, bits, b, t);
            expect(slope).toBeGreaterThanOrEqual(prev - 1e-12 * Math.abs(prev));
            prev = slope;
          }
        }
      }
    }
  });
  it("the demand at a price satisfies φ'(b) + λ = 0, from near and far guesses", () => {
    const bits = scenario.users[1]!.activationBits;
    const snr = inst.snrPerW[1 * inst.servers]!;
    for (const guess of [10, 1e5, scenario.servers[0]!.bandwidthHz * 0.999]) {
      const up = uplinkAtPrice(inst, 1, 0, bits, 1e-9, guess);
      const slope = uplinkSlope(inst, 1, snr, bits, up.bandwidthHz, t);
      expect(Math.abs(slope + 1e-9) / 1e-9).toBeLessThan(1e-9);
    }
  });
  it("φ''(b), Newton's slope, is the derivative of φ'(b) (p* interior and at a bound)", () => {
    const point = { powerW: NaN, curvature: NaN };
    let interior = 0;
    for (let n = 0; n < 6; n++) {
      const m = association[n]!;
      const snr = inst.snrPerW[n * inst.servers + m]!;
      const bits = scenario.users[n]!.activationBits;
      for (const b of [1e3, 1e5, 2e6]) {
        uplinkSlope(inst, n, snr, bits, b, t, point);
        if (point.powerW > inst.minPowerW[n]! && point.powerW < inst.maxPowerW[n]!) interior++;
        const h = 1e-5 * b;
        const fd =
          (uplinkSlope(inst, n, snr, bits, b + h, t) - uplinkSlope(inst, n, snr, bits, b - h, t)) / (2 * h);
        expectRel(point.curvature, fd, 1e-5);
      }
    }
    expect(interior).toBeGreaterThan(0);
    expect(interior).toBeLessThan(18);
  });
});

describe("the transform's outer loop (Proposition 1)", () => {
  it('never increases the objective and ends where the objective stops falling', () => {
    const plan = initialPlan(inst, association, new Float64Array(inst.users).fill(1));
    const { objectives } = runTransform(inst, plan, true, DEFAULT_RESOURCE_TOLERANCES);
    for (let i = 1; i < objectives.length; i++)
      expect(objectives[i]!).toBeLessThanOrEqual(objectives[i - 1]! * (1 + 1e-12));
    expect(objectives.length).toBeLessThan(DEFAULT_RESOURCE_TOLERANCES.maxIterations);
  });
  it("the optimizer's objective is evaluate()'s, and the rounded plan is feasible", () => {
    const r = proposedResources(inst, association, undefined, DEFAULT_RESOURCE_TOLERANCES);
    expectRel(planObjective(inst, r.plan), evaluate(scenario, toAllocation(r.plan)).objective, 1e-12);
    expect(r.plan.localLayers.every((a) => Number.isInteger(a) && a >= 1 && a <= inst.layers)).toBe(true);
  });
});
