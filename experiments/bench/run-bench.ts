/**
 * `mecsim bench`: every benchmark section, as one JSON-able document keyed by section
 * (`engine`, later `optimizer`, `simulation`), plus a plain-text rendering for the terminal.
 */
import { benchEngine, type EngineBench } from './engine-bench.ts';

export interface BenchReport {
  version: 1;
  engine: EngineBench;
}

export function runBenchmarks(): BenchReport {
  return { version: 1, engine: benchEngine() };
}

const rate = (eventsPerS: number): string => `${(eventsPerS / 1e6).toFixed(2)} M events/s`;
const pct = (ratio: number): string => `${(100 * ratio).toFixed(0)}% of raw loop`;

export function formatBenchReport(report: BenchReport): string {
  const { hold, holdProcesses, pipeline } = report.engine;
  return [
    'engine (same run, same machine; goals: callbacks >= 70%, processes >= 35%, < 120 B per pending event)',
    `  raw fastpriorityqueue loop   ${rate(hold.rawLoopEventsPerS)}   ${hold.rawLoopBytesPerPendingEvent.toFixed(0)} B per pending event`,
    `  hold, callbacks              ${rate(hold.eventsPerS)}   ${pct(hold.ratio)}   ${hold.bytesPerPendingEvent.toFixed(0)} B per pending event`,
    `  hold, generator processes    ${rate(holdProcesses.eventsPerS)}   ${pct(holdProcesses.ratio)}`,
    `  pipeline (${pipeline.users} users, ${pipeline.servers} servers)  ${rate(pipeline.eventsPerS)}   ${pct(pipeline.ratio)}   ${pipeline.events} events in ${pipeline.wallS.toFixed(2)} s`,
  ].join('\n');
}
