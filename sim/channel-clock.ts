/**
 * The channel clock (MODEL.md §9): every coherence time τ, at the gain lane (before anything else
 * at that instant), the channel moves to its next block (users walk, fading is redrawn), every
 * transfer in flight continues at the new rate, the block is traced, and the epoch controller may
 * call a rate-change epoch. With a static channel and no mobility there are no blocks.
 */
import type { Simulation } from '../src/engine/index.ts';
import type { ChannelState } from './channel.ts';
import { hasChannelDynamics, type SimConfig } from './config.ts';
import type { AllocationSource } from './device.ts';
import { GAIN_LANE } from './priorities.ts';
import type { TraceOut } from './trace/records.ts';

/** A transfer that re-plans at the gain in force (a user's link). */
export interface GainFollower {
  followGain(): void;
}

export interface ChannelClockSetup {
  readonly sim: Simulation;
  readonly config: SimConfig;
  readonly channel: ChannelState;
  /** Every user's link, in user order. */
  readonly links: readonly GainFollower[];
  /** For the traced gains: each user's gain to its associated server. */
  readonly plan: AllocationSource;
  readonly trace: TraceOut;
  /** Called after each block, when the new rates are in force. */
  readonly onGainChange: () => void;
}

export class ChannelClock {
  private block = 0;

  constructor(private readonly setup: ChannelClockSetup) {}

  /** Schedules the first block change, if the channel changes at all. */
  start(): void {
    if (hasChannelDynamics(this.setup.config)) this.scheduleNext();
  }

  nextBlock(): void {
    const { sim, config, channel, links, plan, trace } = this.setup;
    channel.nextBlock(config.fading.coherenceS);
    for (const link of links) link.followGain();
    if (trace !== null) {
      const { association } = plan.allocation;
      trace({
        t: sim.now,
        type: 'gain',
        block: this.block,
        gains: links.map((_, n) => channel.gain(n, association[n]!)),
      });
    }
    this.setup.onGainChange();
    this.scheduleNext();
  }

  private scheduleNext(): void {
    this.block++;
    this.setup.sim.schedule(this.setup.config.fading.coherenceS, nextBlock, this, GAIN_LANE);
  }
}

// Module-level handler for the engine.
const nextBlock = (clock: ChannelClock): void => clock.nextBlock();
