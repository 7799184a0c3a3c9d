/**
 * A trace streamed to a file: the sim/trace writer of the format, over an atomic file
 * (src/files) in 64 KiB chunks. Nothing appears under the path until `close()`; `abort()`, a
 * failure or an interrupt of the process leaves no partial trace.
 */
import { AtomicFile } from '../files/index.ts';
import type { SimTraceRecord } from '../../sim/trace/records.ts';
import { ChunkedSink } from '../../sim/trace/sink.ts';
import { traceWriter, type TraceFormat, type TraceWriter } from '../../sim/trace/writer.ts';

export type { TraceFormat } from '../../sim/trace/writer.ts';

export class TraceFile {
  private readonly file: AtomicFile;
  private readonly sink: ChunkedSink;
  private readonly writer: TraceWriter;

  constructor(path: string, format: TraceFormat) {
    this.file = new AtomicFile(path);
    this.sink = new ChunkedSink((chunk) => this.file.write(chunk));
    this.writer = traceWriter(format, this.sink);
  }

  /** The listener to pass as `onTrace`. */
  readonly write = (record: SimTraceRecord): void => this.writer.write(record);

  close(): void {
    this.writer.end();
    this.sink.flush();
    this.file.commit();
  }

  abort(): void {
    this.file.abort();
  }
}
