/**
 * The event-queue contract (queue.ts), checked the same way on every implementation (ns-3 runs
 * one scheduler test over all its schedulers): random operation sequences against a model that
 * is a plain list of live entries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Entry, type EventQueue, HeapQueue, keyBefore } from '../../src/engine/index.ts';
import { SortedArrayQueue } from './sorted-array-queue.ts';

const noop = (): void => {};

/** Pops like `Simulation.step`: the caller takes the entry and clears its callback. */
function take(queue: EventQueue): Entry | undefined {
  const entry = queue.pop();
  if (entry !== undefined) entry.callback = null;
  return entry;
}

function drain(queue: EventQueue): Entry[] {
  const out: Entry[] = [];
  for (let e = take(queue); e !== undefined; e = take(queue)) out.push(e);
  return out;
}

const byKey = (a: Entry, b: Entry): number => (keyBefore(a, b) ? -1 : keyBefore(b, a) ? 1 : 0);

// Few distinct times, lanes and orders, so that ties on every part of the key are common.
const key = fc.record({
  timeS: fc.oneof(fc.constantFrom(0, 1, 2.5), fc.double({ min: 0, max: 5, noNaN: true })),
  lane: fc.integer({ min: 0, max: 2 }),
  order: fc.integer({ min: 0, max: 2 }),
});
const op = fc.oneof(
  { weight: 4, arbitrary: key.map((k) => ({ kind: 'push' as const, ...k })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'pop' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'peek' as const }) },
  // Cancels the i-th handle ever returned (modulo their count): pending, popped or cancelled.
  { weight: 2, arbitrary: fc.nat().map((i) => ({ kind: 'cancel' as const, i })) },
);

describe.each([
  ['HeapQueue', (): EventQueue => new HeapQueue()],
  ['SortedArrayQueue (reference)', (): EventQueue => new SortedArrayQueue()],
])('event queue contract: %s', (_name, makeQueue) => {
  it('pops the live entry of least key, peek agrees with the next pop, cancel of any handle is safe', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 150 }), (ops) => {
        const queue = makeQueue();
        const handles: Entry[] = [];
        let live: Entry[] = [];
        /** The entry the last peek returned, while nothing has been pushed or cancelled since. */
        let peeked: Entry | undefined;
        for (const o of ops) {
          if (o.kind === 'push') {
            const entry = queue.push(o.timeS, o.lane, o.order, noop, handles.length);
            handles.push(entry);
            live.push(entry);
            peeked = undefined; // a push may go before the peeked entry
          } else if (o.kind === 'cancel') {
            if (handles.length === 0) continue;
            const entry = handles[o.i % handles.length]!;
            queue.cancel(entry);
            live = live.filter((e) => e !== entry);
            peeked = undefined;
          } else {
            const least = [...live].sort(byKey)[0];
            const got = o.kind === 'pop' ? take(queue) : queue.peek();
            expect(got).toBe(least);
            if (o.kind === 'peek') {
              peeked = got;
            } else {
              if (peeked !== undefined) expect(got).toBe(peeked);
              peeked = undefined;
              live = live.filter((e) => e !== got);
            }
          }
          expect(queue.size).toBeGreaterThanOrEqual(live.length);
        }
        expect(drain(queue)).toEqual([...live].sort(byKey));
        expect(queue.peek()).toBeUndefined();
      }),
    );
  });

  it('entries of equal key come out in push order (FIFO)', () => {
    const queue = makeQueue();
    for (let i = 0; i < 200; i++) queue.push(3, 1, 2, noop, i);
    expect(drain(queue).map((e) => e.arg)).toEqual([...Array(200).keys()]);
  });

  it('cancelling twice, or after the pop, changes nothing', () => {
    const queue = makeQueue();
    const a = queue.push(1, 0, 0, noop, 'a');
    const b = queue.push(2, 0, 0, noop, 'b');
    const c = queue.push(3, 0, 0, noop, 'c');
    expect(take(queue)).toBe(a);
    queue.cancel(a);
    queue.cancel(b);
    queue.cancel(b);
    expect(queue.peek()).toBe(c);
    expect(drain(queue)).toEqual([c]);
    queue.cancel(c);
    expect(queue.pop()).toBeUndefined();
  });

  it('keeps the order under heavy cancellation (past the compaction threshold)', () => {
    fc.assert(
      fc.property(
        fc.array(key, { minLength: 2100, maxLength: 2500 }),
        fc.double({ min: 0.6, max: 0.95, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (keys, cancelShare, salt) => {
          const queue = makeQueue();
          const live: Entry[] = [];
          keys.forEach((k, i) => {
            const entry = queue.push(k.timeS, k.lane, k.order, noop, i);
            // A cheap deterministic hash decides which entries to cancel, some right away and
            // the rest after later pushes, so sweeps happen with live entries on both sides.
            const h = (Math.imul(i + 1, 2654435761) ^ salt) >>> 0;
            if (h / 2 ** 32 < cancelShare) queue.cancel(entry);
            else live.push(entry);
          });
          expect(drain(queue)).toEqual(live.sort(byKey));
        },
      ),
      { numRuns: 4 },
    );
  }, 30_000); // a few seconds on a loaded machine: the reference pays O(n) per push
});
