/**
 * The policy registry: names a user can pass to `--policy`. Every optimizer algorithm (MODEL.md
 * §6, §7) is a policy that re-optimises on the gains in force at each epoch; `reference` is the
 * normalisation's reference rule (α = 1, highest-gain server, equal shares, full power and
 * frequency), a cheap adaptive baseline. A fixed solution is `staticPolicy` (`--solution`). Each
 * implements the policy API of `policy.ts` and ignores all of the observation but the gains.
 */
import { referenceAllocation } from '../src/model/index.ts';
import { ALGORITHMS, optimize, type AlgorithmName } from '../src/optimizer/index.ts';
import type { Policy } from './policy.ts';

export interface PolicyOptions {
  /** Master seed of the optimizer's random draws (random starts, baselines), the same at every
   *  epoch: the caller derives it from the run's one master seed (the CLI passes the seed of
   *  the simulation's streams). */
  readonly seed: number;
}

function optimizerPolicy(algorithm: AlgorithmName, { seed }: PolicyOptions): Policy {
  return { name: algorithm, decide: ({ scenario }) => optimize(scenario, { algorithm, seed }) };
}

const REGISTRY: Readonly<Record<string, (options: PolicyOptions) => Policy>> = {
  reference: () => ({ name: 'reference', decide: ({ scenario }) => referenceAllocation(scenario) }),
  ...Object.fromEntries(ALGORITHMS.map((a) => [a, (options: PolicyOptions) => optimizerPolicy(a, options)])),
};

export function policyNames(): string[] {
  return Object.keys(REGISTRY);
}

/** The named policy, or undefined for an unknown name. */
export function policyNamed(name: string, options: PolicyOptions): Policy | undefined {
  return REGISTRY[name]?.(options);
}
