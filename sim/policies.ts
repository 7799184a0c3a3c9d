/**
 * The policy registry: names a user can pass to `--policy`. `static` keeps a given solution;
 * `reference` is the normalisation's reference rule (α = 1, highest-gain server, equal shares,
 * full power and frequency) re-applied to the gains in force at each epoch.
 */
import { referenceAllocation } from '../src/model/index.ts';
import type { Policy } from './policy.ts';

const REGISTRY: Readonly<Record<string, () => Policy>> = {
  reference: () => ({ name: 'reference', allocate: async (scenario) => referenceAllocation(scenario) }),
};

export function policyNames(): string[] {
  return Object.keys(REGISTRY);
}

/** The named policy, or undefined for an unknown name. */
export function policyNamed(name: string): Policy | undefined {
  return REGISTRY[name]?.();
}
