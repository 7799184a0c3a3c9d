/**
 * The optional process layer (SimPy's model) on top of the core: events with callbacks, processes
 * as generator functions that yield a delay or an event, all-of / any-of conditions, and FIFO
 * resources and stores. Nothing in the core depends on it; the MEC simulation (sim/) uses plain
 * callbacks and does not import it. `new Process(sim, generator())` starts a process.
 */
export { SimEvent, Condition, Interrupt, allOf, anyOf, timeout, type EventCallback } from './events.ts';
export { Process, type ProcessGenerator, type Yieldable } from './process.ts';
export { Resource, Store } from './resources.ts';
