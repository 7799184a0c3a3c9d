import { describe, expect, it } from 'vitest';
import { equalShareAllocation } from '../../src/model/index.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import type { SimTraceRecord } from '../../sim/trace/records.ts';
import { staticPolicy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';

describe('a step is the sum of its parts', () => {
  it('delay = local + uplink + edge + download and energy = local + uplink + edge, per step and per user', async () => {
    // Fading and a shared edge GPU make every part vary from step to step; some users train
    // everything locally (no uplink, edge or download) and others nothing (no local phase).
    const scenario = generateScenario({ seed: 2, users: 8, servers: 2, layers: 4 });
    // User 4 (α = Υ) holds no share, as a decision must (budgets are upper bounds in a simulation).
    const shares = equalShareAllocation(scenario, 1);
    const noShare = (v: number, n: number): number => (n === 4 ? 0 : v);
    const allocation = {
      ...shares,
      localLayers: [0, 1, 2, 3, 4, 1, 2, 3],
      bandwidthHz: shares.bandwidthHz.map(noShare),
      edgeFreqHz: shares.edgeFreqHz.map(noShare),
    };
    const steps: Extract<SimTraceRecord, { type: 'step' }>[] = [];
    const { metrics } = await simulate(scenario, {
      policy: staticPolicy(allocation),
      config: {
        maxStepsPerUser: 3,
        gradientDownload: true,
        edgeGpu: 'processor-sharing',
        fading: { kind: 'rayleigh', coherenceS: 300, ricianK: 0 },
      },
      onTrace: (r) => {
        if (r.type === 'step') steps.push(r);
      },
    });
    expect(steps.length).toBe(24);
    expect(steps.some((s) => s.downloadDelayS > 0)).toBe(true);
    for (const s of steps) {
      const parts = s.localDelayS + s.uplinkDelayS + s.edgeDelayS + s.downloadDelayS;
      expect(Math.abs(parts - (s.endS - s.startS))).toBeLessThan(1e-9 * Math.max(1, s.endS));
    }
    for (const u of metrics.perUser) {
      const parts = u.localDelayS + u.uplinkDelayS + u.edgeDelayS + u.downloadDelayS;
      expect(Math.abs(parts - u.delayS)).toBeLessThan(1e-9 * u.delayS);
      expect(Math.abs(u.localEnergyJ + u.uplinkEnergyJ + u.edgeEnergyJ - u.energyJ)).toBeLessThan(
        1e-12 * u.energyJ,
      );
    }
    expect(metrics.perUser[4]!.downloadDelayS).toBe(0); // α = Υ: nothing to send or get back
    expect(metrics.perUser[0]!.downloadDelayS).toBe(0); // α = 0: no gradients for the user's layers
  });
});
