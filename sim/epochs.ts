/**
 * The epoch controller (MODEL.md §9): calls the policy at t = 0, every `epoch.everyS` seconds and
 * when some user's uplink rate has moved by more than `epoch.rateChange` since the last epoch, on
 * the gains in force, and records each epoch. The engine runs synchronously, the policy is
 * asynchronous (HiGHS): an epoch event stops the engine, and the run loop awaits `apply`, which
 * replaces the allocation in force before the engine resumes at the same instant.
 */
import type { Simulation } from '../src/engine/index.ts';
import { evaluate, uplinkRateBps, type Allocation } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { SimConfig } from './config.ts';
import type { AllocationSource } from './device.ts';
import type { ChannelState } from './channel.ts';
import type { Policy } from './policy.ts';
import { EPOCH_LANE } from './priorities.ts';
import type { TraceOut } from './trace/records.ts';

export type EpochTrigger = 'start' | 'period' | 'rate-change';

export interface EpochRecord {
  index: number;
  timeS: number;
  trigger: EpochTrigger;
  policy: string;
  /** The analytic objective of the new allocation under the gains in force. */
  objective: number;
  /** Only with `config.recordWallTime`. */
  optimizerWallS?: number;
}

export interface EpochSetup {
  readonly sim: Simulation;
  readonly scenario: Scenario;
  readonly config: SimConfig;
  readonly policy: Policy;
  readonly channel: ChannelState;
  readonly trace: TraceOut;
  /** Wall clock in seconds, for the optimizer's time when `config.recordWallTime`. */
  readonly wallClockS: (() => number) | undefined;
}

interface Decision {
  allocation: Allocation;
  scenario: Scenario;
  wallS: number;
}

async function decide(setup: EpochSetup, previous: Allocation | null): Promise<Decision> {
  const scenario = { ...setup.scenario, channelGain: setup.channel.matrix() };
  const t0 = setup.wallClockS?.() ?? 0;
  const allocation = await setup.policy.allocate(scenario, previous);
  return { allocation, scenario, wallS: (setup.wallClockS?.() ?? 0) - t0 };
}

export class EpochController implements AllocationSource {
  readonly records: EpochRecord[] = [];
  private pending: EpochTrigger | null = null;
  private ratesAtEpoch: number[] = [];

  private constructor(
    private readonly setup: EpochSetup,
    public allocation: Allocation,
  ) {}

  /** Runs the first epoch (t = 0); the controller then holds the allocation in force. */
  static async start(setup: EpochSetup): Promise<EpochController> {
    const decision = await decide(setup, null);
    const controller = new EpochController(setup, decision.allocation);
    controller.record('start', decision);
    return controller;
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

  /** Runs the policy now and puts its allocation in force. */
  async apply(trigger: EpochTrigger): Promise<void> {
    const decision = await decide(this.setup, this.allocation);
    this.allocation = decision.allocation;
    this.record(trigger, decision);
  }

  fire(trigger: EpochTrigger): void {
    this.pending = trigger;
    if (trigger === 'period')
      this.setup.sim.schedule(this.setup.config.epoch.everyS, periodEpoch, this, EPOCH_LANE);
    this.setup.sim.stop();
  }

  private record(trigger: EpochTrigger, decision: Decision): void {
    const { sim, config, policy, trace } = this.setup;
    this.ratesAtEpoch = this.uplinkRates();
    const record: EpochRecord = {
      index: this.records.length,
      timeS: sim.now,
      trigger,
      policy: policy.name,
      objective: evaluate(decision.scenario, decision.allocation).objective,
    };
    if (config.recordWallTime) record.optimizerWallS = decision.wallS;
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
