/**
 * A processor-sharing server: its service rate (work units per second) is divided equally among
 * the jobs present, and the next completion is re-planned whenever a job arrives or leaves or the
 * rate changes. This is the edge GPU shared by the batches of its associated users.
 */
import type { SimEvent } from './events.ts';
import type { Entry } from './event-queue.ts';
import type { Simulation } from './simulation.ts';

interface Job {
  remaining: number;
  readonly work: number;
  readonly done: SimEvent<number>;
}

/** Jobs within this fraction of their work of the first to finish finish with it (round-off). */
const SIMULTANEOUS = 1e-12;

function completeNext(server: ProcessorSharingServer): void {
  server.onCompletion();
}

export class ProcessorSharingServer {
  private jobs: Job[] = [];
  private lastUpdateS: number;
  private completion: Entry | null = null;

  constructor(private readonly sim: Simulation, private rate: number) {
    if (!(rate > 0 && Number.isFinite(rate))) throw new RangeError(`service rate must be > 0, got ${rate}`);
    this.lastUpdateS = sim.now;
  }

  /** Jobs in service now. */
  get jobCount(): number {
    return this.jobs.length;
  }

  get serviceRate(): number {
    return this.rate;
  }

  /** Adds a job of `work` units; the event succeeds with the completion time when it is done. */
  submit(work: number): SimEvent<number> {
    if (!(work >= 0 && Number.isFinite(work))) throw new RangeError(`job work must be finite and >= 0, got ${work}`);
    const done = this.sim.event<number>();
    this.advance();
    this.jobs.push({ remaining: work, work, done });
    this.replan();
    return done;
  }

  /** Changes the total service rate from now on (e.g. a frequency change). */
  setRate(rate: number): void {
    if (!(rate > 0 && Number.isFinite(rate))) throw new RangeError(`service rate must be > 0, got ${rate}`);
    this.advance();
    this.rate = rate;
    this.replan();
  }

  /** Called by the scheduled completion; not for user code. */
  onCompletion(): void {
    this.completion = null;
    this.advance();
    // The planned job is done by construction; round-off may leave it a hair above zero.
    let least = Infinity;
    for (const job of this.jobs) least = Math.min(least, job.remaining);
    const isDone = (job: Job): boolean => job.remaining <= Math.max(least, 0) + SIMULTANEOUS * job.work;
    const finished = this.jobs.filter(isDone);
    this.jobs = this.jobs.filter((job) => !isDone(job));
    for (const job of finished) job.done.succeed(this.sim.now);
    this.replan();
  }

  /** Serves every job present for the time elapsed since the last update. */
  private advance(): void {
    const elapsedS = this.sim.now - this.lastUpdateS;
    this.lastUpdateS = this.sim.now;
    if (elapsedS === 0 || this.jobs.length === 0) return;
    const served = (this.rate * elapsedS) / this.jobs.length;
    for (const job of this.jobs) job.remaining -= served;
  }

  /** Schedules the completion of the job with the least remaining work. */
  private replan(): void {
    if (this.completion !== null) this.sim.cancel(this.completion);
    this.completion = null;
    if (this.jobs.length === 0) return;
    let least = Infinity;
    for (const job of this.jobs) least = Math.min(least, job.remaining);
    const delayS = (Math.max(0, least) * this.jobs.length) / this.rate;
    this.completion = this.sim.schedule(delayS, completeNext, this);
  }
}
