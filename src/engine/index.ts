export { Simulation, type RunOptions } from './simulation.ts';
export { SimEvent, Condition, Interrupt, allOf, anyOf, type EventCallback } from './events.ts';
export { Process, type ProcessGenerator, type Yieldable } from './process.ts';
export { EventQueue, type Callback, type Entry } from './event-queue.ts';
export { LANE_NORMAL, LANE_URGENT } from './priorities.ts';
export { Resource, Store } from './resources.ts';
export { ProcessorSharingServer, type SharedJob } from './processor-sharing.ts';
export { TraceBus, type TraceListener, type TraceRecord } from './trace.ts';
