/**
 * Simulation benchmark (issue 5): the paper-default 50×10 scenario for one simulated hour with
 * 100 ms Rayleigh blocks and an epoch every 10 s (policy `reference`, so the figure measures the
 * simulator, not the optimizer), without a trace, with a JSONL trace streamed to a file, and with
 * a four times longer traced run to show that memory does not grow with trace length.
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScenario } from '../../src/scenario/generate.ts';
import { TraceFile } from '../../src/cli/trace-file.ts';
import type { SimConfig } from '../../sim/config.ts';
import { policyNamed } from '../../sim/policies.ts';
import { simulate } from '../../sim/run.ts';
import { collectGarbage } from './measure.ts';

const HOUR_S = 3600;

function config(durationS: number): Partial<SimConfig> {
  return {
    durationS,
    maxStepsPerUser: Infinity,
    fading: { kind: 'rayleigh', coherenceS: 0.1, ricianK: 0 },
    epoch: { everyS: 10, rateChange: Infinity },
  };
}

interface SimRun {
  events: number;
  wallS: number;
  eventsPerS: number;
  /** Largest live heap (after a full GC) sampled every 60 simulated seconds, in MiB. */
  peakLiveHeapMiB: number;
  traceMiB?: number;
}

async function timedRun(durationS: number, traced: boolean): Promise<SimRun> {
  const scenario = generateScenario({ seed: 1 });
  const path = join(tmpdir(), `mecsim-bench-${process.pid}.jsonl`);
  const trace = traced ? new TraceFile(path, 'jsonl') : undefined;
  const reference = policyNamed('reference', { seed: 1 })!;
  let peakHeap = 0;
  let epochs = 0;
  const policy = {
    name: reference.name,
    allocate: (s: Parameters<typeof reference.allocate>[0], prev: Parameters<typeof reference.allocate>[1]) => {
      // Every sixth epoch (a simulated minute): live heap after a full collection.
      if (epochs++ % 6 === 0) {
        collectGarbage();
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
      return reference.allocate(s, prev);
    },
  };
  collectGarbage();
  const t0 = performance.now();
  const result = await simulate(scenario, { policy, config: config(durationS), ...(trace ? { onTrace: trace.write } : {}) });
  const wallS = (performance.now() - t0) / 1000;
  const run: SimRun = { events: result.events, wallS, eventsPerS: result.events / wallS, peakLiveHeapMiB: peakHeap / 2 ** 20 };
  if (trace) {
    trace.close();
    run.traceMiB = statSync(path).size / 2 ** 20;
    rmSync(path);
  }
  return run;
}

export interface SimulationBench {
  scenario: string;
  untraced: SimRun;
  traced: SimRun;
  tracedFourHours: SimRun;
  /** Peak resident set size of the whole bench process, in MiB. */
  peakRssMiB: number;
}

export async function benchSimulation(): Promise<SimulationBench> {
  const untraced = await timedRun(HOUR_S, false);
  const traced = await timedRun(HOUR_S, true);
  const tracedFourHours = await timedRun(4 * HOUR_S, true);
  return {
    scenario: 'paper preset, 50 users, 10 servers, seed 1; 1 h; Rayleigh blocks of 0.1 s; epoch every 10 s (policy reference)',
    untraced,
    traced,
    tracedFourHours,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}
