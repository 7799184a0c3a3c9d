/**
 * The default end-to-end job (`mecsim run`, `npm start`): one scenario, every method optimised and
 * evaluated, each solution simulated for one step per user in static mode to check the closed
 * form, and the proposed solution's trace. Pure of I/O: the CLI writes the files.
 */
import type { SimTraceRecord } from '../sim/trace/records.ts';
import type { Metrics } from '../src/model/index.ts';
import { finiteOrNull } from '../src/scenario/format.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { staticPolicy } from '../sim/policy.ts';
import { simulate } from '../sim/run.ts';
import { compareWithAnalytic } from '../sim/validation.ts';
import type { AlgorithmName } from '../src/optimizer/index.ts';
import { solve, type Method, type Solved } from './methods.ts';

export const DEFAULT_JOB_METHODS: readonly AlgorithmName[] = [
  'proposed',
  'ao',
  'layers-only',
  'resources-only',
  'greedy',
  'random',
  'local-only',
  'edge-only',
];

/** Methods outside constraint (9a): reported beside the others, never ranked against them. */
export const OUTSIDE_9A: readonly Method[] = ['local-only', 'edge-only'];

export interface MethodResult {
  readonly method: Method;
  readonly solved: Solved;
  /** Simulated one-step mean delay and its relative error against the analytic one. */
  readonly simulatedMeanDelayS: number;
  readonly maxSimRelError: number;
}

export interface DefaultJobOptions {
  readonly methods: readonly Method[];
  /** Master seed of the methods' random draws and of the simulation (the CLI's one seed). */
  readonly seed: number;
  readonly starts: number;
  /** Told `(done, total)` methods: once before the first, then after each. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Receives the trace of the first method's simulated step. */
  readonly onTrace?: (record: SimTraceRecord) => void;
}

/** Lets pending signals (Ctrl-C) and I/O run: the optimizer's awaits are microtasks only. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function runDefaultJob(scenario: Scenario, o: DefaultJobOptions): Promise<MethodResult[]> {
  const results: MethodResult[] = [];
  o.onProgress?.(0, o.methods.length);
  for (const [i, method] of o.methods.entries()) {
    const solved = await solve(scenario, method, { seed: o.seed, starts: o.starts });
    const sim = await simulate(scenario, {
      policy: staticPolicy(solved.allocation),
      seed: o.seed,
      ...(i === 0 && o.onTrace ? { onTrace: o.onTrace } : {}),
    });
    const report = compareWithAnalytic(solved.metrics, sim.metrics);
    results.push({
      method,
      solved,
      simulatedMeanDelayS: sim.metrics.meanDelayS,
      maxSimRelError: report.maxAbsRelError,
    });
    o.onProgress?.(i + 1, o.methods.length);
    await yieldToEventLoop();
  }
  return results;
}

/** One summary row per method (JSON/CSV-ready; unbounded values as null). */
export function summaryRow(r: MethodResult): Record<string, string | number | boolean | null> {
  const m: Metrics = r.solved.metrics;
  const layers = r.solved.allocation.localLayers;
  return {
    method: r.method,
    within9a: !OUTSIDE_9A.includes(r.method),
    objective: finiteOrNull(m.objective),
    meanDelayS: finiteOrNull(m.meanDelayS),
    totalEnergyJ: finiteOrNull(m.totalEnergyJ),
    stability: finiteOrNull(m.stability),
    meanLocalLayers: layers.reduce((a, b) => a + b, 0) / layers.length,
    iterations: r.solved.history.length,
    simulatedMeanDelayS: finiteOrNull(r.simulatedMeanDelayS),
    maxSimRelError: finiteOrNull(r.maxSimRelError),
  };
}
