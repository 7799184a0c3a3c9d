import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/model/index.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { staticPolicy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';
import { randomAllocation } from './fixtures.ts';

const FIELDS = [
  'delayS',
  'localDelayS',
  'uplinkDelayS',
  'edgeDelayS',
  'energyJ',
  'localEnergyJ',
  'uplinkEnergyJ',
  'edgeEnergyJ',
] as const;

describe('static mode with dedicated shares', () => {
  it('one simulated step equals the analytic delay and energy of every user to 1e-9, on 100 seeded scenarios', async () => {
    let worst = 0;
    let checked = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const scenario = generateScenario({
        seed,
        users: 3 + (seed % 8),
        servers: 1 + (seed % 4),
        layers: 4 + (seed % 29),
      });
      const allocation = randomAllocation(scenario, seed);
      const analytic = evaluate(scenario, allocation);
      const { metrics } = await simulate(scenario, { policy: staticPolicy(allocation) });
      metrics.perUser.forEach((simulated, n) => {
        expect(simulated.steps).toBe(1);
        for (const field of FIELDS) {
          const want = analytic.perUser[n]![field];
          const got = simulated[field];
          const err = want === 0 ? Math.abs(got) : Math.abs(got / want - 1);
          worst = Math.max(worst, err);
          expect(err, `seed ${seed} user ${n} ${field}: ${got} vs ${want}`).toBeLessThan(1e-9);
          checked++;
        }
      });
      // A local-only user (α = Υ) makes the stability, and so the objective, unbounded in both.
      if (analytic.objective === Infinity) expect(metrics.objective).toBe(Infinity);
      else expect(Math.abs(metrics.objective / analytic.objective - 1)).toBeLessThan(1e-9);
    }
    console.log(`static vs analytic: ${checked} values, worst relative error ${worst.toExponential(2)}`);
  });
});
