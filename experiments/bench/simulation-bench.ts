/**
 * Simulation benchmark. `paper`: the paper-default 50×10 scenario for one simulated hour with
 * 100 ms Rayleigh blocks and an epoch every 10 s (policy `reference`, so the figure measures the
 * simulator, not the optimizer), without a trace, with a JSONL trace streamed to a file, and with
 * a four times longer traced run to show that memory does not grow with trace length.
 *
 * `city`: 10,000 users × 100 servers for one simulated hour, and 20,000 × 100 for 20 minutes.
 * A million user-server pairs cannot be redrawn every 0.1 s (3.6e10 draws an hour), so the city
 * runs use 30 s fading blocks (a pedestrian's coherence time at walking speed is far shorter; a
 * 30 s block stands for the slow, shadowing-scale variation an allocation can react to) and an
 * epoch every 5 minutes with the cheap `reference` policy. A block computes only the gains in
 * use (each user's link), an epoch all million (the policy reads the whole matrix), each pair with
 * exactly the draw it would have if all were redrawn every block (sim/channel.ts). The channel
 * and the epochs, not the event loop, are the cost: with the paper's hardware one training step
 * lasts ~10^4 s, so an hour holds few layer events.
 */
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScenario } from '../../src/scenario/generate.ts';
import type { SimConfig } from '../../sim/config.ts';
import type { Policy } from '../../sim/policy.ts';
import { policyNamed } from '../../sim/policies.ts';
import { simulate } from '../../sim/run.ts';
import { ChunkedSink } from '../../sim/trace/sink.ts';
import { traceWriter } from '../../sim/trace/writer.ts';
import { collectGarbage } from './measure.ts';

const HOUR_S = 3600;

interface Workload {
  users: number;
  servers: number;
  durationS: number;
  coherenceS: number;
  epochS: number;
}

const PAPER: Workload = { users: 50, servers: 10, durationS: HOUR_S, coherenceS: 0.1, epochS: 10 };
const CITY: Workload = { users: 10_000, servers: 100, durationS: HOUR_S, coherenceS: 30, epochS: 300 };
const CITY_20K: Workload = { ...CITY, users: 20_000, durationS: HOUR_S / 3 };

function config(w: Workload): Partial<SimConfig> {
  return {
    durationS: w.durationS,
    maxStepsPerUser: Infinity,
    fading: { kind: 'rayleigh', coherenceS: w.coherenceS, ricianK: 0 },
    epoch: { everyS: w.epochS, rateChange: Infinity },
  };
}

interface SimRun {
  events: number;
  wallS: number;
  eventsPerS: number;
  /** Largest live heap (after a full GC), sampled at epochs, in MiB. */
  peakLiveHeapMiB: number;
  traceMiB?: number;
}

export interface CityRun extends SimRun {
  users: number;
  servers: number;
  simulatedS: number;
  /** Wall time of generating the scenario (not in `wallS`). */
  scenarioS: number;
  /** Fading blocks in the run (each pair's stream advances once a block). */
  blocks: number;
}

/** `reference`, sampling the live heap after a full collection every `every`-th epoch. */
function heapSampling(every: number): { policy: Policy; peakBytes: () => number } {
  const reference = policyNamed('reference', { seed: 1 })!;
  let peak = 0;
  let epochs = 0;
  const policy: Policy = {
    name: reference.name,
    decide: (observation) => {
      if (epochs++ % every === 0) {
        collectGarbage();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
      return reference.decide(observation);
    },
  };
  return { policy, peakBytes: () => peak };
}

async function timedRun(
  w: Workload,
  traced: boolean,
  heapEvery: number,
): Promise<SimRun & { scenarioS: number }> {
  const t0 = performance.now();
  const scenario = generateScenario({ seed: 1, users: w.users, servers: w.servers });
  const scenarioS = (performance.now() - t0) / 1000;
  const path = join(tmpdir(), `mecsim-bench-${process.pid}.jsonl`);
  const fd = traced ? openSync(path, 'w') : -1;
  const sink = new ChunkedSink((chunk) => writeSync(fd, chunk));
  const trace = traced ? traceWriter('jsonl', sink) : undefined;
  const { policy, peakBytes } = heapSampling(heapEvery);
  collectGarbage();
  const t1 = performance.now();
  const result = await simulate(scenario, {
    policy,
    config: config(w),
    ...(trace ? { onTrace: trace.write } : {}),
  });
  const wallS = (performance.now() - t1) / 1000;
  const run: SimRun & { scenarioS: number } = {
    events: result.events,
    wallS,
    eventsPerS: result.events / wallS,
    peakLiveHeapMiB: peakBytes() / 2 ** 20,
    scenarioS,
  };
  if (trace) {
    trace.end();
    sink.flush();
    closeSync(fd);
    run.traceMiB = statSync(path).size / 2 ** 20;
    rmSync(path);
  }
  return run;
}

async function cityRun(w: Workload): Promise<CityRun> {
  const { scenarioS, ...run } = await timedRun(w, false, 1);
  return {
    ...run,
    users: w.users,
    servers: w.servers,
    simulatedS: w.durationS,
    scenarioS,
    // The block at t = 0, then one per coherence time before the end.
    blocks: Math.ceil(w.durationS / w.coherenceS),
  };
}

export interface SimulationBench {
  scenario: string;
  untraced: SimRun;
  traced: SimRun;
  tracedFourHours: SimRun;
  city: { setting: string; runs: CityRun[] };
  /** Peak resident set size of the whole bench process, in MiB. */
  peakRssMiB: number;
}

export async function benchSimulation(): Promise<SimulationBench> {
  // Every sixth epoch of the paper runs is a simulated minute.
  const strip = ({ scenarioS: _, ...run }: SimRun & { scenarioS: number }): SimRun => run;
  const untraced = strip(await timedRun(PAPER, false, 6));
  const traced = strip(await timedRun(PAPER, true, 6));
  const tracedFourHours = strip(await timedRun({ ...PAPER, durationS: 4 * HOUR_S }, true, 6));
  const city = [await cityRun(CITY), await cityRun(CITY_20K)];
  return {
    scenario:
      'paper preset, 50 users, 10 servers, seed 1; 1 h; Rayleigh blocks of 0.1 s; epoch every 10 s (policy reference)',
    untraced,
    traced,
    tracedFourHours,
    city: {
      setting:
        'paper preset, seed 1, 100 servers; Rayleigh blocks of 30 s; ' +
        'epoch every 300 s (policy reference); no trace',
      runs: city,
    },
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

export function formatSimulation(s: SimulationBench): string[] {
  const row = (label: string, r: SimRun): string =>
    `  ${label.padEnd(22)} ${r.events} events in ${r.wallS.toFixed(2)} s (${(r.eventsPerS / 1e3).toFixed(1)} k events/s), live heap <= ${r.peakLiveHeapMiB.toFixed(1)} MiB` +
    (r.traceMiB === undefined ? '' : `, trace ${r.traceMiB.toFixed(1)} MiB`);
  const cityRow = (r: CityRun): string =>
    `  ${`${r.users} × ${r.servers}, ${r.simulatedS / 60} min`.padEnd(22)} ${r.wallS.toFixed(2)} s (scenario ${r.scenarioS.toFixed(2)} s), ` +
    `${r.events} events (${r.eventsPerS.toFixed(0)} events/s), ${r.blocks} fading blocks of ${(r.users * r.servers) / 1e6} M pairs, ` +
    `live heap <= ${r.peakLiveHeapMiB.toFixed(0)} MiB`;
  return [
    `simulation: ${s.scenario}`,
    row('no trace, 1 h', s.untraced),
    row('JSONL trace, 1 h', s.traced),
    row('JSONL trace, 4 h', s.tracedFourHours),
    `city: ${s.city.setting} (goal: 10,000 × 100 for 1 h under 30 s on 2 cores)`,
    ...s.city.runs.map(cityRow),
    `  peak RSS of the bench process ${s.peakRssMiB.toFixed(0)} MiB`,
  ];
}
