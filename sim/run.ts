/**
 * `simulate`: one run of the MEC split fine-tuning simulation (MODEL.md §9). The engine runs
 * synchronously between reallocation epochs; at an epoch the run pauses, awaits the policy (the
 * optimizer is asynchronous: HiGHS), applies the new allocation, and resumes. Trace records go to
 * `sim.trace` listeners (see `onTrace`); nothing here touches files.
 */
import { ProcessorSharingServer, Simulation, type TraceListener } from '../src/engine/index.ts';
import { RandomStreams } from '../src/random/index.ts';
import { evaluate, uplinkRateBps, type Allocation } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { ChannelState } from './channel.ts';
import { DEFAULT_SIM_CONFIG, hasChannelDynamics, type SimConfig } from './config.ts';
import type { Policy } from './policy.ts';
import { EPOCH_LANE, GAIN_LANE } from './priorities.ts';
import { MetricsCollector, type SimMetrics, type StepRecord } from './step-metrics.ts';
import { UserTraining, type TrainingContext } from './training.ts';

export interface EpochRecord {
  index: number;
  timeS: number;
  trigger: 'start' | 'period' | 'rate-change';
  policy: string;
  /** The analytic objective of the new allocation under the gains in force. */
  objective: number;
  /** Only with `config.recordWallTime`. */
  optimizerWallS?: number;
}

export interface SimResult {
  metrics: SimMetrics;
  epochs: EpochRecord[];
  /** Engine events processed. */
  events: number;
  /** Simulated time at the end. */
  endS: number;
}

export interface SimulateOptions {
  policy: Policy;
  config?: Partial<SimConfig>;
  /** Master seed of the run's random streams; the scenario's seed by default. */
  seed?: number;
  /** Receives every trace record (JSONL-ready objects). */
  onTrace?: TraceListener;
  /** Wall clock in seconds, for the optimizer time when `recordWallTime` (the CLI passes one). */
  wallClockS?: () => number;
}

function withGains(scenario: Scenario, gains: readonly (readonly number[])[]): Scenario {
  return { ...scenario, channelGain: gains.map((row) => [...row]) };
}

export async function simulate(scenario: Scenario, options: SimulateOptions): Promise<SimResult> {
  const config: SimConfig = { ...DEFAULT_SIM_CONFIG, ...options.config };
  if (config.durationS === Infinity && config.maxStepsPerUser === Infinity) {
    throw new RangeError('config: give a finite durationS or maxStepsPerUser, or the run never ends');
  }
  const sim = new Simulation();
  if (options.onTrace) sim.trace.on(options.onTrace);
  const streams = new RandomStreams(options.seed ?? scenario.seed);
  const channel = new ChannelState(scenario, config, streams);
  const metrics = new MetricsCollector(scenario);
  const epochs: EpochRecord[] = [];
  let usersLeft = scenario.users.length;
  let epochPending: EpochRecord['trigger'] | null = null;
  let ratesAtEpoch: number[] = [];

  const ctx: TrainingContext = {
    sim, scenario, config, gains: channel.gains,
    allocation: undefined as unknown as Allocation, // set by the first epoch below
    onStep: (record: StepRecord) => {
      metrics.add(record);
      if (sim.trace.active) sim.trace.emit({ t: sim.now, type: 'step', ...record, batch: record.step });
    },
    onUserDone: () => {
      if (--usersLeft === 0) sim.stop();
    },
  };
  const edgeGpus = scenario.servers.map((s) =>
    config.edgeGpu === 'processor-sharing' ? new ProcessorSharingServer(sim, s.maxFreqHz * s.gpuCores * s.flopsPerCycle) : null);
  const users = scenario.users.map((_, n) => new UserTraining(n, ctx, edgeGpus));

  const uplinkRates = (): number[] => users.map((_, n) => {
    const a = ctx.allocation;
    const m = a.association[n]!;
    return uplinkRateBps(a.bandwidthHz[n]!, channel.gains[n]![m]!, a.powerW[n]!, scenario.noisePsdWPerHz);
  });

  const runEpoch = async (trigger: EpochRecord['trigger']): Promise<void> => {
    const current = withGains(scenario, channel.gains);
    const t0 = options.wallClockS?.() ?? 0;
    const allocation = await options.policy.allocate(current, epochs.length === 0 ? null : ctx.allocation);
    const wallS = (options.wallClockS?.() ?? 0) - t0;
    ctx.allocation = allocation;
    ratesAtEpoch = uplinkRates();
    const record: EpochRecord = {
      index: epochs.length, timeS: sim.now, trigger, policy: options.policy.name,
      objective: evaluate(current, allocation).objective,
    };
    if (config.recordWallTime) record.optimizerWallS = wallS;
    epochs.push(record);
    if (sim.trace.active) sim.trace.emit({ t: sim.now, type: 'epoch', ...record });
  };

  const onEpoch = (trigger: EpochRecord['trigger']): void => {
    epochPending = trigger;
    if (trigger === 'period') sim.schedule(config.epoch.everyS, onEpoch, 'period', EPOCH_LANE);
    sim.stop();
  };

  const onBlock = (block: number): void => {
    channel.nextBlock(config.fading.coherenceS);
    for (const u of users) u.transfer?.setRate(u.linkRateBps());
    if (sim.trace.active) {
      const gains = users.map((_, n) => channel.gains[n]![ctx.allocation.association[n]!]);
      sim.trace.emit({ t: sim.now, type: 'gain', block, gains });
    }
    if (config.epoch.rateChange !== Infinity && epochPending === null) {
      const rates = uplinkRates();
      if (rates.some((r, n) => Math.abs(r / ratesAtEpoch[n]! - 1) > config.epoch.rateChange)) {
        sim.schedule(0, onEpoch, 'rate-change', EPOCH_LANE);
      }
    }
    sim.schedule(config.fading.coherenceS, onBlock, block + 1, GAIN_LANE);
  };

  await runEpoch('start');
  for (const u of users) u.begin();
  if (hasChannelDynamics(config)) sim.schedule(config.fading.coherenceS, onBlock, 1, GAIN_LANE);
  if (config.epoch.everyS !== Infinity) sim.schedule(config.epoch.everyS, onEpoch, 'period', EPOCH_LANE);

  for (;;) {
    sim.run({ untilS: config.durationS });
    if (epochPending === null) break;
    const trigger: EpochRecord['trigger'] = epochPending;
    epochPending = null;
    await runEpoch(trigger);
  }
  return { metrics: metrics.result(), epochs, events: sim.eventCount, endS: sim.now };
}
