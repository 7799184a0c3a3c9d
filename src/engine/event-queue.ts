/**
 * The future event list: a binary heap (fastpriorityqueue) of scheduled callbacks ordered by
 * (time, priority, insertion sequence). Time ties go to the lower priority number, then to the
 * earlier scheduled entry, so equal-time events run deterministically and FIFO (SimPy's
 * `(time, priority, id)` key, ns-3's EventKey).
 */
import FastPriorityQueue from 'fastpriorityqueue';

/** A callback with one argument: passing the argument avoids allocating a closure per event. */
export type Callback<A = any> = (arg: A) => void;

/** Priority and sequence packed into one number: priority · 2^40 + seq, exact in a double up to
 *  2^53. A single numeric comparison breaks time ties, which keeps the comparator as cheap as the
 *  raw loop's. The sequence thus wraps into the next priority after 2^40 (1.1e12) events in one
 *  simulation, far beyond any run here. */
const SEQ_SPAN = 2 ** 40;
/** Priorities are integers in [0, MAX_PRIORITY]; lower runs first at equal times. Wide enough for
 *  a model to order same-time events by entity index (e.g. completions by user). */
export const MAX_PRIORITY = 2 ** 13 - 1;

/**
 * A scheduled callback, and the handle returned to whoever scheduled it. Cancelling clears
 * `callback` (ns-3's lazy removal): the entry stays in the heap and is skipped when popped.
 */
export interface Entry {
  readonly timeS: number;
  readonly order: number;
  callback: Callback | null;
  arg: unknown;
}

function before(a: Entry, b: Entry): boolean {
  return a.timeS < b.timeS || (a.timeS === b.timeS && a.order < b.order);
}

/** Compaction starts only past this many cancelled entries, so small queues never pay for it. */
const COMPACT_MIN = 1024;

export class EventQueue {
  private readonly heap = new FastPriorityQueue<Entry>(before);
  private nextSeq = 0;
  /** Cancelled entries still in the heap. */
  private cancelled = 0;

  /** Number of entries held, cancelled ones included until they are popped. */
  get size(): number {
    return this.heap.size;
  }

  push(timeS: number, priority: number, callback: Callback, arg: unknown): Entry {
    const entry: Entry = { timeS, order: priority * SEQ_SPAN + this.nextSeq++, callback, arg };
    this.heap.add(entry);
    return entry;
  }

  /** Removes and returns the next live entry, or undefined when none is left. */
  pop(): Entry | undefined {
    let entry = this.heap.poll();
    while (entry !== undefined && entry.callback === null) {
      this.cancelled--;
      entry = this.heap.poll();
    }
    return entry;
  }

  /** The next live entry without removing it (cancelled entries on top are dropped). */
  peek(): Entry | undefined {
    let entry = this.heap.peek();
    while (entry !== undefined && entry.callback === null) {
      this.heap.poll();
      this.cancelled--;
      entry = this.heap.peek();
    }
    return entry;
  }

  /**
   * Cancels a pending entry (a no-op for one already run or cancelled). Cancellation is lazy, but
   * a model that re-plans far-future events often (a transfer re-planned at every fading block)
   * would fill the heap with dead entries; once they are more than half of it, they are swept
   * out in one O(n) pass, so the cost stays amortised O(1) per cancel and memory stays bounded.
   */
  cancel(entry: Entry): void {
    if (entry.callback === null) return;
    entry.callback = null;
    entry.arg = undefined;
    if (++this.cancelled > COMPACT_MIN && this.cancelled * 2 > this.heap.size) {
      this.heap.removeMany((e) => e.callback === null);
      this.heap.trim();
      this.cancelled = 0;
    }
  }
}
