import { describe, expect, it } from 'vitest';
import { MAX_SEED, RandomStreams, type StreamPurpose } from '../../src/random/index.ts';

const draws = (streams: RandomStreams, purpose: StreamPurpose, index: number, n = 1000): number[] => {
  const s = streams.get(purpose, index);
  return Array.from({ length: n }, () => s.random());
};

function correlation(a: number[], b: number[]): number {
  const mean = (x: number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    cov += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

describe('random streams', () => {
  it('the same master seed and stream name give the same draws', () => {
    expect(draws(new RandomStreams(7), 'fading', 3)).toEqual(draws(new RandomStreams(7), 'fading', 3));
  });

  it('get() returns the same stream object, so a stream continues rather than restarting', () => {
    const streams = new RandomStreams(1);
    const first = streams.get('bench', 1).random();
    expect(streams.get('bench', 1).random()).not.toBe(first);
  });

  it('different names, indices or seeds give independent streams', () => {
    const base = draws(new RandomStreams(7), 'fading', 3);
    for (const other of [
      draws(new RandomStreams(7), 'fading', 4),
      draws(new RandomStreams(7), 'mobility', 3),
      draws(new RandomStreams(8), 'fading', 3),
    ]) {
      expect(other).not.toEqual(base);
      // 1000 independent pairs: |r| < 0.1 holds with probability > 0.998.
      expect(Math.abs(correlation(base, other))).toBeLessThan(0.1);
    }
  });

  it('a master seed outside [0, MAX_SEED] is refused with the range', () => {
    for (const bad of [-1, 1.5, MAX_SEED + 1, Number.NaN]) {
      expect(() => new RandomStreams(bad)).toThrow(`seed must be an integer in [0, ${MAX_SEED}]`);
    }
    expect(new RandomStreams(MAX_SEED).get('bench').random()).toBeGreaterThanOrEqual(0);
  });

  it('drawing from one stream leaves another unchanged', () => {
    const a = new RandomStreams(3);
    const b = new RandomStreams(3);
    for (let i = 0; i < 500; i++) a.get('user', 0).random();
    expect(a.get('user', 1).random()).toBe(b.get('user', 1).random());
  });

  it('distributions have the right means and ranges', () => {
    const s = new RandomStreams(11).get('bench');
    const n = 20000;
    const mean = (f: () => number): number => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += f();
      return sum / n;
    };
    // Tolerances are about 5 standard errors of each sample mean.
    expect(mean(() => s.uniform(2, 4))).toBeCloseTo(3, 1);
    expect(mean(() => s.exponential(2))).toBeGreaterThan(0.5 - (5 * 0.5) / Math.sqrt(n));
    expect(mean(() => s.exponential(2))).toBeLessThan(0.5 + (5 * 0.5) / Math.sqrt(n));
    expect(Math.abs(mean(() => s.normal(1, 2)) - 1)).toBeLessThan((5 * 2) / Math.sqrt(n));
    expect(Math.abs(mean(() => s.rayleighPowerGain()) - 1)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(mean(() => s.ricianPowerGain(3)) - 1)).toBeLessThan(5 / Math.sqrt(n));
    // E[lognormal(mu, sigma)] = exp(mu + sigma^2 / 2); sd = mean * sqrt(exp(sigma^2) - 1).
    const lnMean = Math.exp(0 + 0.25 / 2);
    expect(Math.abs(mean(() => s.logNormal(0, 0.5)) - lnMean)).toBeLessThan(
      (5 * lnMean * Math.sqrt(Math.exp(0.25) - 1)) / Math.sqrt(n),
    );
    for (let i = 0; i < 1000; i++) {
      const k = s.uniformInt(4, 6);
      expect(Number.isInteger(k) && k >= 4 && k <= 6).toBe(true);
    }
  });
});
