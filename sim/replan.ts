/**
 * Re-planning costs (off by default, so a run without them is the paper's free re-decision):
 * what changing the allocation at an epoch costs in a real system.
 *
 * - Solve time: the decision of an epoch after t = 0 goes into force `solveS` seconds after it was
 *   asked for (a fixed cost per decision, so runs stay reproducible; or the decision's measured
 *   wall time, which differs run to run); until then the allocation before it stays in force. The
 *   first decision is the run's initial plan, made before t = 0, and costs nothing. Each user
 *   whose allocation a decision changes waited that long for it.
 * - Layer migration: when a user starts a step with another split than its last step's, the
 *   layers between the two splits move between it and its server before the step's local phase:
 *   |Δα| × `migrationBitsPerLayer` bits over the user's link at the power, bandwidth and gain in
 *   force (FDMA, the same rate both ways [mecsim]), at the user's transmit power.
 * - Handover: when a user's uplink goes to another server than its last step's, it waits
 *   `handoverS` seconds first.
 *
 * A step's delay then includes its migration and handover (delay = local + uplink + edge +
 * download + migration + handover) and its energy the migration's; both count in the objective
 * and in a policy's reward, and appear apart in the per-user metrics (`replan`) and the trace
 * (`migration`, `handover` records). The solve time is in no step's delay — its cost is the
 * steps run meanwhile under the old plan — and appears as each user's wait for its decisions
 * (`replan.solveWaitS`, `solveWaits`; `solve` trace records).
 */
import {
  layerWeightParams,
  llmNamed,
  loraParams,
  parseFinetune,
  precisionNamed,
} from '../src/scenario/profiles/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';

export interface ReplanConfig {
  /** Simulated seconds from an epoch to its decision's going into force, or the decision's wall time. */
  solveS: number | 'measured';
  /** Charge the layers moved when a user's split changes. */
  migration: boolean;
  /** Seconds a user waits before its uplink to a server other than its last step's. */
  handoverS: number;
}

export const NO_REPLAN_COSTS: ReplanConfig = { solveS: 0, migration: false, handoverS: 0 };

export function hasReplanCosts(r: ReplanConfig): boolean {
  return r.solveS !== 0 || r.migration || r.handoverS > 0;
}

/** Bits per weight moved: 16 for half-precision compute (fp16, bf16, int8 activations), else 32. */
const weightBits = (precision: string): number => (precisionNamed(precision).compute === 'fp32' ? 32 : 16);

/** [mecsim] Parameters of one layer without a profile: 12·h², the transformer layer of Narayanan et al. */
const PARAMS_PER_H2 = 12;
const DEFAULT_WEIGHT_BITS = 16;

/**
 * The trainable state of one layer, in bits: its weights, or for LoRA only its adapters (the
 * frozen base model is on every device and server already [mecsim]). From the scenario's profiles
 * when it was composed from them; else 12·h² weights of 16 bits.
 */
export function migrationBitsPerLayer(scenario: Scenario): number {
  const p = scenario.profiles;
  if (p === undefined) return PARAMS_PER_H2 * scenario.llm.hiddenDim ** 2 * DEFAULT_WEIGHT_BITS;
  const llm = llmNamed(p.llm, 'profiles.llm');
  const finetune = parseFinetune(p.finetune, 'profiles.finetune');
  const params = finetune.method === 'lora' ? loraParams(llm, finetune.rank) : layerWeightParams(llm);
  return params * weightBits(p.precision);
}

/** One user's re-planning costs of one step. */
export interface StepReplan {
  migrationDelayS: number;
  migrationEnergyJ: number;
  handoverDelayS: number;
  /** Layers moved (|Δα|). */
  migratedLayers: number;
  handovers: number;
}

export const newStepReplan = (): StepReplan => ({
  migrationDelayS: 0,
  migrationEnergyJ: 0,
  handoverDelayS: 0,
  migratedLayers: 0,
  handovers: 0,
});

/** One user's re-planning costs over a run: its steps' (summed), and its waits for decisions. */
export interface UserReplan extends StepReplan {
  /** Seconds the decisions that changed this user's allocation waited, from their epoch, to go
   *  into force (the solve time), summed over the run; those still pending at its end not counted. */
  solveWaitS: number;
  /** How many such decisions. */
  solveWaits: number;
}

export const newUserReplan = (): UserReplan => ({ ...newStepReplan(), solveWaitS: 0, solveWaits: 0 });
