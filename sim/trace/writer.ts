/**
 * Trace writers: `jsonl`, one record per line exactly as the simulation emits it; `chrome`, the
 * Chrome / Perfetto trace-event format (open in ui.perfetto.dev or chrome://tracing). A writer
 * streams text to a sink as records come; `end` writes what closes the document.
 */
import { ChromeTraceWriter } from './chrome.ts';
import { JsonlTraceWriter } from './jsonl.ts';
import type { SimTraceRecord } from './records.ts';
import type { TextSink } from './sink.ts';

export type TraceFormat = 'jsonl' | 'chrome';

export const TRACE_FORMATS: readonly TraceFormat[] = ['jsonl', 'chrome'];

export interface TraceWriter {
  /** The listener to pass as `onTrace`. */
  readonly write: (record: SimTraceRecord) => void;
  end(): void;
}

export function traceWriter(format: TraceFormat, sink: TextSink): TraceWriter {
  return format === 'jsonl' ? new JsonlTraceWriter(sink) : new ChromeTraceWriter(sink);
}
