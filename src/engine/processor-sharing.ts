/**
 * A processor-sharing server: its service rate (work units per second) is divided equally among
 * the jobs present, and the next completion is re-planned whenever a job arrives or leaves or the
 * rate changes. This is the edge GPU shared by the batches of its associated users.
 *
 * Jobs finish through a callback scheduled at the job's own lane and order, so a model can keep
 * its same-time order (e.g. completions by user index). Each job also accumulates its *share time*
 * ∫ 1/k(t) dt over its stay, which a model multiplies by the server's power to charge energy
 * equally among the jobs present.
 */
import type { Callback, Entry } from './event-queue.ts';
import { LANE_NORMAL } from './priorities.ts';
import type { SimEvent } from './events.ts';
import type { Simulation } from './simulation.ts';

export interface SharedJob<T = unknown> {
  /** Work still to serve. */
  remaining: number;
  readonly work: number;
  /** ∫ 1/k dt over the job's stay so far, in seconds. */
  shareS: number;
  readonly arrivalS: number;
  /** What the submitter attached (e.g. a user index). */
  readonly tag: T;
  readonly lane: number;
  readonly order: number;
  readonly onDone: Callback<SharedJob<T>>;
}

/** Jobs within this fraction of their work of the first to finish finish with it (round-off). */
const SIMULTANEOUS = 1e-12;

function completeNext(server: ProcessorSharingServer): void {
  server.onCompletion();
}

export class ProcessorSharingServer {
  private jobs: SharedJob<any>[] = [];
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

  /** Adds a job of `work` units; `onDone(job)` runs in `lane` at `order` when it has been served. */
  submit<T>(work: number, onDone: Callback<SharedJob<T>>, tag: T, lane = LANE_NORMAL, order = 0): SharedJob<T> {
    if (!(work >= 0 && Number.isFinite(work))) throw new RangeError(`job work must be finite and >= 0, got ${work}`);
    this.advance();
    const job: SharedJob<T> = { remaining: work, work, shareS: 0, arrivalS: this.sim.now, tag, lane, order, onDone };
    this.jobs.push(job);
    this.replan();
    return job;
  }

  /** For processes: an event that succeeds with the finished job. */
  serve(work: number): SimEvent<SharedJob<undefined>> {
    const done = this.sim.event<SharedJob<undefined>>();
    this.submit(work, (job) => done.succeed(job), undefined);
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
    const isDone = (job: SharedJob): boolean => job.remaining <= Math.max(least, 0) + SIMULTANEOUS * job.work;
    const finished = this.jobs.filter(isDone).sort((a, b) => a.lane - b.lane || a.order - b.order);
    this.jobs = this.jobs.filter((job) => !isDone(job));
    for (const job of finished) job.remaining = 0;
    this.replan();
    for (const job of finished) job.onDone(job);
  }

  /** Serves every job present for the time elapsed since the last update. */
  private advance(): void {
    const elapsedS = this.sim.now - this.lastUpdateS;
    this.lastUpdateS = this.sim.now;
    if (elapsedS === 0 || this.jobs.length === 0) return;
    const shareS = elapsedS / this.jobs.length;
    const served = this.rate * shareS;
    for (const job of this.jobs) {
      job.remaining -= served;
      job.shareS += shareS;
    }
  }

  /** Schedules the completion of the job with the least remaining work, at that job's lane and
   *  order (the first in (lane, order) among jobs finishing together). */
  private replan(): void {
    if (this.completion !== null) this.sim.cancel(this.completion);
    this.completion = null;
    if (this.jobs.length === 0) return;
    let least = Infinity;
    for (const job of this.jobs) least = Math.min(least, job.remaining);
    let first: SharedJob | null = null;
    for (const job of this.jobs) {
      if (job.remaining > least + SIMULTANEOUS * job.work) continue;
      if (first === null || job.lane < first.lane || (job.lane === first.lane && job.order < first.order)) first = job;
    }
    const delayS = (Math.max(0, least) * this.jobs.length) / this.rate;
    this.completion = this.sim.schedule(delayS, completeNext, this, first!.lane, first!.order);
  }
}
