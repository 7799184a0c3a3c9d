/**
 * The policy registry: names a user can pass to `--policy`. Every optimizer algorithm (MODEL.md
 * §6, §7) is a policy that re-optimises on the gains in force at each epoch; `reference` is the
 * normalisation's reference rule (α = 1, highest-gain server, equal shares, full power and
 * frequency), a cheap adaptive baseline. A fixed solution is `staticPolicy` (`--solution`).
 */
import { referenceAllocation } from '../src/model/index.ts';
import { ALGORITHMS, optimize, type AlgorithmName } from '../src/optimizer/index.ts';
import type { Policy } from './policy.ts';

function optimizerPolicy(algorithm: AlgorithmName): Policy {
  return { name: algorithm, allocate: (scenario) => optimize(scenario, { algorithm }) };
}

const REGISTRY: Readonly<Record<string, () => Policy>> = {
  reference: () => ({ name: 'reference', allocate: async (scenario) => referenceAllocation(scenario) }),
  ...Object.fromEntries(ALGORITHMS.map((a) => [a, () => optimizerPolicy(a)])),
};

export function policyNames(): string[] {
  return Object.keys(REGISTRY);
}

/** The named policy, or undefined for an unknown name. */
export function policyNamed(name: string): Policy | undefined {
  return REGISTRY[name]?.();
}
