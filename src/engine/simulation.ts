/**
 * The simulation: a clock and one event queue. `step()` is the whole engine: pop the next live
 * entry, advance the clock to its time, call it. Everything else (processor sharing, and the
 * optional process layer in `process/`) is built from `schedule`.
 */
import { HeapQueue } from './heap-queue.ts';
import { LANE_NORMAL } from './priorities.ts';
import type { Callback, Entry } from './queue.ts';
import { TraceBus } from './trace.ts';

export interface RunOptions {
  /** Stop before the first event at or after this time and leave the clock there (SimPy's rule). */
  untilS?: number;
  /** Return once `eventCount` reaches this: a long run in slices, with the caller between them. */
  untilEvents?: number;
}

/** Why `run` returned: the queue ran dry, the clock reached `untilS`, `stop()`, or `untilEvents`. */
export type RunEnd = 'empty' | 'until' | 'stopped' | 'events';

export class Simulation {
  private readonly queue = new HeapQueue();
  private nowS: number;
  private stopRequested = false;
  private processed = 0;
  /** Trace records go here; producers check `trace.active` before building one. */
  readonly trace = new TraceBus();

  constructor(startS = 0) {
    this.nowS = startS;
  }

  /** The current simulated time in seconds. */
  get now(): number {
    return this.nowS;
  }

  /** Events processed so far (cancelled ones are not counted). */
  get eventCount(): number {
    return this.processed;
  }

  /** Calls `callback(arg)` after `delayS` seconds. At equal times the lower `lane` runs first,
   *  then the lower `order` (the model's entity order), then the earlier scheduled. Returns a
   *  handle for `cancel`. */
  schedule<A>(delayS: number, callback: Callback<A>, arg?: A, lane = LANE_NORMAL, order = 0): Entry {
    if (!(delayS >= 0) || delayS === Infinity) {
      throw new RangeError(`delay must be a finite number >= 0 seconds, got ${delayS}`);
    }
    if (!(Number.isSafeInteger(lane) && lane >= 0)) {
      throw new RangeError(`lane must be an integer >= 0, got ${lane}`);
    }
    if (!(Number.isSafeInteger(order) && order >= 0)) {
      throw new RangeError(`order must be an integer >= 0, got ${order}`);
    }
    return this.queue.push(this.nowS + delayS, lane, order, callback, arg);
  }

  /** Calls `callback(arg)` at absolute time `timeS` (not before now). */
  scheduleAt<A>(timeS: number, callback: Callback<A>, arg?: A, lane = LANE_NORMAL, order = 0): Entry {
    if (!(timeS >= this.nowS) || timeS === Infinity) {
      throw new RangeError(`time must be finite and not before now (${this.nowS} s), got ${timeS}`);
    }
    return this.schedule(timeS - this.nowS, callback, arg, lane, order);
  }

  /** Cancels a scheduled callback; cancelling one that already ran or was cancelled is a no-op. */
  cancel(entry: Entry): void {
    this.queue.cancel(entry);
  }

  /** Time of the next live event, or Infinity when none is scheduled. */
  peek(): number {
    return this.queue.peek()?.timeS ?? Infinity;
  }

  /** Processes the next live event; returns false when none is left. */
  step(): boolean {
    const entry = this.queue.pop();
    if (entry === undefined) return false;
    this.nowS = entry.timeS;
    const callback = entry.callback!;
    entry.callback = null; // a handle to a processed entry is no longer pending
    this.processed++;
    callback(entry.arg);
    return true;
  }

  /** Runs until the queue is empty, `stop()` is called, the clock would reach `untilS`, or
   *  `untilEvents` events have been processed; says which. */
  run(options: RunOptions = {}): RunEnd {
    const untilS = options.untilS ?? Infinity;
    const untilEvents = options.untilEvents ?? Infinity;
    if (untilS !== Infinity && !(untilS >= this.nowS)) {
      throw new RangeError(`untilS must not be before now (${this.nowS} s), got ${untilS}`);
    }
    this.stopRequested = false;
    const queue = this.queue;
    while (!this.stopRequested) {
      if (this.processed >= untilEvents) return 'events';
      const entry = queue.peek();
      if (entry === undefined || entry.timeS >= untilS) {
        if (untilS !== Infinity) this.nowS = untilS;
        return entry === undefined ? 'empty' : 'until';
      }
      queue.pop();
      this.nowS = entry.timeS;
      const callback = entry.callback!;
      entry.callback = null;
      this.processed++;
      callback(entry.arg);
    }
    return 'stopped';
  }

  /** Makes `run` return after the event being processed. */
  stop(): void {
    this.stopRequested = true;
  }
}
