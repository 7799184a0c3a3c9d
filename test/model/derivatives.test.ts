// The analytic derivatives that the optimizer's Newton steps use, against central differences.
import { describe, it } from 'vitest';
import { layerCostCurvature, layerCostSlope, newRateTerms, uplinkRateTerms } from '../../src/model/index.ts';
import { expectRel } from './expect-rel.ts';

/** Central difference of f at x with a relative step h. */
const derivative = (f: (x: number) => number, x: number, h = 1e-5): number =>
  (f(x * (1 + h)) - f(x * (1 - h))) / (2 * x * h);

describe('rate curvatures (uplinkRateTerms)', () => {
  // Low, moderate and high SNR: x = k·p/b from 1e-2 to 2e5.
  const points = [
    { k: 1e5, p: 0.1, b: 1e6 },
    { k: 1e7, p: 0.1, b: 1e6 },
    { k: 1e12, p: 0.2, b: 1e6 },
    { k: 1e14, p: 0.05, b: 5e6 },
  ];
  for (const { k, p, b } of points) {
    it(`dp, db, dpp, dbb, dpb at x = ${((k * p) / b).toExponential(1)}`, () => {
      const t = newRateTerms();
      uplinkRateTerms(k, p, b, t);
      const rateInP = (x: number): number => uplinkRateTerms(k, x, b, newRateTerms()).rate;
      const rateInB = (x: number): number => uplinkRateTerms(k, p, x, newRateTerms()).rate;
      const slopeInP = (x: number): number => uplinkRateTerms(k, x, b, newRateTerms()).dp;
      const slopeInB = (x: number): number => uplinkRateTerms(k, p, x, newRateTerms()).db;
      expectRel(t.dp, derivative(rateInP, p), 1e-7);
      expectRel(t.db, derivative(rateInB, b), 1e-6);
      expectRel(t.dpp, derivative(slopeInP, p), 1e-7);
      expectRel(t.dbb, derivative(slopeInB, b), 1e-6);
      expectRel(
        t.dpb,
        derivative((x) => uplinkRateTerms(k, p, x, newRateTerms()).dp, b),
        1e-7,
      );
    });
  }
});

describe('layer cost curvature', () => {
  it('is the derivative of layerCostSlope', () => {
    for (const f of [1e8, 1e9, 3e9]) {
      expectRel(
        layerCostCurvature(2, 3e-27, f),
        derivative((x) => layerCostSlope(2, 3e-27, x), f),
        1e-7,
      );
    }
  });
});
