import { expect } from 'vitest';

/** |actual − expected| ≤ rel·|expected|: for values far from 1, where toBeCloseTo's absolute digits mislead. */
export function expectRel(actual: number, expected: number, rel = 1e-12): void {
  const ok = Math.abs(actual - expected) <= rel * Math.abs(expected);
  expect(ok, `${actual} is not within ${rel} (relative) of ${expected}`).toBe(true);
}
