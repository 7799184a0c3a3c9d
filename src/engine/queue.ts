/**
 * The future event list as an interface (ns-3's scheduler idea): the simulation needs only these
 * five operations, so an implementation can be swapped or checked against a simpler one.
 *
 * Entries are ordered by an explicit key (time, lane, entity order, insertion sequence). Time ties
 * go to the lower lane (a kind of event: SimPy's URGENT/NORMAL, or a model's own), then to the
 * lower entity order (a model's same-time order among entities, e.g. completions by user index),
 * then to the earlier scheduled entry, so equal-time events run deterministically and FIFO
 * (SimPy's `(time, priority, id)` key, ns-3's EventKey).
 *
 * Implementations (push / pop / cancel):
 * - `HeapQueue` (heap-queue.ts), what `Simulation` uses: a binary heap, O(log n) / O(log n) /
 *   amortised O(1) (lazy, with a sweep under heavy cancellation); about 100 B per pending entry.
 * - `SortedArrayQueue` (test/engine/sorted-array-queue.ts, for the contract test only): a sorted
 *   array, O(n) / O(1) / O(1); obviously correct, too slow for a model.
 */

/** A callback with one argument: passing the argument avoids allocating a closure per event. */
export type Callback<A = any> = (arg: A) => void;

/** The ordering key. `seq` is given by the queue at push, in push order. */
export interface EventKey {
  readonly timeS: number;
  readonly lane: number;
  readonly order: number;
  readonly seq: number;
}

/**
 * A scheduled callback, and the handle returned to whoever scheduled it. Cancelling clears
 * `callback` (ns-3's lazy removal): the entry may stay in the queue and is skipped when popped.
 * A popped or cancelled entry has `callback === null`, so a handle is always safe to cancel.
 */
export interface Entry extends EventKey {
  callback: Callback | null;
  arg: unknown;
}

export interface EventQueue {
  /** Entries held; an implementation may count cancelled ones until it drops them. */
  readonly size: number;
  /** Adds an entry with the next insertion sequence and returns it as the handle. */
  push(timeS: number, lane: number, order: number, callback: Callback, arg: unknown): Entry;
  /** Removes and returns the live entry with the least key, or undefined when none is left. The
   *  entry keeps its callback for the caller to run; the caller clears it first (as
   *  `Simulation.step` does), which is what makes a later `cancel` of the handle a no-op. */
  pop(): Entry | undefined;
  /** The entry `pop` would return, without removing it. */
  peek(): Entry | undefined;
  /** Makes a pending entry never pop; a no-op for one already cancelled, or popped and run. */
  cancel(entry: Entry): void;
}

/** The order among entries of equal time: lane, then entity order, then insertion sequence. */
export function sameTimeBefore(a: EventKey, b: EventKey): boolean {
  if (a.lane !== b.lane) return a.lane < b.lane;
  if (a.order !== b.order) return a.order < b.order;
  return a.seq < b.seq;
}

/** The key's strict order: irreflexive, antisymmetric and transitive, and total because `seq` is
 *  unique. */
export function keyBefore(a: EventKey, b: EventKey): boolean {
  return a.timeS !== b.timeS ? a.timeS < b.timeS : sameTimeBefore(a, b);
}
