/**
 * A user's radio link to its server (MODEL.md §3, §9): the uplink of the activations (the user
 * transmits at p_n) and, with `gradientDownload`, the gradients coming back (the server transmits
 * at its `txPowerW`, over the same bandwidth and gain). The rate follows the gain in force: the
 * channel clock calls `followGain` after every block, and the transfer in flight continues its
 * remaining bits at the new rate. Power and bandwidth are fixed when a transfer starts.
 */
import type { Callback, Simulation } from '../src/engine/index.ts';
import { uplinkRateBps } from '../src/model/index.ts';
import type { ChannelGains } from './channel.ts';
import { COMPLETION_LANE } from './priorities.ts';
import { Transfer } from './transfer.ts';

export class Link<A> {
  private transfer: Transfer<A> | null = null;
  private server = 0;
  /** The transfer's (or the last one's) power, bandwidth, start time and size. */
  powerW = 0;
  bandwidthHz = 0;
  startS = 0;
  bits = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly channel: ChannelGains,
    private readonly noisePsdWPerHz: number,
    readonly user: number,
  ) {}

  /** Sends `bits` to or from `server` now; `onDone(arg)` runs at the completion lane when done. */
  send(bits: number, server: number, powerW: number, bandwidthHz: number, onDone: Callback<A>, arg: A): void {
    this.server = server;
    this.powerW = powerW;
    this.bandwidthHz = bandwidthHz;
    this.startS = this.sim.now;
    this.bits = bits;
    this.transfer = new Transfer(this.sim, bits, this.rateBps(), onDone, arg, COMPLETION_LANE, this.user);
  }

  /** The rate under the gains in force. */
  rateBps(): number {
    return uplinkRateBps(
      this.bandwidthHz,
      this.channel.gain(this.user, this.server),
      this.powerW,
      this.noisePsdWPerHz,
    );
  }

  /** Re-plans the transfer in flight, if any, at the gain in force. */
  followGain(): void {
    this.transfer?.setRate(this.rateBps());
  }

  /** Ends the finished transfer; returns its duration. */
  finish(): number {
    this.transfer = null;
    return this.sim.now - this.startS;
  }
}
