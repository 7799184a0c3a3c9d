/**
 * The trace bus: a typed wrapper over eventemitter3 with an `active` flag that producers test
 * before building a record, so tracing costs one boolean check per event when nobody listens.
 */
import { EventEmitter } from 'eventemitter3';

/** One trace record: a time, a type, and any flat fields (user, server, layer, batch, …). */
export interface TraceRecord {
  t: number;
  type: string;
  [field: string]: unknown;
}

export type TraceListener = (record: TraceRecord) => void;

export class TraceBus {
  private readonly emitter = new EventEmitter<{ record: [TraceRecord] }>();
  /** True while at least one listener is attached; test it before building a record. */
  active = false;

  on(listener: TraceListener): () => void {
    this.emitter.on('record', listener);
    this.active = true;
    return () => this.off(listener);
  }

  off(listener: TraceListener): void {
    this.emitter.off('record', listener);
    this.active = this.emitter.listenerCount('record') > 0;
  }

  emit(record: TraceRecord): void {
    this.emitter.emit('record', record);
  }
}
