/**
 * The reference event queue of the contract test (test only; the simulation uses HeapQueue): an
 * array kept sorted by `keyBefore`, each push inserted at its place by a linear scan. O(n) per
 * push, and obviously correct, which is its point.
 */
import { type Callback, type Entry, type EventQueue, keyBefore } from '../../src/engine/index.ts';

export class SortedArrayQueue implements EventQueue {
  /** Live and cancelled entries, least key last, so that pop is a plain Array.pop. */
  private readonly entries: Entry[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.entries.length;
  }

  push(timeS: number, lane: number, order: number, callback: Callback, arg: unknown): Entry {
    const entry: Entry = { timeS, lane, order, seq: this.nextSeq++, callback, arg };
    let at = 0;
    while (at < this.entries.length && keyBefore(entry, this.entries[at]!)) at++;
    this.entries.splice(at, 0, entry);
    return entry;
  }

  pop(): Entry | undefined {
    this.dropCancelled();
    return this.entries.pop();
  }

  peek(): Entry | undefined {
    this.dropCancelled();
    return this.entries[this.entries.length - 1];
  }

  cancel(entry: Entry): void {
    entry.callback = null;
    entry.arg = undefined;
  }

  private dropCancelled(): void {
    const entries = this.entries;
    while (entries.length > 0 && entries[entries.length - 1]!.callback === null) entries.pop();
  }
}
