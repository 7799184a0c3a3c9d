/** The JSONL trace: one record per line, its fields in the order the simulation builds them. */
import type { SimTraceRecord } from './records.ts';
import type { TextSink } from './sink.ts';
import type { TraceWriter } from './writer.ts';

export class JsonlTraceWriter implements TraceWriter {
  constructor(private readonly sink: TextSink) {}

  readonly write = (record: SimTraceRecord): void => {
    this.sink.write(`${JSON.stringify(record)}\n`);
  };

  end(): void {}
}
