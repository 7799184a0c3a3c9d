import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';

describe('event ordering', () => {
  it('time never goes backwards, and equal times run by lane, then entity order, then scheduling order', () => {
    const event = fc.record({
      delayS: fc.oneof(fc.constantFrom(0, 1, 2.5), fc.double({ min: 0, max: 10, noNaN: true })),
      lane: fc.integer({ min: 0, max: 3 }),
      order: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 40 })),
      children: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), (plan) => {
        const sim = new Simulation();
        const ran: { t: number; lane: number; order: number; seq: number }[] = [];
        let seq = 0;
        let next = 0;
        const scheduleNext = (): void => {
          const spec = plan[next++ % plan.length]!;
          const mine = { lane: spec.lane, order: spec.order, seq: seq++ };
          sim.schedule(
            spec.delayS,
            () => {
              ran.push({ t: sim.now, ...mine });
              // Handlers schedule more events, some at the current time.
              for (let c = 0; c < spec.children && seq < 200; c++) scheduleNext();
            },
            undefined,
            spec.lane,
            spec.order,
          );
        };
        for (let i = 0; i < plan.length; i++) scheduleNext();
        sim.run();
        for (let i = 1; i < ran.length; i++) {
          const a = ran[i - 1]!;
          const b = ran[i]!;
          expect(b.t).toBeGreaterThanOrEqual(a.t);
        }
        // Among events scheduled before the run started (all present in the queue together), the
        // order is exactly (time, lane, order, seq).
        const initial = ran.filter((r) => r.seq < plan.length);
        const sorted = [...initial].sort(
          (a, b) => a.t - b.t || a.lane - b.lane || a.order - b.order || a.seq - b.seq,
        );
        expect(initial).toEqual(sorted);
      }),
    );
  });

  it('runs same-time, same-priority events in the order they were scheduled (FIFO)', () => {
    const sim = new Simulation();
    const log: number[] = [];
    for (let i = 0; i < 100; i++) sim.schedule(5, (k: number) => log.push(k), i);
    sim.run();
    expect(log).toEqual([...Array(100).keys()]);
  });

  it('rejects negative, NaN and infinite delays, past times and non-integer or negative lanes and orders', () => {
    const sim = new Simulation(10);
    const noop = (): void => {};
    expect(() => sim.schedule(-1, noop)).toThrow(/delay/);
    expect(() => sim.schedule(Number.NaN, noop)).toThrow(/delay/);
    expect(() => sim.schedule(Infinity, noop)).toThrow(/delay/);
    expect(() => sim.scheduleAt(9, noop)).toThrow(/not before now/);
    expect(() => sim.schedule(1, noop, undefined, -1)).toThrow(/lane/);
    expect(() => sim.schedule(1, noop, undefined, 0.5)).toThrow(/lane/);
    expect(() => sim.schedule(1, noop, undefined, 1, -1)).toThrow(/order/);
    expect(() => sim.schedule(1, noop, undefined, 1, 2 ** 53)).toThrow(/order/);
  });
});

describe('run, step, peek and stop', () => {
  it('run({ untilS }) stops before events at untilS and leaves the clock there; a later run resumes', () => {
    const sim = new Simulation();
    const log: number[] = [];
    for (const t of [1, 2, 3, 4]) sim.scheduleAt(t, () => log.push(sim.now));
    sim.run({ untilS: 3 });
    expect(log).toEqual([1, 2]);
    expect(sim.now).toBe(3);
    expect(sim.peek()).toBe(3);
    sim.run();
    expect(log).toEqual([1, 2, 3, 4]);
    expect(() => sim.run({ untilS: 1 })).toThrow(/untilS/);
  });

  it('step() processes one event at a time and peek() gives Infinity when empty', () => {
    const sim = new Simulation();
    expect(sim.peek()).toBe(Infinity);
    expect(sim.step()).toBe(false);
    sim.schedule(2, () => {});
    sim.schedule(1, () => {});
    expect(sim.peek()).toBe(1);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(1);
    expect(sim.peek()).toBe(2);
  });

  it('stop() inside a handler ends run() after that event', () => {
    const sim = new Simulation();
    const log: number[] = [];
    for (const t of [1, 2, 3]) {
      sim.scheduleAt(t, () => {
        log.push(t);
        if (t === 2) sim.stop();
      });
    }
    sim.run();
    expect(log).toEqual([1, 2]);
    expect(sim.now).toBe(2);
    sim.run();
    expect(log).toEqual([1, 2, 3]);
  });
});
