// Statistics of the summaries: Student-t quantiles against published table values, the 95%
// interval of a mean, and order statistics; non-finite values are left out and counted.
import { describe, expect, it } from 'vitest';
import { summarize, quantileSorted } from '../../experiments/report/stats.ts';
import { studentTCdf, studentTQuantile } from '../../experiments/report/student-t.ts';

describe('Student t', () => {
  it('matches the 97.5% table values', () => {
    // Any statistics table: t_{0.975} for df = 1, 2, 4, 9, 29, 120.
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [4, 2.776],
      [9, 2.262],
      [29, 2.045],
      [120, 1.98],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
  });
  it('has the Cauchy distribution at df = 1 and is symmetric', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(-2.5, 7) + studentTCdf(2.5, 7)).toBeCloseTo(1, 12);
  });
});

describe('summarize', () => {
  it('mean, sd and 95% interval of a small sample', () => {
    const s = summarize([1, 2, 3, 4]);
    expect(s.n).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.ci95).toBeCloseTo((studentTQuantile(0.975, 3) * Math.sqrt(5 / 3)) / 2, 12);
    expect([s.min, s.median, s.max]).toEqual([1, 2.5, 4]);
  });
  it('leaves out null and non-finite values, and has no interval for one value', () => {
    const s = summarize([null, Infinity, 7]);
    expect([s.n, s.omitted, s.mean, s.ci95, s.sd]).toEqual([1, 2, 7, null, null]);
    expect(summarize([]).mean).toBeNull();
  });
  it('interpolates quantiles between order statistics', () => {
    expect(quantileSorted([0, 10], 0.95)).toBeCloseTo(9.5, 12);
    expect(quantileSorted([5], 0.5)).toBe(5);
  });
});
