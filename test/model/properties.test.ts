// Properties of the model that must hold for any input, checked with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uplinkRateBps } from '../../src/model/uplink.ts';
import { evaluate } from '../../src/model/evaluate.ts';
import { checkSolution } from '../../src/model/feasibility.ts';
import { equalShareAllocation, normalizationOf, referenceAllocation } from '../../src/model/reference.ts';
import { generateScenario } from '../../src/scenario/generate.ts';

const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true });

describe('uplink rate (FDMA, noise ∝ bandwidth)', () => {
  it('grows with power and with bandwidth, and stays below the wideband limit g·p/(σ²·ln 2)', () => {
    fc.assert(
      fc.property(pos(1e3, 1e8), pos(1e-14, 1e-6), pos(1e-3, 2), pos(1e-21, 1e-15), (b, g, p, s2) => {
        const r = uplinkRateBps(b, g, p, s2);
        expect(uplinkRateBps(b, g, p * 1.5, s2)).toBeGreaterThan(r);
        expect(uplinkRateBps(b * 1.5, g, p, s2)).toBeGreaterThanOrEqual(r);
        expect(r).toBeLessThanOrEqual(((g * p) / (s2 * Math.LN2)) * (1 + 1e-12));
      }),
    );
  });
});

describe('equal-share allocations on generated scenarios', () => {
  it('are feasible for every split in 0..Υ, add up, and score w_t + w_e + w_s at the reference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(1000),
        fc.integer({ min: 0, max: 8 }),
        (users, servers, seed, alpha) => {
          const s = generateScenario({ users, servers, seed, layers: 8 });
          const alloc = equalShareAllocation(s, alpha);
          expect(checkSolution(s, alloc)).toEqual([]);
          const m = evaluate(s, alloc);
          for (const u of m.perUser) {
            expect(u.delayS).toBeCloseTo(u.localDelayS + u.uplinkDelayS + u.edgeDelayS, 6);
            expect(
              Math.min(
                u.localDelayS,
                u.uplinkDelayS,
                u.edgeDelayS,
                u.localEnergyJ,
                u.uplinkEnergyJ,
                u.edgeEnergyJ,
              ),
            ).toBeGreaterThanOrEqual(0);
          }
          expect(m.stabilityBounded).toBe(alpha < 8);
          expect(s.normalization).toEqual(normalizationOf(s));
          expect(evaluate(s, referenceAllocation(s)).objective).toBeCloseTo(3, 12);
        },
      ),
      { numRuns: 40 },
    );
  });
});
