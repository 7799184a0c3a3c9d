/**
 * Decisions checked before they go into force: a policy's answer is merged into the allocation in
 * force (a partial update replaces only what it gives) and the result is checked against problem
 * (9) (`checkSolution`, edge-only allowed, budgets as upper bounds: a policy may leave bandwidth or
 * GPU idle). A malformed answer (wrong sizes, unknown users, non-finite numbers) is always a
 * `PolicyError`; an infeasible one is an `InfeasibleDecision`, which the run may answer with a
 * fallback policy instead of stopping.
 */
import { checkSolution, formatViolation, type Allocation } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { PolicyError, type Decision, type Observation, type Policy } from './policy.ts';

export const ALLOCATION_FIELDS = [
  'association',
  'localLayers',
  'powerW',
  'bandwidthHz',
  'userFreqHz',
  'edgeFreqHz',
] as const;

/** The users whose entries differ between two allocations, in index order. */
export function changedUsers(before: Allocation, after: Allocation): number[] {
  const changed: number[] = [];
  for (let n = 0; n < before.association.length; n++)
    if (ALLOCATION_FIELDS.some((f) => before[f][n] !== after[f][n])) changed.push(n);
  return changed;
}

/** An allocation that violates a constraint of problem (9); `message` names the first one. */
export class InfeasibleDecision extends PolicyError {}

/** The users an update addresses: its `users`, checked, or every user. */
function addressedUsers(decision: Decision, users: number): readonly number[] | null {
  if (!('users' in decision) || decision.users === undefined) return null;
  const seen = new Set<number>();
  for (const [k, n] of decision.users.entries()) {
    if (!Number.isInteger(n) || n < 0 || n >= users)
      throw new PolicyError(`users[${k}] = ${n}: must be a user index, an integer in 0..${users - 1}`);
    if (seen.has(n)) throw new PolicyError(`users[${k}] = ${n}: listed twice`);
    seen.add(n);
  }
  return decision.users;
}

/** `decision` applied over `inForce` (null at the first decision: then it must give every field). */
export function mergeDecision(
  scenario: Scenario,
  inForce: Allocation | null,
  decision: Decision,
): Allocation {
  const users = scenario.users.length;
  const listed = addressedUsers(decision, users);
  if (inForce === null && listed !== null)
    throw new PolicyError('the first decision must be a full allocation, not an update of listed users');
  const merged: Record<string, readonly number[]> = {};
  for (const field of ALLOCATION_FIELDS) {
    const given = decision[field];
    if (given === undefined) {
      if (inForce === null)
        throw new PolicyError(`the first decision must be a full allocation: no ${field}`);
      merged[field] = inForce[field];
      continue;
    }
    const expected = listed?.length ?? users;
    if (!Array.isArray(given) || given.length !== expected) {
      const what = listed === null ? 'one per user' : 'one per listed user';
      throw new PolicyError(
        `${field} has ${Array.isArray(given) ? given.length : 'no'} entries, expected ${expected} (${what})`,
      );
    }
    for (const [k, v] of given.entries())
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new PolicyError(`${field}[${k}] = ${v}: must be a finite number`);
    if (listed === null) merged[field] = [...given];
    else {
      const values = [...inForce![field]];
      listed.forEach((n, k) => (values[n] = given[k]!));
      merged[field] = values;
    }
  }
  return merged as unknown as Allocation;
}

/** Throws `InfeasibleDecision` naming the first violated constraint of `allocation`, if any. */
export function checkDecision(scenario: Scenario, allocation: Allocation): void {
  const violations = checkSolution(scenario, allocation, { allowEdgeOnly: true, underBudget: true });
  if (violations.length === 0) return;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
  throw new InfeasibleDecision(`infeasible allocation: ${formatViolation(violations[0]!)}${more}`);
}

/**
 * `policy`'s decision on `observation`, merged into the allocation in force and checked; its
 * errors say which policy failed, when and at which epoch.
 */
export async function acceptDecision(policy: Policy, observation: Observation): Promise<Allocation> {
  try {
    const decision = await policy.decide(observation);
    const allocation = mergeDecision(observation.scenario, observation.allocation, decision);
    checkDecision(observation.scenario, allocation);
    return allocation;
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err;
    const Kind = err instanceof InfeasibleDecision ? InfeasibleDecision : PolicyError;
    const when = `at t = ${observation.timeS} s (epoch ${observation.epoch})`;
    throw new Kind(`policy ${policy.name} ${when}: ${err.message}`);
  }
}

/** The observation of a run's first decision on `scenario`'s own gains: every user idle, no step yet. */
export function firstObservation(scenario: Scenario): Observation {
  const stepsPerUser = scenario.users.map(() => 0);
  return {
    epoch: 0,
    timeS: 0,
    trigger: 'start',
    scenario,
    allocation: null,
    users: scenario.users.map(() => ({ steps: 0, phase: 'idle', localLayers: 0, server: -1 })),
    edgeUsers: scenario.servers.map(() => 0),
    sinceLast: { steps: 0, delayS: 0, energyJ: 0, stability: 0, cost: 0, stepsPerUser },
  };
}
