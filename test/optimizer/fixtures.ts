import { expect } from 'vitest';
import { CONTESTED_PRESET, PAPER_PRESET, generateScenario } from '../../src/scenario/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';

/** Tiny instances for the exact comparison: 2–4 users, 2–3 servers, 4 layers, both presets. */
export function tinyScenario(seed: number): Scenario {
  return generateScenario({
    seed,
    preset: seed % 2 === 0 ? CONTESTED_PRESET : PAPER_PRESET,
    users: 2 + (seed % 3),
    servers: 2 + (seed % 2),
    layers: 4,
  });
}

/** Small instances of several sizes for the feasibility sweep. */
export function smallScenario(seed: number): Scenario {
  return generateScenario({
    seed,
    preset: seed % 2 === 0 ? CONTESTED_PRESET : PAPER_PRESET,
    users: 1 + (seed % 7),
    servers: 1 + (seed % 4),
    layers: 2 + (seed % 7),
    uplinkDelay: seed % 5 !== 0,
  });
}

/** |actual − expected| ≤ rel·|expected|. */
export function expectRel(actual: number, expected: number, rel = 1e-12): void {
  const ok = Math.abs(actual - expected) <= rel * Math.abs(expected);
  expect(ok, `${actual} is not within ${rel} (relative) of ${expected}`).toBe(true);
}
