/**
 * Per-step records and their aggregation into the metrics contract of DESIGN.md: per-user fields
 * are per-step means, `totals` sums over the run, `stepEndS` the step end times (MODEL.md §9).
 * A step's delay is the sum of its parts, local + uplink + edge + download (the download is 0
 * without `gradientDownload`); its energy is the paper's E_n, local + uplink + edge. The
 * download's energy is the server's radio's (MODEL.md §9: not charged to the user), so it is
 * reported apart, in `downloadEnergyJ`, and is in neither `energyJ` nor the objective.
 */
import { objectiveValue, objectiveWeights, userStabilityBound, type Metrics } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { StepWindow } from './policy.ts';
import { newUserReplan, type StepReplan, type UserReplan } from './replan.ts';

/** One training step of one user, as simulated. */
export interface StepRecord {
  user: number;
  step: number;
  server: number;
  localLayers: number;
  startS: number;
  endS: number;
  localDelayS: number;
  uplinkDelayS: number;
  edgeDelayS: number;
  /** Gradient download (only with `gradientDownload`). */
  downloadDelayS: number;
  localEnergyJ: number;
  uplinkEnergyJ: number;
  edgeEnergyJ: number;
  /** The server's transmit energy for the gradient download, p_m × its time. */
  downloadEnergyJ: number;
}

export function newStepRecord(user: number, step: number, startS: number, localLayers: number): StepRecord {
  return {
    user,
    step,
    server: -1,
    localLayers,
    startS,
    endS: startS,
    localDelayS: 0,
    uplinkDelayS: 0,
    edgeDelayS: 0,
    downloadDelayS: 0,
    localEnergyJ: 0,
    uplinkEnergyJ: 0,
    edgeEnergyJ: 0,
    downloadEnergyJ: 0,
  };
}

const FIELDS = [
  'delayS',
  'localDelayS',
  'uplinkDelayS',
  'edgeDelayS',
  'downloadDelayS',
  'energyJ',
  'localEnergyJ',
  'uplinkEnergyJ',
  'edgeEnergyJ',
  'downloadEnergyJ',
] as const;
type Field = (typeof FIELDS)[number];
type Sums = Record<Field, number>;

export interface SimUserMetrics extends Sums {
  /** Completed steps. */
  steps: number;
  /** Mean of AS_n over the completed steps' splits; Infinity if one trained every layer locally. */
  stability: number;
  totals: Sums;
  stepEndS: number[];
  /** Only with re-planning costs (`replan.ts`): per-step means of the migration's delay and energy
   *  and of the handover delay (in `delayS`, and the migration's energy in `energyJ`), and over
   *  the run the layers moved, the handovers, and the decisions' waits (`solveWaitS`, in no
   *  step's delay). */
  replan?: UserReplan;
}

/**
 * The run-level fields of the metrics contract, from the per-step means; `objective` is
 * ω_t·T + ω_e·E + ω_s·S counted as `evaluate` counts it, NaN if a user completed no step.
 */
export interface SimMetrics extends Pick<
  Metrics,
  'objective' | 'totalDelayS' | 'meanDelayS' | 'totalEnergyJ' | 'stability' | 'stabilityBounded'
> {
  /** Every user completed at least one step. */
  complete: boolean;
  perUser: SimUserMetrics[];
}

const zeroSums = (): Sums => ({
  delayS: 0,
  localDelayS: 0,
  uplinkDelayS: 0,
  edgeDelayS: 0,
  downloadDelayS: 0,
  energyJ: 0,
  localEnergyJ: 0,
  uplinkEnergyJ: 0,
  edgeEnergyJ: 0,
  downloadEnergyJ: 0,
});

/** Sums over the steps since the last decision (the policy's `sinceLast`). */
interface WindowSums {
  delayS: number;
  uplinkDelayS: number;
  energyJ: number;
  stability: number;
  stepsPerUser: number[];
}

/** Accumulates step records; memory grows only with `stepEndS` (one number per step). */
export class MetricsCollector {
  private readonly totals: Sums[];
  private readonly stabilitySums: number[];
  private readonly stepEnds: number[][];
  private since: WindowSums;
  /** Steps completed by all users together (progress of a step-bounded run). */
  stepsDone = 0;
  /** Per user, with re-planning costs on. */
  private readonly replanTotals: UserReplan[] | null;

  constructor(
    private readonly scenario: Scenario,
    replanCosts = false,
  ) {
    this.totals = scenario.users.map(zeroSums);
    this.replanTotals = replanCosts ? scenario.users.map(newUserReplan) : null;
    this.stabilitySums = scenario.users.map(() => 0);
    this.stepEnds = scenario.users.map(() => []);
    this.since = this.emptyWindow();
  }

  /** The steps completed since the last `startWindow`. */
  window(): StepWindow {
    const { delayS, uplinkDelayS, energyJ, stability, stepsPerUser } = this.since;
    const objectiveDelayS = this.scenario.objective.uplinkDelay ? delayS : delayS - uplinkDelayS;
    const w = objectiveWeights(this.scenario.weights, this.scenario.normalization);
    return {
      steps: stepsPerUser.reduce((s, k) => s + k, 0),
      delayS,
      energyJ,
      stability,
      cost: objectiveValue(w, objectiveDelayS, energyJ, stability),
      stepsPerUser: [...stepsPerUser],
    };
  }

  /** Starts a new window now (at a decision). */
  startWindow(): void {
    this.since = this.emptyWindow();
  }

  private emptyWindow(): WindowSums {
    const stepsPerUser = this.scenario.users.map(() => 0);
    return { delayS: 0, uplinkDelayS: 0, energyJ: 0, stability: 0, stepsPerUser };
  }

  add(r: StepRecord): void {
    const t = this.totals[r.user]!;
    t.delayS += r.endS - r.startS;
    t.localDelayS += r.localDelayS;
    t.uplinkDelayS += r.uplinkDelayS;
    t.edgeDelayS += r.edgeDelayS;
    t.downloadDelayS += r.downloadDelayS;
    t.localEnergyJ += r.localEnergyJ;
    t.uplinkEnergyJ += r.uplinkEnergyJ;
    t.edgeEnergyJ += r.edgeEnergyJ;
    t.downloadEnergyJ += r.downloadEnergyJ;
    t.energyJ += r.localEnergyJ + r.uplinkEnergyJ + r.edgeEnergyJ;
    const { llm, stability, users } = this.scenario;
    const stepStability = userStabilityBound(
      stability.lipschitz,
      users[r.user]!.datasetSize,
      r.localLayers,
      llm.layers,
    );
    this.stabilitySums[r.user]! += stepStability;
    this.stepEnds[r.user]!.push(r.endS);
    const w = this.since;
    w.delayS += r.endS - r.startS;
    w.uplinkDelayS += r.uplinkDelayS;
    w.energyJ += r.localEnergyJ + r.uplinkEnergyJ + r.edgeEnergyJ;
    w.stability += stepStability;
    w.stepsPerUser[r.user]! += 1;
    this.stepsDone++;
  }

  /** A completed step's re-planning costs, after `add` of its record; its migration energy is the user's. */
  addReplan(user: number, r: StepReplan): void {
    const t = this.replanTotals![user]!;
    t.migrationDelayS += r.migrationDelayS;
    t.migrationEnergyJ += r.migrationEnergyJ;
    t.handoverDelayS += r.handoverDelayS;
    t.migratedLayers += r.migratedLayers;
    t.handovers += r.handovers;
    this.totals[user]!.energyJ += r.migrationEnergyJ;
    this.since.energyJ += r.migrationEnergyJ;
  }

  /** A decision that changed `user`'s allocation went into force after waiting `waitS` (the solve time). */
  addSolveWait(user: number, waitS: number): void {
    const t = this.replanTotals![user]!;
    t.solveWaitS += waitS;
    t.solveWaits += 1;
  }

  result(): SimMetrics {
    const perUser = this.totals.map((totals, n): SimUserMetrics => {
      const steps = this.stepEnds[n]!.length;
      const means = zeroSums();
      for (const f of FIELDS) means[f] = steps > 0 ? totals[f] / steps : NaN;
      const user: SimUserMetrics = {
        ...means,
        steps,
        stability: steps > 0 ? this.stabilitySums[n]! / steps : NaN,
        totals: { ...totals },
        stepEndS: [...this.stepEnds[n]!],
      };
      const replan = this.replanTotals?.[n];
      if (replan !== undefined) {
        const mean = (x: number): number => (steps > 0 ? x / steps : NaN);
        user.replan = {
          migrationDelayS: mean(replan.migrationDelayS),
          migrationEnergyJ: mean(replan.migrationEnergyJ),
          handoverDelayS: mean(replan.handoverDelayS),
          migratedLayers: replan.migratedLayers,
          handovers: replan.handovers,
          solveWaitS: replan.solveWaitS,
          solveWaits: replan.solveWaits,
        };
      }
      return user;
    });
    const sum = (f: (u: SimUserMetrics) => number): number => perUser.reduce((s, u) => s + f(u), 0);
    const totalDelayS = sum((u) => u.delayS);
    const totalEnergyJ = sum((u) => u.energyJ);
    const stability = sum((u) => u.stability);
    const objectiveDelayS = this.scenario.objective.uplinkDelay
      ? totalDelayS
      : totalDelayS - sum((u) => u.uplinkDelayS);
    const w = objectiveWeights(this.scenario.weights, this.scenario.normalization);
    return {
      objective: objectiveValue(w, objectiveDelayS, totalEnergyJ, stability),
      totalDelayS,
      meanDelayS: totalDelayS / perUser.length,
      totalEnergyJ,
      stability,
      stabilityBounded: stability !== Infinity,
      complete: perUser.every((u) => u.steps > 0),
      perUser,
    };
  }
}
