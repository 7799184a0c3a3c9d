/**
 * The event queue `Simulation` uses: a binary heap keyed by time with ties in `sameTimeBefore`
 * order (so entries pop in `keyBefore` order), with lazy cancellation (queue.ts has the contract).
 */
import { MinHeap } from './min-heap.ts';
import { type Callback, type Entry, type EventQueue, sameTimeBefore } from './queue.ts';

/** Compaction starts only past this many cancelled entries, so small queues never pay for it. */
const COMPACT_MIN = 1024;

export class HeapQueue implements EventQueue {
  private readonly heap = new MinHeap<Entry>(sameTimeBefore);
  private nextSeq = 0;
  /** Cancelled entries still in the heap. */
  private cancelled = 0;

  /** Number of entries held, cancelled ones included until they are popped or swept. */
  get size(): number {
    return this.heap.size;
  }

  push(timeS: number, lane: number, order: number, callback: Callback, arg: unknown): Entry {
    const entry: Entry = { timeS, lane, order, seq: this.nextSeq++, callback, arg };
    this.heap.push(entry, timeS);
    return entry;
  }

  /** Removes and returns the next live entry, or undefined when none is left. The popped entry
   *  keeps its callback: the caller runs it and clears it. */
  pop(): Entry | undefined {
    let entry = this.heap.pop();
    while (entry !== undefined && entry.callback === null) {
      this.cancelled--;
      entry = this.heap.pop();
    }
    return entry;
  }

  /** The next live entry without removing it (cancelled entries on top are dropped). */
  peek(): Entry | undefined {
    let entry = this.heap.peek();
    while (entry !== undefined && entry.callback === null) {
      this.heap.pop();
      this.cancelled--;
      entry = this.heap.peek();
    }
    return entry;
  }

  /**
   * Cancels a pending entry (a no-op for one already run or cancelled). Cancellation is lazy, but
   * a model that re-plans far-future events often (a transfer re-planned at every fading block)
   * would fill the heap with dead entries; once they are more than half of it, they are swept
   * out in one pass, so the cost stays amortised O(log n) per cancel and memory stays bounded.
   */
  cancel(entry: Entry): void {
    if (entry.callback === null) return;
    entry.callback = null;
    entry.arg = undefined;
    if (++this.cancelled > COMPACT_MIN && this.cancelled * 2 > this.heap.size) {
      this.heap.filter((e) => e.callback !== null);
      this.cancelled = 0;
    }
  }
}
