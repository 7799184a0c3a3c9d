import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProcessorSharingServer, Simulation } from '../../src/engine/index.ts';
import { ReferencePsServer } from './reference-processor-sharing.ts';

describe('ProcessorSharingServer', () => {
  it('gives the hand-computed completion times for staggered arrivals', () => {
    // Rate 1 work/s. Job A (work 4) at t=0, B (work 2) at t=1, C (work 1) at t=2.
    // [0,1): A alone, A has 3 left.  [1,2): A and B at 1/2 each: A 2.5, B 1.5 left.
    // [2,5): three jobs at 1/3 each; C needs 1 -> done at t=5; then A 1.5, B 0.5 left.
    // [5,6): two jobs at 1/2: B done at t=6; A has 1 left.  [6,7): A alone: done at t=7.
    const sim = new Simulation();
    const ps = new ProcessorSharingServer(sim, 1);
    const done: Record<string, number> = {};
    const arrive = (name: string, atS: number, work: number): void => {
      sim.scheduleAt(atS, () => ps.submit(work, () => (done[name] = sim.now), name));
    };
    arrive('A', 0, 4);
    arrive('B', 1, 2);
    arrive('C', 2, 1);
    sim.run();
    expect(done.C).toBeCloseTo(5, 12);
    expect(done.B).toBeCloseTo(6, 12);
    expect(done.A).toBeCloseTo(7, 12);
  });

  it('finishes equal jobs together and re-plans on a rate change', () => {
    // Two jobs of 3 at t=0 on rate 2: each at 1/s. At t=1 the rate doubles to 4: 2 left each at
    // 2/s -> both done at t=2.
    const sim = new Simulation();
    const ps = new ProcessorSharingServer(sim, 2);
    const times: number[] = [];
    for (let i = 0; i < 2; i++) ps.submit(3, () => times.push(sim.now), i);
    sim.schedule(1, () => ps.setRate(4));
    sim.run();
    expect(times).toHaveLength(2);
    for (const t of times) expect(t).toBeCloseTo(2, 12);
    expect(ps.jobCount).toBe(0);
  });

  it('gives each job its share time (the integral of 1/k over its stay)', () => {
    // Rate 1. A (work 2) at t=0, B (work 1) at t=0: both at 1/2 until B is done at t=2 (share
    // time 2 * 1/2 = 1 each), then A alone with 1 left until t=3 (A's share time 1 + 1 = 2).
    const sim = new Simulation();
    const ps = new ProcessorSharingServer(sim, 1);
    const share: Record<string, number> = {};
    ps.submit(
      2,
      (job) => {
        share.A = job.shareS;
        share.doneA = sim.now;
      },
      'A',
    );
    ps.submit(1, (job) => (share.B = job.shareS), 'B');
    sim.run();
    expect(share).toEqual({ B: 1, A: 2, doneA: 3 });
  });

  it('finishes simultaneous jobs in priority order', () => {
    const sim = new Simulation();
    const ps = new ProcessorSharingServer(sim, 1);
    const order: string[] = [];
    ps.submit(1, (job) => order.push(job.tag), 'late', 7);
    ps.submit(1, (job) => order.push(job.tag), 'early', 3);
    sim.run();
    expect(order).toEqual(['early', 'late']);
  });

  it('finishes jobs whose tags differ by round-off only together, in (lane, order) order', () => {
    // Rate 1. A (work 0.3) at t=0, B (work 0.2) at t=0.1: from then on both have 0.2 left, but
    // B's finish tag 0.1 + 0.2 is a hair above A's 0.3 in floating point.
    const sim = new Simulation();
    const ps = new ProcessorSharingServer(sim, 1);
    const done: string[] = [];
    const onDone = (job: { tag: string }): number => done.push(`${job.tag} at ${sim.now}`);
    ps.submit(0.3, onDone, 'A', 1, 5);
    sim.schedule(0.1, () => ps.submit(0.2, onDone, 'B', 1, 2));
    sim.run();
    expect(0.1 + 0.2).toBeGreaterThan(0.3);
    expect(done).toHaveLength(2);
    expect(done[0]).toMatch(/^B at /);
    expect(done[1]).toBe(`A at ${done[0]!.slice(5)}`);
  });

  it('agrees with the O(k) reference on random arrivals, chained jobs and rate changes', () => {
    const job = fc.record({
      atS: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 6, noNaN: true })),
      // Not below 0.01: a work under the round-off of V (say 1e-300) is "done with" a job finishing
      // at that V here, and a hair later in the reference; both are right to round-off.
      work: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0.01, max: 4, noNaN: true })),
      lane: fc.integer({ min: 0, max: 2 }),
      order: fc.integer({ min: 0, max: 3 }),
      /** Work of a follow-up job submitted when this one finishes (a user's next layer). */
      then: fc.option(fc.double({ min: 0.1, max: 3, noNaN: true })),
    });
    const rateChange = fc.record({
      atS: fc.double({ min: 0, max: 8, noNaN: true }),
      rate: fc.double({ min: 0.5, max: 4, noNaN: true }),
    });
    const plan = [
      fc.array(job, { minLength: 1, maxLength: 25 }),
      fc.array(rateChange, { maxLength: 4 }),
    ] as const;
    fc.assert(
      fc.property(...plan, (jobs, rates) => {
        type Log = { name: string; atS: number; shareS: number }[];
        const run = (make: (sim: Simulation) => ProcessorSharingServer | ReferencePsServer): Log => {
          const sim = new Simulation();
          const ps = make(sim);
          const log: Log = [];
          const finish =
            (name: string, then: number | null, lane: number, order: number) =>
            (done: { shareS: number }): void => {
              log.push({ name, atS: sim.now, shareS: done.shareS });
              if (then !== null) ps.submit(then, finish(`${name}'`, null, lane, order), name, lane, order);
            };
          jobs.forEach((j, i) =>
            sim.scheduleAt(j.atS, () => {
              ps.submit(j.work, finish(`job ${i}`, j.then, j.lane, j.order), i, j.lane, j.order);
            }),
          );
          for (const r of rates) sim.scheduleAt(r.atS, () => ps.setRate(r.rate));
          sim.run();
          return log;
        };
        const fast = run((sim) => new ProcessorSharingServer(sim, 1));
        const reference = run((sim) => new ReferencePsServer(sim, 1));
        expect(fast.map((e) => e.name)).toEqual(reference.map((e) => e.name));
        fast.forEach((e, i) => {
          const want = reference[i]!;
          expect(Math.abs(e.atS - want.atS)).toBeLessThanOrEqual(1e-9 * Math.max(1, want.atS));
          expect(Math.abs(e.shareS - want.shareS)).toBeLessThanOrEqual(1e-9 * Math.max(1, want.shareS));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a non-positive rate and negative work', () => {
    const sim = new Simulation();
    expect(() => new ProcessorSharingServer(sim, 0)).toThrow(/rate/);
    expect(() => new ProcessorSharingServer(sim, 1).submit(-1, () => {}, 0)).toThrow(/work/);
  });
});
