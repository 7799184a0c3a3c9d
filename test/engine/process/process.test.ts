import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/index.ts';
import {
  allOf,
  anyOf,
  Interrupt,
  Process,
  type ProcessGenerator,
  SimEvent,
  timeout,
} from '../../../src/engine/process/index.ts';

describe('processes', () => {
  it('yield a delay, resume at the right time, and return a value to a waiting process', () => {
    const sim = new Simulation();
    const log: string[] = [];
    function* child(): ProcessGenerator<number> {
      yield 2;
      log.push(`child woke at ${sim.now}`);
      return 42;
    }
    function* parent(): ProcessGenerator {
      const value = yield new Process(sim, child());
      log.push(`parent got ${value} at ${sim.now}`);
    }
    new Process(sim, parent());
    sim.run();
    expect(log).toEqual(['child woke at 2', 'parent got 42 at 2']);
  });

  it('wait for all of several events, or any one of them', () => {
    const sim = new Simulation();
    const log: string[] = [];
    function* waiter(): ProcessGenerator {
      const a = timeout(sim, 1, 'a');
      const b = timeout(sim, 3, 'b');
      const first = yield anyOf(sim, [a, b]);
      log.push(`any at ${sim.now}: ${[...first.values()].join(',')}`);
      const all = yield allOf(sim, [a, b, timeout(sim, 0.5, 'c')]); // c is due at 1.5
      log.push(`all at ${sim.now}: ${[...all.values()].join(',')}`);
    }
    new Process(sim, waiter());
    sim.run();
    expect(log).toEqual(['any at 1: a', 'all at 3: a,c,b']);
  });

  it('an event yielded after it was processed resumes the process at once with its value', () => {
    const sim = new Simulation();
    const done = timeout(sim, 1, 'early');
    let seen: unknown;
    new Process(
      sim,
      (function* () {
        yield 5;
        seen = [yield done, sim.now];
      })(),
    );
    sim.run();
    expect(seen).toEqual(['early', 5]);
  });

  it('a process interrupted mid-delay sees the interrupt at the interrupt time, and its old delay is void', () => {
    const sim = new Simulation();
    const log: string[] = [];
    function* worker(): ProcessGenerator {
      try {
        yield 10;
        log.push('finished the delay');
      } catch (err) {
        if (!(err instanceof Interrupt)) throw err;
        log.push(`interrupted at ${sim.now} by ${String(err.cause)}`);
        yield 1;
        log.push(`resumed work until ${sim.now}`);
      }
    }
    const w = new Process(sim, worker());
    sim.schedule(4, () => w.interrupt('a rate change'));
    sim.run();
    expect(log).toEqual(['interrupted at 4 by a rate change', 'resumed work until 5']);
    expect(sim.now).toBe(5);
  });

  it('an interrupted process waiting on an event no longer reacts to that event', () => {
    const sim = new Simulation();
    const gate = new SimEvent<string>(sim);
    const log: string[] = [];
    const p = new Process(
      sim,
      (function* () {
        try {
          yield gate;
          log.push('gate');
        } catch {
          log.push(`interrupted at ${sim.now}`);
          yield 10;
          log.push(`done at ${sim.now}`);
        }
      })(),
    );
    sim.schedule(1, () => p.interrupt());
    sim.schedule(2, () => gate.succeed('open'));
    sim.run();
    expect(log).toEqual(['interrupted at 1', 'done at 11']);
  });

  it('a failure thrown in a process propagates to the process that waits on it', () => {
    const sim = new Simulation();
    let caught: unknown;
    const failing = new Process(
      sim,
      (function* () {
        yield 1;
        throw new Error('boom');
      })(),
    );
    new Process(
      sim,
      (function* () {
        try {
          yield failing;
        } catch (err) {
          caught = err;
        }
      })(),
    );
    sim.run();
    expect((caught as Error).message).toBe('boom');
  });

  it('a failure nobody waits for is thrown out of run() rather than swallowed', () => {
    const sim = new Simulation();
    new Process(
      sim,
      (function* () {
        yield 1;
        throw new Error('unobserved');
      })(),
    );
    expect(() => sim.run()).toThrow('unobserved');
  });

  it('rejects yielding something that is neither a delay nor an event', () => {
    const sim = new Simulation();
    const p = new Process(
      sim,
      (function* (): ProcessGenerator {
        yield 'soon' as unknown as number;
      })(),
    );
    let reason: unknown;
    p.then((ev) => (reason = ev.reason));
    sim.run();
    expect(String(reason)).toMatch(/delay in seconds or an event/);
  });

  it('an event cannot be triggered twice', () => {
    const sim = new Simulation();
    const ev = new SimEvent(sim);
    ev.succeed(1);
    expect(() => ev.succeed(2)).toThrow(/already been triggered/);
  });
});
