/**
 * `mecsim bench`: every benchmark section, as one JSON-able document keyed by section
 * (`engine`, `simulation`, …), plus a plain-text rendering for the terminal.
 */
import { benchEngine, type EngineBench, formatEngine } from './engine-bench.ts';
import { benchSimulation, formatSimulation, type SimulationBench } from './simulation-bench.ts';
import { benchOptimizer, formatOptimizer, type OptimizerBench } from './optimizer-bench.ts';
import { benchRunner, formatRunner, type RunnerBench } from './runner-bench.ts';
import { benchPolicy, formatPolicy, type PolicyBench } from './policy-bench.ts';

export interface BenchReport {
  version: 1;
  engine: EngineBench;
  simulation: SimulationBench;
  policy: PolicyBench;
  optimizer: OptimizerBench;
  runner: RunnerBench;
}

export async function runBenchmarks(): Promise<BenchReport> {
  const engine = await benchEngine();
  const simulation = await benchSimulation();
  const policy = await benchPolicy();
  const optimizer = await benchOptimizer();
  const runner = await benchRunner();
  return { version: 1, engine, simulation, policy, optimizer, runner };
}

export function formatBenchReport(report: BenchReport): string {
  return [
    ...formatEngine(report.engine),
    '',
    ...formatSimulation(report.simulation),
    '',
    ...formatPolicy(report.policy),
    '',
    ...formatOptimizer(report.optimizer),
    '',
    ...formatRunner(report.runner),
  ].join('\n');
}
