import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/random/index.ts';
import type { MobilityConfig } from '../../sim/config.ts';
import { move, newWalker } from '../../sim/mobility.ts';

const AREA_M = 200;

describe('mobility', () => {
  for (const kind of ['random-waypoint', 'gauss-markov'] as const) {
    it(`${kind}: users stay in the area and move no faster than they should`, () => {
      const config: MobilityConfig = { kind, minSpeedMps: 1, maxSpeedMps: 3, memory: 0.7 };
      const rng = new RandomStreams(9).get('mobility', 0);
      const w = newWalker(100, 100, config, AREA_M, rng);
      let travelled = 0;
      for (let block = 0; block < 5000; block++) {
        const [x, y] = [w.xM, w.yM];
        move(w, 1, config, AREA_M, rng);
        const step = Math.hypot(w.xM - x, w.yM - y);
        travelled += step;
        expect(w.xM).toBeGreaterThanOrEqual(0);
        expect(w.xM).toBeLessThanOrEqual(AREA_M);
        expect(w.yM).toBeGreaterThanOrEqual(0);
        expect(w.yM).toBeLessThanOrEqual(AREA_M);
        // Random waypoint walks at most maxSpeed; Gauss–Markov's speed is unbounded but rarely
        // beyond a few times the mean, and a bounce only shortens the displacement.
        if (kind === 'random-waypoint') expect(step).toBeLessThanOrEqual(3 + 1e-9);
      }
      // The mean speed over the run is about the configured one (2 m/s).
      expect(travelled / 5000).toBeGreaterThan(1);
      expect(travelled / 5000).toBeLessThan(4);
    });
  }
});
