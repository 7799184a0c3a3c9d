/**
 * Events in the manner of SimPy: an event is pending until it is triggered (succeed/fail), which
 * schedules it; when the simulation pops it, it is processed and its callbacks run. Processes wait
 * on events; conditions (all-of / any-of) are events over other events.
 */
import { LANE_NORMAL } from '../priorities.ts';
import type { Simulation } from '../simulation.ts';

export type EventCallback<T> = (event: SimEvent<T>) => void;

const enum State {
  Pending,
  Triggered,
  Processed,
}

function processEvent(event: SimEvent<any>): void {
  event.process();
}

export class SimEvent<T = unknown> {
  private state = State.Pending;
  private outcome: T | undefined;
  private error: unknown;
  private failed = false;
  /** Callbacks run, in order, when the event is processed; null afterwards. */
  private callbacks: EventCallback<any>[] | null = [];

  constructor(readonly sim: Simulation) {}

  get triggered(): boolean {
    return this.state !== State.Pending;
  }

  get processed(): boolean {
    return this.state === State.Processed;
  }

  /** True if triggered by `succeed`; false if by `fail`. Only meaningful once triggered. */
  get ok(): boolean {
    return !this.failed;
  }

  /** The success value; throws the failure if the event failed, or if it is still pending. */
  get value(): T {
    if (this.state === State.Pending) throw new Error('the value of a pending event is not yet available');
    if (this.failed) throw this.error;
    return this.outcome as T;
  }

  /** The failure reason, or undefined if the event succeeded. */
  get reason(): unknown {
    return this.error;
  }

  /** Triggers the event with a value; its callbacks run when it is processed, after `delayS`. */
  succeed(value?: T, delayS = 0, lane = LANE_NORMAL): this {
    this.markTriggered();
    this.outcome = value;
    this.sim.schedule(delayS, processEvent, this, lane);
    return this;
  }

  /** Triggers the event as failed; waiting processes see `reason` thrown. A failure that nobody
   *  waits for is re-thrown by the simulation loop, so errors are never swallowed silently. */
  fail(reason: unknown, lane = LANE_NORMAL): this {
    this.markTriggered();
    this.failed = true;
    this.error = reason;
    this.sim.schedule(0, processEvent, this, lane);
    return this;
  }

  /** Adds a callback, or runs it at once if the event was already processed. */
  then(callback: EventCallback<T>): void {
    if (this.callbacks === null) callback(this);
    else this.callbacks.push(callback);
  }

  /** Removes a callback added with `then` (e.g. by a process that is interrupted while waiting). */
  removeCallback(callback: EventCallback<T>): void {
    if (this.callbacks === null) return;
    const at = this.callbacks.indexOf(callback);
    if (at >= 0) this.callbacks.splice(at, 1);
  }

  /** Called by the simulation loop; not for user code. */
  process(): void {
    const callbacks = this.callbacks!;
    // Detach first so a callback cannot add to the list being iterated (SimPy's habit).
    this.callbacks = null;
    this.state = State.Processed;
    if (this.failed && callbacks.length === 0) throw this.error;
    for (const callback of callbacks) callback(this);
  }

  private markTriggered(): void {
    if (this.state !== State.Pending) throw new Error('event has already been triggered');
    this.state = State.Triggered;
  }
}

/** Thrown into a process by `Process.interrupt`; `cause` is what the interrupter passed. */
export class Interrupt extends Error {
  override readonly name = 'Interrupt';
  constructor(override readonly cause: unknown) {
    super(`process interrupted: ${String(cause)}`);
  }
}

/**
 * An event that triggers once its children satisfy a rule: all of them (allOf) or any one
 * (anyOf). Its value maps each child processed so far to its value, in processing order. A
 * child's failure fails the condition.
 */
export class Condition extends SimEvent<Map<SimEvent, unknown>> {
  private readonly done = new Map<SimEvent, unknown>();

  constructor(
    sim: Simulation,
    children: readonly SimEvent<any>[],
    private readonly needed: number,
  ) {
    super(sim);
    if (children.length === 0 || needed === 0) {
      this.succeed(this.done);
      return;
    }
    const onChild = (child: SimEvent): void => this.childProcessed(child);
    for (const child of children) child.then(onChild);
  }

  private childProcessed(child: SimEvent): void {
    if (this.triggered) return;
    if (!child.ok) {
      this.fail(child.reason);
      return;
    }
    this.done.set(child, child.value);
    if (this.done.size >= this.needed) this.succeed(this.done);
  }
}

/** An event that succeeds with `value` after `delayS` seconds. */
export function timeout<T = undefined>(sim: Simulation, delayS: number, value?: T): SimEvent<T> {
  return new SimEvent<T>(sim).succeed(value, delayS);
}

export function allOf(sim: Simulation, events: readonly SimEvent[]): Condition {
  return new Condition(sim, events, events.length);
}

export function anyOf(sim: Simulation, events: readonly SimEvent[]): Condition {
  return new Condition(sim, events, Math.min(1, events.length));
}
