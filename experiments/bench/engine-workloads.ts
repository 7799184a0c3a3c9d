/**
 * The engine benchmark's workloads (issues 2 and 13), each returning the events it processed: the
 * *hold* workload (1,000 entities each looping on exponential delays) as plain callbacks, as
 * generator processes, and as a raw loop over fastpriorityqueue that does nothing but the same
 * work; a *pipeline* of users pushing batches through a per-user compute stage, a shared uplink
 * and per-server capacity-k stages; and the same edge layers through processor-sharing servers
 * and at dedicated shares. Also what the pending-event memory figure holds.
 */
import FastPriorityQueue from 'fastpriorityqueue';
import { ProcessorSharingServer, type SharedJob, Simulation } from '../../src/engine/index.ts';
import { Process, type ProcessGenerator, Resource } from '../../src/engine/process/index.ts';
import { RandomStreams } from '../../src/random/index.ts';

const ENTITIES = 1000;
const HOLD_EVENTS = 1_000_000;

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

export const PIPELINE = { users: 200, servers: 10, serverSlots: 4, batchesPerUser: 500 };

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

/** Users each assigned to server u mod servers, doing batches of a local phase then edge layers. */
export const SHARED = { users: 200, servers: 10, batchesPerUser: 160, edgeLayers: 30 };
const LOCAL_LANE = 0;
const LAYER_LANE = 1;

interface SharedUser {
  readonly index: number;
  /** Work of one edge layer (the same for every layer of this user). */
  readonly work: number;
  batch: number;
  layersLeft: number;
}

/**
 * The edge layers of every user through one processor-sharing server per server, or, with
 * `dedicated`, each layer at a fixed share of its server (rate / users on it). The jobs, and so
 * the number of events (one per local phase and one per layer), are the same in both.
 */
function sharedLayers(dedicated: boolean): number {
  const sim = new Simulation();
  const serverRate = 1;
  const shareRate = serverRate / (SHARED.users / SHARED.servers);
  const servers = Array.from({ length: SHARED.servers }, () => new ProcessorSharingServer(sim, serverRate));
  let draws = 0;
  const startLayer = (u: SharedUser): void => {
    if (dedicated) sim.schedule(u.work / shareRate, layerDone, u, LAYER_LANE, u.index);
    else servers[u.index % SHARED.servers]!.submit(u.work, sharedDone, u, LAYER_LANE, u.index);
  };
  const startBatch = (u: SharedUser): void => {
    u.layersLeft = SHARED.edgeLayers;
    sim.schedule(DELAYS[draws++ & MASK]! * 5, startLayer, u, LOCAL_LANE, u.index);
  };
  const layerDone = (u: SharedUser): void => {
    if (--u.layersLeft > 0) startLayer(u);
    else if (++u.batch < SHARED.batchesPerUser) startBatch(u);
  };
  const sharedDone = (job: SharedJob<SharedUser>): void => layerDone(job.tag);
  for (let index = 0; index < SHARED.users; index++) {
    startBatch({ index, work: 0.5 + DELAYS[draws++ & MASK]!, batch: 0, layersLeft: 0 });
  }
  sim.run();
  return sim.eventCount;
}

export const PENDING = 200_000;

export function pendingCallbacks(n: number): Simulation {
  const sim = new Simulation();
  const noop = (): void => {};
  for (let i = 0; i < n; i++) sim.schedule(DELAYS[i & MASK]!, noop, undefined);
  return sim;
}

export function pendingRaw(n: number): FastPriorityQueue<RawEntry> {
  const heap = new FastPriorityQueue<RawEntry>((a, b) => a.t < b.t);
  const noop = (): void => {};
  const state = { next: 0 };
  for (let i = 0; i < n; i++) heap.add({ t: DELAYS[i & MASK]!, fn: noop, arg: state });
  return heap;
}

/** The workloads by name, as the isolated runner (isolate.ts) asks for them. */
export const ENGINE_WORKLOADS = {
  raw: rawHold,
  callbacks: () => callbackHold(),
  traceGuard: () => callbackHold(true),
  processes: processHold,
  pipeline,
  dedicatedShares: () => sharedLayers(true),
  processorSharing: () => sharedLayers(false),
} as const satisfies Record<string, () => number>;

export type EngineWorkload = keyof typeof ENGINE_WORKLOADS;
