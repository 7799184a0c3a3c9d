/**
 * Engine benchmarks (issues 2 and 13): the workloads of engine-workloads.ts, each measured in a
 * fresh worker thread (isolate.ts says why), interleaved so that drift in machine load hits all
 * of them alike, and reported as ratios to the raw fastpriorityqueue loop (or, for processor
 * sharing, to the same edge layers at dedicated shares).
 */
import { rateInFreshIsolate } from './isolate.ts';
import { heapBytesPerItem } from './measure.ts';
import { PENDING, PIPELINE, SHARED, pendingCallbacks, pendingRaw } from './engine-workloads.ts';

const REPEATS = 5;

export interface EngineBench {
  hold: {
    eventsPerS: number;
    rawLoopEventsPerS: number;
    ratio: number;
    bytesPerPendingEvent: number;
    rawLoopBytesPerPendingEvent: number;
    /** The same callbacks with the trace guard of the simulation and no listener, over without. */
    traceOffRatio: number;
  };
  holdProcesses: { eventsPerS: number; ratio: number };
  pipeline: {
    eventsPerS: number;
    events: number;
    wallS: number;
    ratio: number;
    users: number;
    servers: number;
  };
  /** The same edge layers through processor-sharing servers and at dedicated shares. */
  processorSharing: {
    eventsPerS: number;
    dedicatedEventsPerS: number;
    events: number;
    /** Processor sharing over dedicated shares (the goal: at least 0.5). */
    ratio: number;
    users: number;
    servers: number;
    layersPerUser: number;
  };
}

export async function benchEngine(): Promise<EngineBench> {
  // Interleaved (raw and callbacks, dedicated shares twice) against drift in machine load.
  const measure = (w: Parameters<typeof rateInFreshIsolate>[0]) => rateInFreshIsolate(w, REPEATS);
  const raw = await measure('raw');
  const plain = await measure('callbacks');
  const guarded = await measure('traceGuard');
  const plainAgain = await measure('callbacks');
  const callbacks = plain.eventsPerS > plainAgain.eventsPerS ? plain : plainAgain;
  const processes = await measure('processes');
  const rawAgain = await measure('raw');
  const rawRate = Math.max(raw.eventsPerS, rawAgain.eventsPerS);
  const pipe = await measure('pipeline');
  const dedicated = await measure('dedicatedShares');
  const shared = await measure('processorSharing');
  const dedicatedAgain = await measure('dedicatedShares');
  const dedicatedRate = Math.max(dedicated.eventsPerS, dedicatedAgain.eventsPerS);
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
      events: pipe.events,
      wallS: pipe.wallS,
      ratio: pipe.eventsPerS / rawRate,
      users: PIPELINE.users,
      servers: PIPELINE.servers,
    },
    processorSharing: {
      eventsPerS: shared.eventsPerS,
      dedicatedEventsPerS: dedicatedRate,
      events: shared.events,
      ratio: shared.eventsPerS / dedicatedRate,
      users: SHARED.users,
      servers: SHARED.servers,
      layersPerUser: SHARED.batchesPerUser * SHARED.edgeLayers,
    },
  };
}

const rate = (eventsPerS: number): string => `${(eventsPerS / 1e6).toFixed(2)} M events/s`;
const pct = (ratio: number): string => `${(100 * ratio).toFixed(0)}% of raw loop`;

export function formatEngine(e: EngineBench): string[] {
  const { hold, holdProcesses, pipeline, processorSharing: ps } = e;
  const bytes = (b: number): string => `${b.toFixed(0)} B per pending event`;
  return [
    'engine (same run, same machine, each workload in a fresh worker thread; goals: callbacks >= 93%,',
    '        processes >= 35%, < 120 B per pending event, processor sharing >= 50% of dedicated shares)',
    `  raw fastpriorityqueue loop   ${rate(hold.rawLoopEventsPerS)}   ${bytes(hold.rawLoopBytesPerPendingEvent)}`,
    `  hold, callbacks              ${rate(hold.eventsPerS)}   ${pct(hold.ratio)}   ${bytes(hold.bytesPerPendingEvent)}`,
    `  hold, generator processes    ${rate(holdProcesses.eventsPerS)}   ${pct(holdProcesses.ratio)}`,
    `  hold, trace guard, no listener  ${(100 * hold.traceOffRatio).toFixed(0)}% of plain callbacks` +
      ' (tracing off costs one boolean test)',
    `  pipeline (${pipeline.users} users, ${pipeline.servers} servers)  ${rate(pipeline.eventsPerS)}   ` +
      `${pct(pipeline.ratio)}   ${pipeline.events} events in ${pipeline.wallS.toFixed(2)} s`,
    `  edge layers (${ps.users} users, ${ps.servers} servers, ${ps.layersPerUser} layers each, ${ps.events} events):`,
    `    dedicated shares ${rate(ps.dedicatedEventsPerS)}, processor sharing ${rate(ps.eventsPerS)}` +
      ` = ${(100 * ps.ratio).toFixed(0)}% of dedicated`,
  ];
}
