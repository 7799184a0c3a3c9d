// MODEL.md §6's first-order facts, checked by hand and against a brute-force scan.
import { describe, expect, it } from 'vitest';
import { optimalUserFreqHz, relaxedOptimalLocalLayers } from '../../src/model/closed-form.ts';
import { expectRel } from './expect-rel.ts';

describe('f_n* = min(f^max, (ω_t / (2·ω_e·κ1))^(1/3))', () => {
  it('by hand: (2 / (2·1·1e-27))^(1/3) = (1e27)^(1/3) = 1e9 Hz', () => {
    expectRel(optimalUserFreqHz(2, 1, 1e-27, 5e9), 1e9, 1e-12);
    expect(optimalUserFreqHz(2, 1, 1e-27, 0.8e9)).toBe(0.8e9);
  });
  it('minimises A(f) = ω_t·ψ/(f·C·D) + ω_e·κ·f²·ψ/(C·D) on a grid', () => {
    const wt = 3e-4,
      we = 2e-3,
      kappa = 1e-27,
      psi = 3e13,
      cd = 5;
    const A = (f: number): number => (wt * psi) / (f * cd) + (we * kappa * f * f * psi) / cd;
    const fStar = optimalUserFreqHz(wt, we, kappa, 1e12);
    for (let f = fStar / 4; f < fStar * 4; f *= 1.01)
      expect(A(f)).toBeGreaterThanOrEqual(A(fStar) * (1 - 1e-12));
  });
});

describe('α_n* of the relaxed split', () => {
  it('by hand: A = 1, B = 3, ω_s = 1, L = 1, k = 2, Υ = 32 → 32·(1 − sqrt(2/(2·32·2))) = 32·7/8 = 28', () => {
    expectRel(relaxedOptimalLocalLayers(1, 3, 1, 1, 2, 32), 28);
  });
  it('1 when local layers cost at least as much as edge layers', () => {
    expect(relaxedOptimalLocalLayers(3, 3, 1, 1, 2, 32)).toBe(1);
    expect(relaxedOptimalLocalLayers(5, 3, 0, 1, 2, 32)).toBe(1);
  });
  it('clipped to [1, Υ]', () => {
    expect(relaxedOptimalLocalLayers(1, 1.0001, 1, 1, 2, 32)).toBe(1);
    expect(relaxedOptimalLocalLayers(1, 3, 0, 1, 2, 32)).toBe(32);
  });
  it('matches a brute-force scan of α·A + (Υ − α)·B + ω_s·2L²/(k·(1 − α/Υ))', () => {
    const cases = [
      [0.2, 1, 0.01, 1, 1000],
      [1, 1.5, 0.3, 2, 3000],
      [0.01, 0.02, 1e-4, 1, 1500],
    ] as const;
    for (const [A, B, ws, L, k] of cases) {
      const f = (a: number): number => a * A + (32 - a) * B + (ws * 2 * L * L) / (k * (1 - a / 32));
      let best = 1;
      for (let a = 1; a < 32; a += 1e-4) if (f(a) < f(best)) best = a;
      expect(relaxedOptimalLocalLayers(A, B, ws, L, k, 32)).toBeCloseTo(best, 3);
    }
  });
});
