/**
 * A processor-sharing server: its service rate (work units per second) is divided equally among
 * the k jobs present. This is the edge GPU shared by the batches of its associated users.
 *
 * O(log k) per arrival, departure and rate change, by virtual time (the classic egalitarian-PS
 * trick): a virtual clock V(t) with dV/dt = rate / k(t) is the work every job present has received
 * since V = 0. A job of work w arriving at V_a is done when V reaches its finish tag V_a + w, so
 * jobs finish in tag order whatever happens later, and an event only advances V and re-plans the
 * one next completion, (tag − V)·k / rate from now. Tags are kept in a heap keyed by
 * (tag, lane, order, arrival). A second clock S(t) with dS/dt = 1/k(t) gives each job its *share
 * time* ∫ 1/k dt = S(finish) − S(arrival), which a model multiplies by the server's power to charge
 * energy equally among the jobs present. Both clocks restart at 0 whenever the server is idle, so
 * their round-off stays relative to one busy period.
 *
 * Jobs finish through a callback at the job's own lane and order, so a model keeps its same-time
 * order (e.g. completions by user index): jobs that finish together (within round-off) finish in
 * one event, scheduled at the least (lane, order) among them, and their callbacks run in
 * (lane, order, arrival) order.
 */
import { MinHeap } from './min-heap.ts';
import { LANE_NORMAL } from './priorities.ts';
import type { Callback, Entry } from './queue.ts';
import type { Simulation } from './simulation.ts';

export interface SharedJob<T = unknown> {
  readonly work: number;
  /** What the submitter attached (e.g. a user index). */
  readonly tag: T;
  readonly lane: number;
  readonly order: number;
  readonly onDone: Callback<SharedJob<T>>;
  /** ∫ 1/k dt over the job's stay, in seconds; set when the job finishes (0 before). */
  shareS: number;
}

/** A job with the server's bookkeeping. */
interface Job<T = unknown> extends SharedJob<T> {
  /** V at which the job is done: V at arrival + work. */
  readonly finishV: number;
  /** S at arrival, in seconds. */
  readonly arrivalShareS: number;
  readonly seq: number;
}

/** Jobs within this fraction of their work of the first to finish finish with it (round-off). */
const SIMULTANEOUS = 1e-12;

function laneOrderBefore(a: Job, b: Job): boolean {
  if (a.lane !== b.lane) return a.lane < b.lane;
  if (a.order !== b.order) return a.order < b.order;
  return a.seq < b.seq;
}

function completeNext(server: ProcessorSharingServer): void {
  server.onCompletion();
}

export class ProcessorSharingServer {
  private readonly jobs = new MinHeap<Job<any>>(laneOrderBefore);
  /** V: work served to each job present, since the server was last idle. */
  private virtualWork = 0;
  /** S: ∫ 1/k dt since the server was last idle, in seconds. */
  private shareClockS = 0;
  /** The largest work of a job in this busy period: bounds the search for jobs finishing together. */
  private maxWork = 0;
  private lastUpdateS: number;
  private nextSeq = 0;
  private completion: Entry | null = null;
  /** True while the callbacks of finished jobs run: `onCompletion` re-plans after them. */
  private finishing = false;
  /** Heap positions still to look at in `firstTogether`, kept to allocate nothing per event. */
  private readonly toVisit: number[] = [];

  constructor(
    private readonly sim: Simulation,
    private rate: number,
  ) {
    if (!(rate > 0 && Number.isFinite(rate))) throw new RangeError(`service rate must be > 0, got ${rate}`);
    this.lastUpdateS = sim.now;
  }

  /** Jobs in service now. */
  get jobCount(): number {
    return this.jobs.size;
  }

  get serviceRate(): number {
    return this.rate;
  }

  /** Adds a job of `work` units; `onDone(job)` runs in `lane` at `order` when it has been served. */
  submit<T>(
    work: number,
    onDone: Callback<SharedJob<T>>,
    tag: T,
    lane = LANE_NORMAL,
    order = 0,
  ): SharedJob<T> {
    if (!(work >= 0 && Number.isFinite(work))) {
      throw new RangeError(`job work must be finite and >= 0, got ${work}`);
    }
    this.advance();
    if (this.jobs.size === 0) {
      this.virtualWork = 0;
      this.shareClockS = 0;
      this.maxWork = 0;
    }
    const job: Job<T> = {
      work,
      tag,
      lane,
      order,
      onDone,
      shareS: 0,
      finishV: this.virtualWork + work,
      arrivalShareS: this.shareClockS,
      seq: this.nextSeq++,
    };
    this.jobs.push(job, job.finishV);
    this.maxWork = Math.max(this.maxWork, work);
    if (!this.finishing) this.replan();
    return job;
  }

  /** Changes the total service rate from now on (e.g. a frequency change). */
  setRate(rate: number): void {
    if (!(rate > 0 && Number.isFinite(rate))) throw new RangeError(`service rate must be > 0, got ${rate}`);
    this.advance();
    this.rate = rate;
    if (!this.finishing) this.replan();
  }

  /** Called by the scheduled completion; not for user code. */
  onCompletion(): void {
    this.completion = null;
    this.advance();
    // The planned job is done by construction, and so is every job whose tag is within round-off
    // of it (or of V, should V have overshot its tag by a hair).
    const first = this.jobs.pop()!;
    first.shareS = this.shareClockS - first.arrivalShareS;
    const limitV = Math.max(first.finishV, this.virtualWork);
    const next = this.jobs.peek();
    const together =
      next !== undefined && next.finishV <= limitV + SIMULTANEOUS * this.maxWork
        ? this.popTogether(first, limitV)
        : null;
    // A finished job's callback typically submits the next job at once (a user's next layer), so
    // the next completion is planned once after the callbacks, not before and again after each.
    this.finishing = true;
    try {
      if (together === null) first.onDone(first);
      else for (const job of together) job.onDone(job);
    } finally {
      this.finishing = false;
    }
    this.replan();
  }

  /** `first` and every job done at V = limitV to round-off, in (lane, order, arrival) order,
   *  with their share times. */
  private popTogether(first: Job, limitV: number): Job[] {
    const finished = [first];
    const notYet: Job[] = [];
    // Tags come out in increasing order, so every candidate is popped before the first tag past reach.
    const reachV = limitV + SIMULTANEOUS * this.maxWork;
    while (this.jobs.size > 0 && this.jobs.peek()!.finishV <= reachV) {
      const job = this.jobs.pop()!;
      if (job.finishV > limitV + SIMULTANEOUS * job.work) {
        notYet.push(job);
        continue;
      }
      job.shareS = this.shareClockS - job.arrivalShareS;
      finished.push(job);
    }
    for (const job of notYet) this.jobs.push(job, job.finishV);
    return finished.sort((a, b) => (laneOrderBefore(a, b) ? -1 : 1));
  }

  /** Serves every job present for the time elapsed since the last update. */
  private advance(): void {
    const elapsedS = this.sim.now - this.lastUpdateS;
    this.lastUpdateS = this.sim.now;
    if (elapsedS === 0 || this.jobs.size === 0) return;
    const shareS = elapsedS / this.jobs.size;
    this.virtualWork += this.rate * shareS;
    this.shareClockS += shareS;
  }

  /** Schedules the next completion: when V reaches the least tag, at the least (lane, order)
   *  among the jobs finishing with it. */
  private replan(): void {
    if (this.completion !== null) this.sim.cancel(this.completion);
    this.completion = null;
    const next = this.jobs.peek();
    if (next === undefined) return;
    const first = this.firstTogether(next);
    const delayS = (Math.max(0, next.finishV - this.virtualWork) * this.jobs.size) / this.rate;
    this.completion = this.sim.schedule(delayS, completeNext, this, first.lane, first.order);
  }

  /** The least in (lane, order, arrival) among the jobs whose tag is within round-off of `next`'s
   *  (the heap's top). A search of the heap's tree that drops every branch whose root is out of
   *  reach (its descendants finish later still): O(1) unless many jobs finish together. */
  private firstTogether(next: Job): Job {
    const reachV = next.finishV + SIMULTANEOUS * this.maxWork;
    const left = this.jobs.at(1);
    const right = this.jobs.at(2);
    const leftOut = left === undefined || left.finishV > reachV;
    if (leftOut && (right === undefined || right.finishV > reachV)) return next;
    let first = next;
    const toVisit = this.toVisit;
    toVisit.push(1, 2);
    while (toVisit.length > 0) {
      const i = toVisit.pop()!;
      const job = this.jobs.at(i);
      if (job === undefined || job.finishV > reachV) continue;
      if (job.finishV <= next.finishV + SIMULTANEOUS * job.work && laneOrderBefore(job, first)) first = job;
      toVisit.push(2 * i + 1, 2 * i + 2);
    }
    return first;
  }
}
