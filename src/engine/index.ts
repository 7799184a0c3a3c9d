/**
 * The engine's core: the clock and its event queue, processor sharing and the trace bus. The
 * optional process layer (generators, events, resources) is `./process/index.ts`.
 */
export { Simulation, type RunEnd, type RunOptions } from './simulation.ts';
export { type Callback, type Entry, type EventKey, type EventQueue, keyBefore } from './queue.ts';
export { HeapQueue } from './heap-queue.ts';
export { LANE_NORMAL, LANE_URGENT } from './priorities.ts';
export { ProcessorSharingServer, type SharedJob } from './processor-sharing.ts';
export { TraceBus, type TraceListener, type TraceRecord } from './trace.ts';
