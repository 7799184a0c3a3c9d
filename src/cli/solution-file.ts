/**
 * The solution file (DESIGN.md contract), written the same way by `optimize --out` and by `run`
 * (one file per method): the allocation, the metrics, and how the optimizer got there. JSON has
 * no Infinity, so an unbounded value is null.
 */
import type { Allocation, Metrics } from '../model/index.ts';
import { finiteOrNull, metricsToJson } from '../scenario/format.ts';
import { jsonText } from './json-output.ts';

export interface SolvedAllocation {
  readonly algorithm: string;
  readonly allocation: Allocation;
  readonly metrics: Metrics;
  /** Objective after each outer iteration of the kept start. */
  readonly history: readonly number[];
  /** Starting associations tried (absent where the caller does not know it). */
  readonly starts?: number;
  readonly lpSolves: number;
  /** The `--fix` decisions it was found under (written only when there are some). */
  readonly fixed?: readonly string[];
  /** The budget that stopped the optimizer before it converged, as given (`--max-wall 30`). */
  readonly stoppedBy?: string;
}

export function solutionFileText(s: SolvedAllocation): string {
  const a = s.allocation;
  return jsonText({
    algorithm: s.algorithm,
    iterations: s.history.length,
    association: a.association,
    localLayers: a.localLayers,
    powerW: a.powerW,
    bandwidthHz: a.bandwidthHz,
    userFreqHz: a.userFreqHz,
    edgeFreqHz: a.edgeFreqHz,
    metrics: metricsToJson(s.metrics),
    history: s.history.map(finiteOrNull),
    ...(s.starts === undefined ? {} : { starts: s.starts }),
    lpSolves: s.lpSolves,
    ...(s.fixed === undefined || s.fixed.length === 0 ? {} : { fixed: s.fixed }),
    ...(s.stoppedBy === undefined ? {} : { partial: true, stoppedBy: s.stoppedBy }),
  });
}
