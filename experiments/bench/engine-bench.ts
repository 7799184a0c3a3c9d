/**
 * Engine benchmarks (issue 2): the *hold* workload (1,000 entities each looping on exponential
 * delays) as plain callbacks, as generator processes, and as a raw loop over fastpriorityqueue
 * that does nothing but the same work; and a *pipeline* of users pushing batches through a
 * per-user compute stage, a shared uplink and per-server capacity-k stages.
 */
import FastPriorityQueue from 'fastpriorityqueue';
import { Simulation } from '../../src/engine/index.ts';
import { Process, type ProcessGenerator, Resource } from '../../src/engine/process/index.ts';
import { RandomStreams } from '../../src/random/index.ts';
import { bestRate, heapBytesPerItem } from './measure.ts';

const ENTITIES = 1000;
const HOLD_EVENTS = 1_000_000;
const REPEATS = 3;

/** Pre-drawn exponential delays, shared by every variant so that all do identical work. */
function delayTable(): Float64Array {
  const stream = new RandomStreams(1).get('bench', 0);
  const table = new Float64Array(1 << 16);
  for (let i = 0; i < table.length; i++) table[i] = stream.exponential(1);
  return table;
}
const DELAYS = delayTable();
const MASK = DELAYS.length - 1;

interface RawEntry {
  t: number;
  fn: (arg: HoldState) => void;
  arg: HoldState;
}
interface HoldState {
  next: number;
}

/** The yardstick: fastpriorityqueue with plain callbacks and nothing else. */
function rawHold(): number {
  const heap = new FastPriorityQueue<RawEntry>((a, b) => a.t < b.t);
  let now = 0;
  let draws = 0;
  const hold = (state: HoldState): void => {
    heap.add({ t: now + DELAYS[draws++ & MASK]!, fn: hold, arg: state });
  };
  for (let i = 0; i < ENTITIES; i++) hold({ next: i });
  let events = 0;
  while (events < HOLD_EVENTS) {
    const entry = heap.poll()!;
    now = entry.t;
    events++;
    entry.fn(entry.arg);
  }
  return events;
}

/** With `traced`, every event also offers a trace record the way the simulation does (built only
 *  when someone listens; nobody does here): what tracing costs when it is off. */
function callbackHold(traced = false): number {
  const sim = new Simulation();
  let draws = 0;
  const hold = (state: HoldState): void => {
    if (traced && sim.trace.active) sim.trace.emit({ t: sim.now, type: 'hold', entity: state.next });
    sim.schedule(DELAYS[draws++ & MASK]!, hold, state);
    if (sim.eventCount >= HOLD_EVENTS) sim.stop();
  };
  for (let i = 0; i < ENTITIES; i++) hold({ next: i });
  sim.run();
  return sim.eventCount;
}

function processHold(): number {
  const sim = new Simulation();
  let draws = 0;
  function* holder(): ProcessGenerator {
    for (;;) {
      yield DELAYS[draws++ & MASK]!;
      if (sim.eventCount >= HOLD_EVENTS) sim.stop();
    }
  }
  for (let i = 0; i < ENTITIES; i++) new Process(sim, holder());
  sim.run();
  return sim.eventCount;
}

const PIPELINE = { users: 200, servers: 10, serverSlots: 4, batchesPerUser: 500 };

function pipeline(): number {
  const sim = new Simulation();
  const uplink = new Resource(sim, 1);
  const servers = Array.from({ length: PIPELINE.servers }, () => new Resource(sim, PIPELINE.serverSlots));
  let draws = 0;
  function* user(index: number): ProcessGenerator {
    const server = servers[index % servers.length]!;
    for (let b = 0; b < PIPELINE.batchesPerUser; b++) {
      yield DELAYS[draws++ & MASK]! * 20; // local layers on the user's own GPU
      yield uplink.request();
      yield DELAYS[draws++ & MASK]! * 0.05; // transfer on the shared uplink
      uplink.release();
      yield server.request();
      yield DELAYS[draws++ & MASK]! * 0.5; // edge layers
      server.release();
    }
  }
  for (let u = 0; u < PIPELINE.users; u++) new Process(sim, user(u));
  sim.run();
  return sim.eventCount;
}

const PENDING = 200_000;

function pendingCallbacks(n: number): Simulation {
  const sim = new Simulation();
  const noop = (): void => {};
  for (let i = 0; i < n; i++) sim.schedule(DELAYS[i & MASK]!, noop, undefined);
  return sim;
}

function pendingRaw(n: number): FastPriorityQueue<RawEntry> {
  const heap = new FastPriorityQueue<RawEntry>((a, b) => a.t < b.t);
  const noop = (): void => {};
  const state = { next: 0 };
  for (let i = 0; i < n; i++) heap.add({ t: DELAYS[i & MASK]!, fn: noop, arg: state });
  return heap;
}

export interface EngineBench {
  hold: {
    eventsPerS: number; rawLoopEventsPerS: number; ratio: number; bytesPerPendingEvent: number; rawLoopBytesPerPendingEvent: number;
    /** The same callbacks with the trace guard of the simulation and no listener, over without. */
    traceOffRatio: number;
  };
  holdProcesses: { eventsPerS: number; ratio: number };
  pipeline: { eventsPerS: number; events: number; wallS: number; ratio: number; users: number; servers: number };
}

export function benchEngine(): EngineBench {
  // Interleave the variants so drift in machine load hits all of them alike.
  const raw = bestRate(REPEATS, rawHold);
  const plain = bestRate(REPEATS, () => callbackHold());
  const guarded = bestRate(REPEATS, () => callbackHold(true));
  const plainAgain = bestRate(REPEATS, () => callbackHold());
  const callbacks = plain.eventsPerS > plainAgain.eventsPerS ? plain : plainAgain;
  const processes = bestRate(REPEATS, processHold);
  const rawAgain = bestRate(REPEATS, rawHold);
  const rawRate = Math.max(raw.eventsPerS, rawAgain.eventsPerS);
  let pipelineEvents = 0;
  const pipe = bestRate(REPEATS, () => (pipelineEvents = pipeline()));
  return {
    hold: {
      eventsPerS: callbacks.eventsPerS,
      rawLoopEventsPerS: rawRate,
      ratio: callbacks.eventsPerS / rawRate,
      bytesPerPendingEvent: heapBytesPerItem(PENDING, pendingCallbacks),
      rawLoopBytesPerPendingEvent: heapBytesPerItem(PENDING, pendingRaw),
      traceOffRatio: guarded.eventsPerS / callbacks.eventsPerS,
    },
    holdProcesses: { eventsPerS: processes.eventsPerS, ratio: processes.eventsPerS / rawRate },
    pipeline: {
      eventsPerS: pipe.eventsPerS,
      events: pipelineEvents,
      wallS: pipe.wallS,
      ratio: pipe.eventsPerS / rawRate,
      users: PIPELINE.users,
      servers: PIPELINE.servers,
    },
  };
}
