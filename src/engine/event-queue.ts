/**
 * The future event list: a binary heap (fastpriorityqueue) of scheduled callbacks ordered by the
 * explicit key (time, lane, entity order, insertion sequence). Time ties go to the lower lane
 * (a kind of event: SimPy's URGENT/NORMAL, or a model's own), then to the lower entity order (a
 * model's same-time order among entities, e.g. completions by user index), then to the earlier
 * scheduled entry, so equal-time events run deterministically and FIFO (SimPy's
 * `(time, priority, id)` key, ns-3's EventKey).
 */
import FastPriorityQueue from 'fastpriorityqueue';

/** A callback with one argument: passing the argument avoids allocating a closure per event. */
export type Callback<A = any> = (arg: A) => void;


/**
 * A scheduled callback, and the handle returned to whoever scheduled it. Cancelling clears
 * `callback` (ns-3's lazy removal): the entry stays in the heap and is skipped when popped.
 */
export interface Entry {
  readonly timeS: number;
  readonly lane: number;
  readonly order: number;
  readonly seq: number;
  callback: Callback | null;
  arg: unknown;
}

/** The key's comparison. Time ties are rare in most models, so the first test decides almost
 *  every call and the longer key costs next to nothing. */
function before(a: Entry, b: Entry): boolean {
  if (a.timeS !== b.timeS) return a.timeS < b.timeS;
  if (a.lane !== b.lane) return a.lane < b.lane;
  if (a.order !== b.order) return a.order < b.order;
  return a.seq < b.seq;
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

  push(timeS: number, lane: number, order: number, callback: Callback, arg: unknown): Entry {
    const entry: Entry = { timeS, lane, order, seq: this.nextSeq++, callback, arg };
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
