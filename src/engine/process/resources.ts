/**
 * Shared resources for processes: a capacity-k FIFO resource (k servers, one queue) and a store
 * of items (a FIFO buffer, optionally bounded). Both hand out events that a process yields.
 */
import { SimEvent } from './events.ts';
import type { Simulation } from '../simulation.ts';

/** A FIFO queue that does not shift on every removal (array + head index, compacted lazily). */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/** k identical servers with one FIFO queue: `yield res.request()`, work, then `res.release()`. */
export class Resource {
  private inUse = 0;
  private readonly waiting = new Fifo<SimEvent<void>>();

  constructor(
    private readonly sim: Simulation,
    readonly capacity: number,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) {
      throw new RangeError(`resource capacity must be an integer >= 1, got ${capacity}`);
    }
  }

  /** Units held now. */
  get count(): number {
    return this.inUse;
  }

  /** Requests waiting for a unit. */
  get queueLength(): number {
    return this.waiting.length;
  }

  /** An event that succeeds when a unit is granted to the caller (in request order). */
  request(): SimEvent<void> {
    const grant = new SimEvent<void>(this.sim);
    if (this.inUse < this.capacity) {
      this.inUse++;
      grant.succeed();
    } else {
      this.waiting.push(grant);
    }
    return grant;
  }

  /** Returns a unit; the longest-waiting request, if any, gets it at once. */
  release(): void {
    if (this.inUse === 0) throw new Error('release() without a granted request');
    const next = this.waiting.shift();
    if (next === undefined) this.inUse--;
    else next.succeed();
  }
}

/** A FIFO buffer of items: `yield store.put(x)` blocks while full, `yield store.get()` while empty. */
export class Store<T> {
  private readonly items = new Fifo<T>();
  private readonly getters = new Fifo<SimEvent<T>>();
  private readonly putters = new Fifo<{ item: T; done: SimEvent<void> }>();

  constructor(
    private readonly sim: Simulation,
    readonly capacity = Infinity,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`store capacity must be >= 1, got ${capacity}`);
  }

  get size(): number {
    return this.items.length;
  }

  put(item: T): SimEvent<void> {
    const done = new SimEvent<void>(this.sim);
    const getter = this.getters.shift();
    if (getter !== undefined) {
      getter.succeed(item);
      done.succeed();
    } else if (this.items.length < this.capacity) {
      this.items.push(item);
      done.succeed();
    } else {
      this.putters.push({ item, done });
    }
    return done;
  }

  get(): SimEvent<T> {
    const got = new SimEvent<T>(this.sim);
    if (this.items.length > 0) {
      got.succeed(this.items.shift()!);
      const putter = this.putters.shift();
      if (putter !== undefined) {
        this.items.push(putter.item);
        putter.done.succeed();
      }
    } else {
      this.getters.push(got);
    }
    return got;
  }
}
