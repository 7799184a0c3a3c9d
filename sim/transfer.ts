/**
 * A transfer of bits at a rate that may change while it is in flight (MODEL.md §9: when the gain
 * changes mid-transfer, the remaining bits continue at the new rate). Its completion is
 * re-planned at each rate change.
 */
import type { Callback, Entry, Simulation } from '../src/engine/index.ts';

export class Transfer<A> {
  private remainingBits: number;
  private lastUpdateS: number;
  private completion: Entry | null = null;

  constructor(
    private readonly sim: Simulation,
    bits: number,
    private rateBps: number,
    private readonly onDone: Callback<A>,
    private readonly arg: A,
    private readonly lane: number,
    private readonly order: number,
  ) {
    this.remainingBits = bits;
    this.lastUpdateS = sim.now;
    this.plan();
  }

  /** Continues the remaining bits at `rateBps` from now on. */
  setRate(rateBps: number): void {
    const elapsedS = this.sim.now - this.lastUpdateS;
    this.remainingBits = Math.max(0, this.remainingBits - this.rateBps * elapsedS);
    this.lastUpdateS = this.sim.now;
    this.rateBps = rateBps;
    if (this.completion !== null) this.sim.cancel(this.completion);
    this.plan();
  }

  private plan(): void {
    // A zero rate (no bandwidth) never finishes; the run's duration ends it.
    this.completion =
      this.rateBps > 0
        ? this.sim.schedule(this.remainingBits / this.rateBps, this.onDone, this.arg, this.lane, this.order)
        : null;
  }
}
