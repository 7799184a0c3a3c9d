/**
 * Allocation policies called at reallocation epochs: given the scenario with the gains in force,
 * return the allocation to apply from each user's next phase. `static` keeps the first one.
 */
import type { Allocation } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';

export interface Policy {
  readonly name: string;
  /** `previous` is null at the first call (t = 0). */
  allocate(scenario: Scenario, previous: Allocation | null): Promise<Allocation>;
}

/** Keeps a given allocation for the whole run. */
export function staticPolicy(allocation: Allocation): Policy {
  return { name: 'static', allocate: async () => allocation };
}
