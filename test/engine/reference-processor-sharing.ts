/**
 * The reference processor-sharing server of the PS property test (test only): every job keeps its
 * remaining work, and every arrival, departure and rate change serves all k jobs for the time
 * elapsed and finds the next completion by a scan, O(k) per event (what the engine did before
 * virtual time). Slow and obviously correct.
 */
import type { Callback, Entry, Simulation } from '../../src/engine/index.ts';

export interface ReferenceJob<T> {
  remaining: number;
  readonly work: number;
  shareS: number;
  readonly tag: T;
  readonly lane: number;
  readonly order: number;
  readonly onDone: Callback<ReferenceJob<T>>;
}

/** The same round-off rule as the engine: jobs within this fraction of their work finish together. */
const SIMULTANEOUS = 1e-12;

export class ReferencePsServer {
  private jobs: ReferenceJob<any>[] = [];
  private lastUpdateS: number;
  private completion: Entry | null = null;

  constructor(
    private readonly sim: Simulation,
    private rate: number,
  ) {
    this.lastUpdateS = sim.now;
  }

  submit<T>(work: number, onDone: Callback<ReferenceJob<T>>, tag: T, lane: number, order: number): void {
    this.advance();
    this.jobs.push({ remaining: work, work, shareS: 0, tag, lane, order, onDone });
    this.replan();
  }

  setRate(rate: number): void {
    this.advance();
    this.rate = rate;
    this.replan();
  }

  private complete(): void {
    this.completion = null;
    this.advance();
    const least = Math.max(0, Math.min(...this.jobs.map((job) => job.remaining)));
    const isDone = (job: ReferenceJob<unknown>): boolean => job.remaining <= least + SIMULTANEOUS * job.work;
    const finished = this.jobs.filter(isDone).sort((a, b) => a.lane - b.lane || a.order - b.order);
    this.jobs = this.jobs.filter((job) => !isDone(job));
    this.replan();
    for (const job of finished) job.onDone(job);
  }

  private advance(): void {
    const elapsedS = this.sim.now - this.lastUpdateS;
    this.lastUpdateS = this.sim.now;
    if (elapsedS === 0 || this.jobs.length === 0) return;
    const shareS = elapsedS / this.jobs.length;
    for (const job of this.jobs) {
      job.remaining -= this.rate * shareS;
      job.shareS += shareS;
    }
  }

  private replan(): void {
    if (this.completion !== null) this.sim.cancel(this.completion);
    this.completion = null;
    if (this.jobs.length === 0) return;
    const least = Math.min(...this.jobs.map((job) => job.remaining));
    const together = this.jobs.filter((job) => job.remaining <= least + SIMULTANEOUS * job.work);
    const first = together.sort((a, b) => a.lane - b.lane || a.order - b.order)[0]!;
    const delayS = (Math.max(0, least) * this.jobs.length) / this.rate;
    this.completion = this.sim.schedule(delayS, () => this.complete(), undefined, first.lane, first.order);
  }
}
