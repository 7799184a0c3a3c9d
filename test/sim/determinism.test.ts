import { describe, expect, it } from 'vitest';
import { equalShareAllocation } from '../../src/model/index.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import type { SimConfig } from '../../sim/config.ts';
import { staticPolicy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';

const DYNAMIC: Partial<SimConfig> = {
  durationS: 2e5,
  maxStepsPerUser: Infinity,
  edgeGpu: 'processor-sharing',
  fading: { kind: 'rician', coherenceS: 500, ricianK: 2 },
  mobility: { kind: 'gauss-markov', minSpeedMps: 0.5, maxSpeedMps: 1.5, memory: 0.8 },
  epoch: { everyS: 5e4, rateChange: Infinity },
};

async function traceAndMetrics(seed: number): Promise<string> {
  const scenario = generateScenario({ seed: 4, users: 6, servers: 2, layers: 6 });
  const lines: string[] = [];
  const result = await simulate(scenario, {
    policy: staticPolicy(equalShareAllocation(scenario, 1)),
    seed,
    config: DYNAMIC,
    onTrace: (r) => lines.push(JSON.stringify(r)),
  });
  return `${lines.join('\n')}\n${JSON.stringify(result)}`;
}

describe('reproducibility', () => {
  it('the same seed gives byte-identical traces and metrics; another seed differs', async () => {
    const a = await traceAndMetrics(11);
    const b = await traceAndMetrics(11);
    const c = await traceAndMetrics(12);
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
