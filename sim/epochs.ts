/**
 * The epoch controller (MODEL.md §9): calls the policy at t = 0, every `epoch.everyS` seconds and
 * when some user's uplink rate has moved by more than `epoch.rateChange` since the last epoch, on
 * the gains in force, and records each epoch. The engine runs synchronously, the policy is
 * asynchronous (HiGHS): an epoch event stops the engine, and the run loop awaits `apply`, which
 * replaces the allocation in force before the engine resumes at the same instant — or, with a
 * solve time (`replan.ts`), schedules the replacement that many simulated seconds later.
 */
import type { Simulation } from '../src/engine/index.ts';
import { evaluate, uplinkRateBps, type Allocation } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { SimConfig } from './config.ts';
import { acceptDecision, changedUsers, InfeasibleDecision } from './decisions.ts';
import type { AllocationSource } from './device.ts';
import type { ChannelState } from './channel.ts';
import type { MetricsCollector } from './metrics.ts';
import type { EpochTrigger, Observation, Policy, UserProgress } from './policy.ts';
import { EPOCH_LANE } from './priorities.ts';
import type { TraceOut } from './trace/records.ts';

export type { EpochTrigger } from './policy.ts';

export interface EpochRecord {
  index: number;
  timeS: number;
  trigger: EpochTrigger;
  /** The policy whose allocation went into force (the fallback's name when it stood in). */
  policy: string;
  /** The analytic objective of the new allocation under the gains in force. */
  objective: number;
  /** Only with `config.recordWallTime`. */
  optimizerWallS?: number;
  /** Only when the fallback policy stood in: why the policy's own decision was refused. */
  rejected?: string;
  /** Only with a solve time (`replan.ts`): the simulated seconds charged, and when the allocation
   *  went (or would have gone) into force. */
  solveS?: number;
  appliesS?: number;
}

export interface EpochSetup {
  readonly sim: Simulation;
  readonly scenario: Scenario;
  readonly config: SimConfig;
  readonly policy: Policy;
  /** Decides instead of `policy` when its decision is infeasible; null: an infeasible decision ends the run. */
  readonly fallback: Policy | null;
  readonly channel: ChannelState;
  readonly metrics: MetricsCollector;
  /** Each user's progress, by user index (filled before the first epoch). */
  readonly users: readonly { progress(): UserProgress }[];
  readonly trace: TraceOut;
  /** Wall clock in seconds, for the optimizer's time when `config.recordWallTime`. */
  readonly wallClockS: (() => number) | undefined;
}

/** A decision waiting for its solve time: epoch `epoch`'s, made at `decidedS`. */
interface Pending {
  controller: EpochController;
  allocation: Allocation;
  epoch: number;
  decidedS: number;
}

interface Decided {
  allocation: Allocation;
  scenario: Scenario;
  policy: string;
  wallS: number;
  rejected?: string;
}

export class EpochController implements AllocationSource {
  readonly records: EpochRecord[] = [];
  /** The allocation in force; set by `start` before any device reads it. */
  allocation!: Allocation;
  private pending: EpochTrigger | null = null;
  private ratesAtEpoch: number[] = [];

  constructor(private readonly setup: EpochSetup) {}

  /** Runs the first epoch (t = 0), after which the controller holds the allocation in force. */
  async start(): Promise<void> {
    const decided = await this.decide('start');
    this.allocation = decided.allocation;
    this.record('start', decided);
  }

  /** Schedules the periodic epochs, if any. */
  schedulePeriodic(): void {
    const { everyS } = this.setup.config.epoch;
    if (everyS !== Infinity) this.setup.sim.schedule(everyS, periodEpoch, this, EPOCH_LANE);
  }

  /** After a gain change: schedules an epoch now if some uplink rate moved beyond the threshold. */
  onGainChange(): void {
    const threshold = this.setup.config.epoch.rateChange;
    if (threshold === Infinity || this.pending !== null) return;
    const rates = this.uplinkRates();
    if (rates.some((r, n) => Math.abs(r / this.ratesAtEpoch[n]! - 1) > threshold)) {
      this.setup.sim.schedule(0, rateChangeEpoch, this, EPOCH_LANE);
    }
  }

  /** The trigger of the epoch that stopped the engine, if one did; clears it. */
  takePending(): EpochTrigger | null {
    const trigger = this.pending;
    this.pending = null;
    return trigger;
  }

  /** Runs the policy now and puts its allocation in force, at once or after the solve time. */
  async apply(trigger: EpochTrigger): Promise<void> {
    const decided = await this.decide(trigger);
    const { solveS } = this.setup.config.replan;
    const chargedS = solveS === 'measured' ? decided.wallS : solveS;
    if (chargedS <= 0) {
      this.allocation = decided.allocation;
      this.record(trigger, decided);
      return;
    }
    const pending: Pending = {
      controller: this,
      allocation: decided.allocation,
      epoch: this.records.length,
      decidedS: this.setup.sim.now,
    };
    this.record(trigger, decided, chargedS);
    this.setup.sim.schedule(chargedS, applyLater, pending, EPOCH_LANE);
  }

  /**
   * A decision whose solve time has passed goes into force; each user whose allocation it changes
   * waited for it since its epoch.
   */
  putInForce({ allocation, epoch, decidedS }: Pending): void {
    const { sim, metrics, trace } = this.setup;
    for (const n of changedUsers(this.allocation, allocation)) {
      metrics.addSolveWait(n, sim.now - decidedS);
      if (trace !== null) trace({ t: sim.now, type: 'solve', user: n, epoch, startS: decidedS });
    }
    this.allocation = allocation;
    this.ratesAtEpoch = this.uplinkRates();
  }

  /** The policy's decision on the gains in force, merged and checked, or the fallback's. */
  private async decide(trigger: EpochTrigger): Promise<Decided> {
    const { policy, fallback, wallClockS } = this.setup;
    const observation = this.observe(trigger);
    const { scenario } = observation;
    const t0 = wallClockS?.() ?? 0;
    const done = (allocation: Allocation, p: Policy): Decided => ({
      allocation,
      scenario,
      policy: p.name,
      wallS: (wallClockS?.() ?? 0) - t0,
    });
    try {
      return done(await acceptDecision(policy, observation), policy);
    } catch (err) {
      if (!(err instanceof InfeasibleDecision) || fallback === null) throw err;
      return { ...done(await acceptDecision(fallback, observation), fallback), rejected: err.message };
    }
  }

  private observe(trigger: EpochTrigger): Observation {
    const { scenario, channel, metrics, users, sim } = this.setup;
    const progress = users.map((u) => u.progress());
    const edgeUsers = scenario.servers.map(() => 0);
    for (const u of progress) if (u.phase === 'edge') edgeUsers[u.server]! += 1;
    const observation: Observation = {
      epoch: this.records.length,
      timeS: sim.now,
      trigger,
      scenario: { ...scenario, channelGain: channel.matrix() },
      allocation: this.records.length === 0 ? null : this.allocation,
      users: progress,
      edgeUsers,
      sinceLast: metrics.window(),
    };
    metrics.startWindow();
    return observation;
  }

  fire(trigger: EpochTrigger): void {
    this.pending = trigger;
    if (trigger === 'period')
      this.setup.sim.schedule(this.setup.config.epoch.everyS, periodEpoch, this, EPOCH_LANE);
    this.setup.sim.stop();
  }

  private record(trigger: EpochTrigger, decided: Decided, solveS = 0): void {
    const { sim, config, trace } = this.setup;
    if (solveS === 0) this.ratesAtEpoch = this.uplinkRates();
    const record: EpochRecord = {
      index: this.records.length,
      timeS: sim.now,
      trigger,
      policy: decided.policy,
      objective: evaluate(decided.scenario, decided.allocation).objective,
    };
    if (config.recordWallTime) record.optimizerWallS = decided.wallS;
    if (decided.rejected !== undefined) record.rejected = decided.rejected;
    if (solveS > 0) {
      record.solveS = solveS;
      record.appliesS = sim.now + solveS;
    }
    this.records.push(record);
    if (trace !== null) trace({ t: sim.now, type: 'epoch', ...record });
  }

  private uplinkRates(): number[] {
    const { scenario, channel } = this.setup;
    const a = this.allocation;
    return scenario.users.map((_, n) =>
      uplinkRateBps(
        a.bandwidthHz[n]!,
        channel.gain(n, a.association[n]!),
        a.powerW[n]!,
        scenario.noisePsdWPerHz,
      ),
    );
  }
}

// Module-level handlers for the engine.
const periodEpoch = (c: EpochController): void => c.fire('period');
const rateChangeEpoch = (c: EpochController): void => c.fire('rate-change');
const applyLater = (p: Pending): void => p.controller.putInForce(p);
