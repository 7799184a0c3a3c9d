/**
 * The one place experiments call the optimizer: a method name and a scenario in, an allocation,
 * its metrics and the convergence history out. An optimizer API change touches this file only.
 */
import { evaluate, referenceAllocation, type Allocation, type Metrics } from '../src/model/index.ts';
import { ALGORITHMS, optimize, type AlgorithmName, type FixedDecisions } from '../src/optimizer/index.ts';
import { finiteOrNull } from '../src/scenario/format.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { Row } from './experiment.ts';

/** An optimizer algorithm, or `reference`: the reference allocation of MODEL.md (α = 1, equal
 *  shares, highest-gain servers), evaluated without optimising — the validation's baseline. */
export type Method = AlgorithmName | 'reference';
export const METHODS: readonly Method[] = [...ALGORITHMS, 'reference'];

export const isMethod = (name: string): name is Method => (METHODS as readonly string[]).includes(name);

export interface Solved {
  readonly allocation: Allocation;
  readonly metrics: Metrics;
  /** Objective after each outer iteration of the kept start ([0]: after the first resource step). */
  readonly history: readonly number[];
  /** Linear programs solved (every CCCP iteration of every start and outer iteration). */
  readonly lpSolves: number;
}

export interface SolveOptions {
  /** Seed of the method's random draws (random starts, random baselines): the run's seed. */
  readonly seed: number;
  readonly starts: number;
  /** Decisions held fixed (experiment files' optimizer.fix); none by default. */
  readonly fix?: FixedDecisions | undefined;
}

export async function solve(scenario: Scenario, method: Method, o: SolveOptions): Promise<Solved> {
  if (method === 'reference') {
    const allocation = referenceAllocation(scenario);
    const metrics = evaluate(scenario, allocation);
    return { allocation, metrics, history: [metrics.objective], lpSolves: 0 };
  }
  const s = await optimize(scenario, {
    algorithm: method,
    seed: o.seed,
    starts: o.starts,
    ...(o.fix === undefined ? {} : { fix: o.fix }),
  });
  return { allocation: s, metrics: s.metrics, history: s.history, lpSolves: s.lpSolves };
}

/** The columns every method-comparison row carries. */
export const METRIC_COLUMNS = [
  'objective',
  'totalEnergyJ',
  'userEnergyJ',
  'edgeEnergyJ',
  'meanDelayS',
  'stability',
  'meanLocalLayers',
  'iterations',
] as const;

/**
 * Metrics of a solved allocation as row cells. The user side is local compute plus uplink, the
 * edge side the servers' compute; an unbounded stability (local-only) is null.
 */
export function metricCells(s: Solved): Row {
  let userEnergyJ = 0;
  let edgeEnergyJ = 0;
  for (const u of s.metrics.perUser) {
    userEnergyJ += u.localEnergyJ + u.uplinkEnergyJ;
    edgeEnergyJ += u.edgeEnergyJ;
  }
  const layers = s.allocation.localLayers;
  return {
    objective: finiteOrNull(s.metrics.objective),
    totalEnergyJ: s.metrics.totalEnergyJ,
    userEnergyJ,
    edgeEnergyJ,
    meanDelayS: s.metrics.meanDelayS,
    stability: finiteOrNull(s.metrics.stability),
    meanLocalLayers: layers.reduce((a, b) => a + b, 0) / layers.length,
    iterations: s.history.length,
  };
}
