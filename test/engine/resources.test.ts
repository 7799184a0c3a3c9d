import { describe, expect, it } from 'vitest';
import { type ProcessGenerator, ProcessorSharingServer, Resource, Simulation, Store } from '../../src/engine/index.ts';

describe('Resource (capacity k, FIFO)', () => {
  it('serves at most k at once, in request order', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 2);
    const log: string[] = [];
    function* job(name: string, arriveS: number, holdS: number): ProcessGenerator {
      yield arriveS;
      yield res.request();
      log.push(`${name} start ${sim.now}`);
      yield holdS;
      res.release();
    }
    sim.process(job('a', 0, 4));
    sim.process(job('b', 0, 2));
    sim.process(job('c', 1, 1));
    sim.process(job('d', 1, 1));
    sim.run();
    expect(log).toEqual(['a start 0', 'b start 0', 'c start 2', 'd start 3']);
    expect(res.count).toBe(0);
    expect(() => res.release()).toThrow(/without a granted request/);
    expect(() => new Resource(sim, 0)).toThrow(/capacity/);
  });
});

describe('Store', () => {
  it('hands items to getters in order and blocks putters while full', () => {
    const sim = new Simulation();
    const store = new Store<string>(sim, 1);
    const log: string[] = [];
    sim.process((function* () {
      for (const item of ['x', 'y', 'z']) {
        yield store.put(item);
        log.push(`put ${item} at ${sim.now}`);
      }
    })());
    sim.process((function* () {
      for (let i = 0; i < 3; i++) {
        yield 5;
        const item = yield store.get();
        log.push(`got ${item} at ${sim.now}`);
      }
    })());
    sim.run();
    expect(log).toEqual(['put x at 0', 'got x at 5', 'put y at 5', 'got y at 10', 'put z at 10', 'got z at 15']);
  });
});

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

  it('accumulates each job share time (integral of 1/k) and serves processes through events', () => {
    // Rate 1. A (work 2) at t=0, B (work 1) at t=0: both at 1/2 until B is done at t=2 (share
    // time 2 * 1/2 = 1 each), then A alone with 1 left until t=3 (A's share time 1 + 1 = 2).
    const sim = new Simulation();
    const ps = new ProcessorSharingServer(sim, 1);
    const share: Record<string, number> = {};
    sim.process((function* (): ProcessGenerator {
      const job = yield ps.serve(2);
      share.A = job.shareS;
      share.doneA = sim.now;
    })());
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

  it('rejects a non-positive rate and negative work', () => {
    const sim = new Simulation();
    expect(() => new ProcessorSharingServer(sim, 0)).toThrow(/rate/);
    expect(() => new ProcessorSharingServer(sim, 1).submit(-1, () => {}, 0)).toThrow(/work/);
  });
});
