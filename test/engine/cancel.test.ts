import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Entry, HeapQueue, Simulation } from '../../src/engine/index.ts';

describe('cancel', () => {
  it('a cancelled event never runs, whenever it is cancelled; the others all run', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            atS: fc.integer({ min: 0, max: 20 }),
            cancelAtS: fc.option(fc.integer({ min: 0, max: 20 })),
          }),
          {
            maxLength: 40,
          },
        ),
        (plan) => {
          const sim = new Simulation();
          const ran = new Set<number>();
          const handles: Entry[] = plan.map((p, i) => sim.scheduleAt(p.atS, () => ran.add(i)));
          const cancelled = new Set<number>();
          plan.forEach((p, i) => {
            if (p.cancelAtS === null) return;
            // Cancel from a handler that runs at cancelAtS, at priority 0 so it precedes same-time events.
            sim.scheduleAt(
              p.cancelAtS,
              () => {
                if (!ran.has(i)) cancelled.add(i);
                sim.cancel(handles[i]!);
              },
              undefined,
              0,
            );
          });
          sim.run();
          plan.forEach((_, i) => expect(ran.has(i)).toBe(!cancelled.has(i)));
        },
      ),
    );
  });

  it('cancelling twice, or after the event ran, is a harmless no-op', () => {
    const sim = new Simulation();
    let runs = 0;
    const handle = sim.schedule(1, () => runs++);
    sim.run();
    sim.cancel(handle);
    sim.cancel(handle);
    expect(runs).toBe(1);
    const other = sim.schedule(1, () => runs++);
    sim.cancel(other);
    sim.cancel(other);
    expect(sim.peek()).toBe(Infinity);
    sim.run();
    expect(runs).toBe(1);
  });
});

describe('heavy cancellation', () => {
  it('re-planning a far-future event many times keeps the heap bounded and the order intact', () => {
    const queue = new HeapQueue();
    const noop = (): void => {};
    const live: Entry[] = [];
    for (let i = 0; i < 10; i++) live.push(queue.push(1e9 + i, 1, 0, noop, i));
    let planned = queue.push(1e6, 1, 0, noop, 'transfer');
    let largestSize = 0;
    for (let i = 0; i < 100_000; i++) {
      queue.cancel(planned);
      planned = queue.push(1e6 + i, 1, 0, noop, 'transfer');
      largestSize = Math.max(largestSize, queue.size);
    }
    expect(largestSize).toBeLessThanOrEqual(2 * 1024 + 12);
    const order: unknown[] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) order.push(e.arg);
    expect(order).toEqual(['transfer', ...Array.from({ length: 10 }, (_, i) => i)]);
  });
});
