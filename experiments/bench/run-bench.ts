/**
 * `mecsim bench`: every benchmark section, as one JSON-able document keyed by section
 * (`engine`, `simulation`, …), plus a plain-text rendering for the terminal.
 */
import { benchEngine, type EngineBench, formatEngine } from './engine-bench.ts';
import { benchSimulation, type SimulationBench } from './simulation-bench.ts';
import { benchOptimizer, formatOptimizer, type OptimizerBench } from './optimizer-bench.ts';

export interface BenchReport {
  version: 1;
  engine: EngineBench;
  simulation: SimulationBench;
  optimizer: OptimizerBench;
}

export async function runBenchmarks(): Promise<BenchReport> {
  const engine = benchEngine();
  const simulation = await benchSimulation();
  const optimizer = await benchOptimizer();
  return { version: 1, engine, simulation, optimizer };
}

function formatSimulation(s: SimulationBench): string[] {
  const row = (label: string, r: SimulationBench['untraced']): string =>
    `  ${label.padEnd(22)} ${r.events} events in ${r.wallS.toFixed(2)} s (${(r.eventsPerS / 1e3).toFixed(1)} k events/s), live heap <= ${r.peakLiveHeapMiB.toFixed(1)} MiB`
    + (r.traceMiB === undefined ? '' : `, trace ${r.traceMiB.toFixed(1)} MiB`);
  return [
    `simulation: ${s.scenario}`,
    row('no trace, 1 h', s.untraced),
    row('JSONL trace, 1 h', s.traced),
    row('JSONL trace, 4 h', s.tracedFourHours),
    `  peak RSS of the bench process ${s.peakRssMiB.toFixed(0)} MiB`,
  ];
}

export function formatBenchReport(report: BenchReport): string {
  return [...formatEngine(report.engine), '', ...formatSimulation(report.simulation), '', ...formatOptimizer(report.optimizer)].join('\n');
}
