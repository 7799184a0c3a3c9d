/**
 * A trace streamed to a file: the sim/trace writer of the format, over a file sink in 64 KiB
 * chunks. The file is written under a temporary name and renamed on `close()`; `abort()` removes
 * it, so a failed run leaves no partial trace.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { SimTraceRecord } from '../../sim/trace/records.ts';
import { ChunkedSink } from '../../sim/trace/sink.ts';
import { traceWriter, type TraceFormat, type TraceWriter } from '../../sim/trace/writer.ts';

export type { TraceFormat } from '../../sim/trace/writer.ts';

export class TraceFile {
  private readonly fd: number;
  private readonly tmpPath: string;
  private readonly sink: ChunkedSink;
  private readonly writer: TraceWriter;

  constructor(
    private readonly path: string,
    format: TraceFormat,
  ) {
    this.tmpPath = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.tmpPath, 'w');
    this.sink = new ChunkedSink((chunk) => writeSync(this.fd, chunk));
    this.writer = traceWriter(format, this.sink);
  }

  /** The listener to pass as `onTrace`. */
  readonly write = (record: SimTraceRecord): void => this.writer.write(record);

  close(): void {
    this.writer.end();
    this.sink.flush();
    closeSync(this.fd);
    renameSync(this.tmpPath, this.path);
  }

  abort(): void {
    closeSync(this.fd);
    rmSync(this.tmpPath, { force: true });
  }
}
