/**
 * `simulate`: one run of the MEC split fine-tuning simulation (MODEL.md §9). It wires the parts —
 * channel, epoch controller, edge servers, user devices, channel clock — and runs the engine
 * between epochs: at an epoch the engine stops, the run awaits the policy (the optimizer is
 * asynchronous: HiGHS), and resumes. Trace records go to `onTrace`; nothing here touches files.
 */
import { Simulation } from '../src/engine/index.ts';
import { RandomStreams } from '../src/random/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { ChannelState } from './channel.ts';
import { ChannelClock } from './channel-clock.ts';
import { DEFAULT_SIM_CONFIG, type SimConfig } from './config.ts';
import { UserDevice } from './device.ts';
import { edgeServers } from './edge/server.ts';
import { EpochController, type EpochRecord } from './epochs.ts';
import { MetricsCollector, type SimMetrics } from './metrics.ts';
import type { Policy } from './policy.ts';
import { hasReplanCosts, migrationBitsPerLayer } from './replan.ts';
import type { SimTraceRecord } from './trace/records.ts';

export type { EpochRecord } from './epochs.ts';

export interface SimResult {
  metrics: SimMetrics;
  epochs: EpochRecord[];
  /** Engine events processed. */
  events: number;
  /** Simulated time at the end. */
  endS: number;
  /** Present when the run was stopped before its end by `maxEvents` or `onSlice`: the metrics
   *  cover the steps completed until then. */
  partial?: true;
}

/** Where a run is, handed to `onSlice` between slices. */
export interface SimProgress {
  readonly events: number;
  readonly timeS: number;
  /** Steps completed by all users together. */
  readonly steps: number;
}

/** Events run between two looks of the caller (`onSlice`). */
const SLICE_EVENTS = 1 << 16;

export interface SimulateOptions {
  policy: Policy;
  /** Decides instead of `policy` at an epoch where its decision is infeasible (recorded in the
   *  epoch's `rejected`); without it an infeasible decision ends the run with a PolicyError. */
  fallback?: Policy;
  config?: Partial<SimConfig>;
  /** Master seed of the run's random streams; the scenario's seed by default. */
  seed?: number;
  /** Receives every trace record. */
  onTrace?: (record: SimTraceRecord) => void;
  /** Wall clock in seconds, for the optimizer time when `recordWallTime` (the CLI passes one). */
  wallClockS?: () => number;
  /** Stop after this many engine events, with a partial result. */
  maxEvents?: number;
  /**
   * Called every 65,536 events (progress; a caller that awaits a turn of its event loop here lets
   * signal handlers run mid-run); returning true stops the run with a partial result.
   */
  onSlice?: (progress: SimProgress) => boolean | void | Promise<boolean | void>;
}

export async function simulate(scenario: Scenario, options: SimulateOptions): Promise<SimResult> {
  const config: SimConfig = { ...DEFAULT_SIM_CONFIG, ...options.config };
  if (config.durationS === Infinity && config.maxStepsPerUser === Infinity) {
    throw new RangeError('config: give a finite durationS or maxStepsPerUser, or the run never ends');
  }
  const sim = new Simulation();
  const trace = options.onTrace ?? null;
  const channel = new ChannelState(scenario, config, new RandomStreams(options.seed ?? scenario.seed));
  const { replan } = config;
  const metrics = new MetricsCollector(scenario, hasReplanCosts(replan));
  const devices: UserDevice[] = [];
  const epochs = new EpochController({
    sim,
    scenario,
    config,
    policy: options.policy,
    fallback: options.fallback ?? null,
    channel,
    metrics,
    users: devices,
    trace,
    wallClockS: options.wallClockS,
  });
  let usersTraining = scenario.users.length;
  const context = {
    sim,
    scenario,
    config,
    plan: epochs,
    channel,
    servers: edgeServers(sim, scenario, config),
    metrics,
    trace,
    migrationBitsPerLayer: replan.migration ? migrationBitsPerLayer(scenario) : 0,
    onDone: () => {
      if (--usersTraining === 0) sim.stop();
    },
  };
  for (let n = 0; n < scenario.users.length; n++) devices.push(new UserDevice(n, context));
  await epochs.start();
  const clock = new ChannelClock({
    sim,
    config,
    channel,
    links: devices.map((d) => d.link),
    plan: epochs,
    trace,
    onGainChange: () => epochs.onGainChange(),
  });

  for (const device of devices) device.begin();
  clock.start();
  epochs.schedulePeriodic();
  const maxEvents = options.maxEvents ?? Infinity;
  let partial = false;
  for (;;) {
    const untilEvents = Math.min(maxEvents, sim.eventCount + SLICE_EVENTS);
    if (sim.run({ untilS: config.durationS, untilEvents }) === 'events') {
      const progress = { events: sim.eventCount, timeS: sim.now, steps: metrics.stepsDone };
      partial = sim.eventCount >= maxEvents || (await options.onSlice?.(progress)) === true;
      if (partial) break;
      continue;
    }
    const trigger = epochs.takePending();
    if (trigger === null) break;
    await epochs.apply(trigger);
  }
  await options.policy.end?.({ timeS: sim.now, sinceLast: metrics.window() });
  const result = { metrics: metrics.result(), epochs: epochs.records, events: sim.eventCount, endS: sim.now };
  return partial ? { ...result, partial: true } : result;
}
