/**
 * Processes as generator functions (SimPy's model): a process yields a delay in seconds or an
 * event to wait for, is resumed with the event's value (or has its failure thrown into it), and
 * is itself an event that triggers with the generator's return value.
 */
import { LANE_URGENT } from '../priorities.ts';
import type { Entry } from '../queue.ts';
import type { Simulation } from '../simulation.ts';
import { Interrupt, SimEvent } from './events.ts';

/** What a process may yield: a delay in seconds, or an event to wait for. */
export type Yieldable = number | SimEvent<any>;
export type ProcessGenerator<R = void> = Generator<Yieldable, R, any>;

function resumeAfterDelay(process: Process<any>): void {
  process.delayEntry = null;
  process.resume(undefined, false);
}

function startProcess(process: Process<any>): void {
  process.resume(undefined, false);
}

function deliverInterrupt(arg: { process: Process<any>; cause: unknown }): void {
  const { process, cause } = arg;
  if (process.triggered) return; // finished before the interrupt came due
  process.detach();
  process.resume(new Interrupt(cause), true);
}

export class Process<R = unknown> extends SimEvent<R> {
  /** The pending delay's queue entry, kept so that an interrupt can cancel it. */
  delayEntry: Entry | null = null;
  private waitingOn: SimEvent<any> | null = null;
  // Bound once per process, not per wait, so waiting allocates nothing.
  private readonly onEvent = (event: SimEvent<any>): void => {
    this.waitingOn = null;
    if (event.ok) this.resume(event.value, false);
    else this.resume(event.reason, true);
  };

  constructor(
    sim: Simulation,
    private readonly generator: ProcessGenerator<R>,
  ) {
    super(sim);
    // Start URGENT at the current time, so an unstarted process cannot be interrupted first.
    sim.schedule(0, startProcess, this, LANE_URGENT);
  }

  /** True while the generator has not returned or thrown. */
  get isAlive(): boolean {
    return !this.triggered;
  }

  /** Throws an `Interrupt(cause)` into the process at the current time (before other events due
   *  now), cancelling whatever it was waiting for. */
  interrupt(cause?: unknown): void {
    if (this.triggered) throw new Error('cannot interrupt a process that has terminated');
    this.sim.schedule(0, deliverInterrupt, { process: this, cause }, LANE_URGENT);
  }

  /** Stops waiting: cancels a pending delay or leaves the awaited event's callbacks. */
  detach(): void {
    if (this.delayEntry !== null) {
      this.sim.cancel(this.delayEntry);
      this.delayEntry = null;
    }
    if (this.waitingOn !== null) {
      this.waitingOn.removeCallback(this.onEvent);
      this.waitingOn = null;
    }
  }

  /** Runs the generator until its next wait; called by the simulation, not by user code. */
  resume(input: unknown, isError: boolean): void {
    let step: IteratorResult<Yieldable, R>;
    try {
      step = isError ? this.generator.throw(input) : this.generator.next(input);
      while (!step.done) {
        const target = step.value;
        if (typeof target === 'number') {
          this.delayEntry = this.sim.schedule(target, resumeAfterDelay, this);
          return;
        }
        if (!(target instanceof SimEvent)) {
          throw new TypeError(`a process may yield a delay in seconds or an event, not ${String(target)}`);
        }
        if (!target.processed) {
          this.waitingOn = target;
          target.then(this.onEvent);
          return;
        }
        step = target.ok ? this.generator.next(target.value) : this.generator.throw(target.reason);
      }
    } catch (error) {
      this.fail(error);
      return;
    }
    this.succeed(step.value);
  }
}
