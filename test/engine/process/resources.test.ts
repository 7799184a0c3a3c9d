import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/index.ts';
import { Process, type ProcessGenerator, Resource, Store } from '../../../src/engine/process/index.ts';

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
    new Process(sim, job('a', 0, 4));
    new Process(sim, job('b', 0, 2));
    new Process(sim, job('c', 1, 1));
    new Process(sim, job('d', 1, 1));
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
    new Process(
      sim,
      (function* () {
        for (const item of ['x', 'y', 'z']) {
          yield store.put(item);
          log.push(`put ${item} at ${sim.now}`);
        }
      })(),
    );
    new Process(
      sim,
      (function* () {
        for (let i = 0; i < 3; i++) {
          yield 5;
          const item = yield store.get();
          log.push(`got ${item} at ${sim.now}`);
        }
      })(),
    );
    sim.run();
    expect(log).toEqual([
      'put x at 0',
      'got x at 5',
      'put y at 5',
      'got y at 10',
      'put z at 10',
      'got z at 15',
    ]);
  });
});
