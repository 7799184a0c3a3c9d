import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.ts';
import { firstObservation } from '../../sim/decisions.ts';
import { policyNamed } from '../../sim/policies.ts';

describe('policy seeds', () => {
  it('the seed given to a named policy reaches its optimizer, at every call', async () => {
    // `random` draws splits, powers and shares from the optimizer's streams, so the seed shows.
    const scenario = generateScenario({ seed: 3, users: 6, servers: 2, layers: 4 });
    const allocate = async (seed: number) =>
      policyNamed('random', { seed })!.decide(firstObservation(scenario));
    const [a, b, c] = await Promise.all([allocate(11), allocate(11), allocate(12)]);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const again = await policyNamed('random', { seed: 11 })!.decide(
      firstObservation({ ...scenario, seed: 99 }),
    );
    expect(again).toEqual(a); // the scenario's own seed does not override the policy's
  });
});
