/**
 * The policy API: what a policy sees at a reallocation epoch and what it may answer. At each epoch
 * (t = 0, periodic, or triggered by a rate change) the run calls `decide` with an `Observation` —
 * the time, the gains in force, each user's progress and phase, the edge-GPU load and the cost of
 * the steps completed since the last decision — and puts the answer in force from each user's
 * next phase. The answer is a full `Allocation` or an `AllocationUpdate` of only some users or
 * only some decision variables; the run merges it into the allocation in force and checks the
 * result (`sim/decisions.ts`). The named policies (`sim/policies.ts`), a user's module
 * (`--policy ./my-policy.ts`) and an external process (`--policy-cmd`) all implement `Policy`.
 */
import type { Allocation } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';

export type EpochTrigger = 'start' | 'period' | 'rate-change';

/**
 * Where a user is in its training step: `idle` between steps (or before the first), `local`,
 * `uplink`, `edge`, `download` (the gradients back), the re-planning costs `migration` (layers
 * moving after a split change) and `handover` (joining another server), `done` after its last step.
 */
export type UserPhase = 'idle' | 'local' | 'migration' | 'handover' | 'uplink' | 'edge' | 'download' | 'done';

export interface UserProgress {
  /** Steps completed so far. */
  readonly steps: number;
  readonly phase: UserPhase;
  /** The split α of the step in progress (or of the last one). */
  readonly localLayers: number;
  /** The server of the step in progress, −1 before its uplink. */
  readonly server: number;
}

/** Sums over the steps completed since the last decision (at the first decision: none). */
export interface StepWindow {
  readonly steps: number;
  readonly delayS: number;
  readonly energyJ: number;
  /** Σ AS_n over those steps. */
  readonly stability: number;
  /** ω_t·T + ω_e·E + ω_s·S of those steps, T counted as the objective counts it (MODEL.md §5). The
   *  episode's reward is −cost. */
  readonly cost: number;
  /** Completed steps per user. */
  readonly stepsPerUser: readonly number[];
}

export interface Observation {
  /** Index of this decision (0 at t = 0). */
  readonly epoch: number;
  readonly timeS: number;
  readonly trigger: EpochTrigger;
  /** The scenario with the gains in force in `channelGain`. */
  readonly scenario: Scenario;
  /** The allocation in force; null at the first decision. */
  readonly allocation: Allocation | null;
  readonly users: readonly UserProgress[];
  /** Per server: users whose edge phase runs on its GPU now (the k of processor sharing). */
  readonly edgeUsers: readonly number[];
  readonly sinceLast: StepWindow;
}

/**
 * A partial decision: the given fields replace those of the allocation in force. Without `users`
 * each given field has one entry per user; with `users` (distinct indices) one entry per listed
 * user, in that order, and the others keep theirs. The first decision must be a full allocation.
 */
export interface AllocationUpdate {
  readonly users?: readonly number[];
  readonly association?: readonly number[];
  readonly localLayers?: readonly number[];
  readonly powerW?: readonly number[];
  readonly bandwidthHz?: readonly number[];
  readonly userFreqHz?: readonly number[];
  readonly edgeFreqHz?: readonly number[];
}

export interface RunEnd {
  readonly timeS: number;
  readonly sinceLast: StepWindow;
}

/** A full allocation is an update of every field for every user. */
export type Decision = Allocation | AllocationUpdate;

export interface Policy {
  readonly name: string;
  decide(observation: Observation): Decision | Promise<Decision>;
  /** Called once when the run ends normally, with the steps completed since the last decision
   *  (an episode's last reward is −sinceLast.cost). Whoever made the policy closes it. */
  end?(final: RunEnd): void | Promise<void>;
}

/**
 * A decision the run cannot use: infeasible, wrongly sized, or (external policies) a process that
 * crashed, printed garbage or timed out. The CLI prints its one-line message and exits with
 * `EXIT_POLICY`.
 */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

/** Keeps a given allocation for the whole run. */
export function staticPolicy(allocation: Allocation): Policy {
  return { name: 'static', decide: () => allocation };
}
