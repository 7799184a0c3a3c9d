/**
 * Users training batch after batch (MODEL.md §9): each step is a local phase of α_n layer events
 * on the user's GPU, an uplink transfer of the activations, and an edge phase of Υ − α_n layer
 * events on its server (optionally a gradient download after it). Handlers are plain callbacks
 * with the user's state as argument; the same-time order is in `priorities.ts`.
 *
 * What a phase reads from the allocation in force is fixed when that phase starts: the split α_n
 * when the step starts; f_n at the local phase; server, p_n and b_n at the uplink (the edge phase
 * runs where the activations went); f_{n,m} at the edge phase, unless an epoch in between moved
 * the user to another server: then the share it had at the uplink, since a share of the new
 * server's GPU means nothing on the old one. An epoch thus applies from the next phase each user
 * starts, and a transfer in flight keeps its power and bandwidth.
 */
import { ProcessorSharingServer, type SharedJob, type Simulation } from '../src/engine/index.ts';
import { gpuFlopsPerS, gpuPowerW, layerFlops, sentBits, uplinkRateBps, type Allocation } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { SimConfig } from './config.ts';
import { COMPLETION_LANE, START_LANE } from './priorities.ts';
import { newStepRecord, type StepRecord } from './step-metrics.ts';
import { Transfer } from './transfer.ts';

/** The run-wide state the handlers need. */
export interface TrainingContext {
  readonly sim: Simulation;
  readonly scenario: Scenario;
  readonly config: SimConfig;
  /** The allocation in force (replaced at epochs). */
  allocation: Allocation;
  /** Gains in force, [user][server]. */
  readonly gains: readonly (readonly number[])[];
  /** Called when a user completes a step. */
  readonly onStep: (record: StepRecord) => void;
  /** Called when a user has completed all its steps. */
  readonly onUserDone: (user: number) => void;
}

type Phase = 'idle' | 'local' | 'uplink' | 'edge' | 'download' | 'done';

export class UserTraining {
  phase: Phase = 'idle';
  private step = 0;
  private record: StepRecord;
  private layersLeft = 0;
  private layerS = 0;
  private layerPowerW = 0;
  private phaseStartS = 0;
  private layerStartS = 0;
  private powerW = 0;
  private bandwidthHz = 0;
  private edgeShareAtUplinkHz = 0;
  /** The transfer in flight (uplink or download), for rate re-planning on a gain change. */
  transfer: Transfer<UserTraining> | null = null;
  private readonly flops: number;

  constructor(readonly n: number, private readonly ctx: TrainingContext, private readonly edgeGpus: (ProcessorSharingServer | null)[]) {
    const { scenario } = ctx;
    this.flops = layerFlops(scenario.users[n]!.tokens, scenario.llm.batchSize, scenario.llm.hiddenDim);
    this.record = newStepRecord(n, 0, 0, 0);
  }

  /** Schedules the first step at the current time. */
  begin(): void {
    this.ctx.sim.schedule(0, startStep, this, START_LANE, this.n);
  }

  /** The rate of this user's link (uplink, or download in that phase) under the gains in force. */
  linkRateBps(): number {
    const m = this.record.server;
    const power = this.phase === 'download' ? this.ctx.scenario.servers[m]!.txPowerW : this.powerW;
    return uplinkRateBps(this.bandwidthHz, this.ctx.gains[this.n]![m]!, power, this.ctx.scenario.noisePsdWPerHz);
  }

  startStep(): void {
    const alpha = this.ctx.allocation.localLayers[this.n]!;
    this.record = newStepRecord(this.n, this.step, this.ctx.sim.now, alpha);
    this.startLocal();
  }

  private startLocal(): void {
    const alpha = this.record.localLayers;
    if (alpha === 0) {
      this.startUplink();
      return;
    }
    const user = this.ctx.scenario.users[this.n]!;
    const f = this.ctx.allocation.userFreqHz[this.n]!;
    this.beginLayers('local', alpha, this.flops / gpuFlopsPerS(f, user.gpuCores, user.flopsPerCycle), gpuPowerW(user.kappa, f));
  }

  private beginLayers(phase: 'local' | 'edge', layers: number, layerS: number, powerW: number): void {
    this.phase = phase;
    this.phaseStartS = this.ctx.sim.now;
    this.layersLeft = layers;
    this.layerS = layerS;
    this.layerPowerW = powerW;
    this.nextDedicatedLayer();
  }

  private nextDedicatedLayer(): void {
    this.layerStartS = this.ctx.sim.now;
    this.ctx.sim.schedule(this.layerS, dedicatedLayerDone, this, COMPLETION_LANE, this.n);
  }

  /** A layer on dedicated hardware (the user's GPU, or its fixed edge share) has finished. */
  dedicatedLayerDone(): void {
    const energyJ = this.layerPowerW * (this.ctx.sim.now - this.layerStartS);
    this.layerDone(energyJ);
  }

  /** A layer on a processor-sharing edge GPU has finished: energy is its share of the server's. */
  sharedLayerDone(job: SharedJob<UserTraining>): void {
    const server = this.ctx.scenario.servers[this.record.server]!;
    this.layerDone(gpuPowerW(server.kappa, server.maxFreqHz) * job.shareS);
  }

  private layerDone(energyJ: number): void {
    const { sim, scenario } = this.ctx;
    const side = this.phase as 'local' | 'edge';
    const layer = side === 'local'
      ? this.record.localLayers - this.layersLeft
      : scenario.llm.layers - this.layersLeft;
    if (side === 'local') this.record.localEnergyJ += energyJ;
    else this.record.edgeEnergyJ += energyJ;
    if (sim.trace.active) {
      sim.trace.emit({
        t: sim.now, type: 'layer', user: this.n, server: side === 'edge' ? this.record.server : undefined,
        layer, side, batch: this.step, startS: this.layerStartS, energyJ,
      });
    }
    if (--this.layersLeft > 0) {
      if (side === 'edge' && this.ctx.config.edgeGpu === 'processor-sharing') this.submitSharedLayer();
      else this.nextDedicatedLayer();
      return;
    }
    const phaseS = sim.now - this.phaseStartS;
    if (side === 'local') {
      this.record.localDelayS = phaseS;
      sim.schedule(0, startUplink, this, START_LANE, this.n);
    } else {
      this.record.edgeDelayS = phaseS;
      if (this.ctx.config.gradientDownload && this.record.localLayers > 0) {
        sim.schedule(0, startDownload, this, START_LANE, this.n);
      } else {
        this.endStep();
      }
    }
  }

  startUplink(): void {
    const { allocation, scenario, sim } = this.ctx;
    if (this.record.localLayers >= scenario.llm.layers) {
      this.endStep();
      return;
    }
    const m = allocation.association[this.n]!;
    this.record.server = m;
    this.powerW = allocation.powerW[this.n]!;
    this.bandwidthHz = allocation.bandwidthHz[this.n]!;
    this.edgeShareAtUplinkHz = allocation.edgeFreqHz[this.n]!;
    this.phase = 'uplink';
    this.phaseStartS = sim.now;
    const bits = sentBits(scenario, this.n, this.record.localLayers);
    this.transfer = new Transfer<UserTraining>(sim, bits, this.linkRateBps(), uplinkDone, this, COMPLETION_LANE, this.n);
  }

  uplinkDone(): void {
    const { sim, scenario } = this.ctx;
    const durS = sim.now - this.phaseStartS;
    this.record.uplinkDelayS = durS;
    this.record.uplinkEnergyJ = this.powerW * durS;
    if (sim.trace.active) {
      sim.trace.emit({
        t: sim.now, type: 'uplink', user: this.n, server: this.record.server, batch: this.step,
        startS: this.phaseStartS, bits: this.transfer!.bits, energyJ: this.record.uplinkEnergyJ,
      });
    }
    this.transfer = null;
    sim.schedule(0, startEdge, this, START_LANE, this.n);
  }

  /** Dedicated: the user's layers run at its share f_{n,m}. Processor sharing: they join the
   *  server's queue and share its whole capacity with the batches present. */
  startEdge(): void {
    const server = this.ctx.scenario.servers[this.record.server]!;
    const layers = this.ctx.scenario.llm.layers - this.record.localLayers;
    if (this.ctx.config.edgeGpu === 'processor-sharing') {
      this.phase = 'edge';
      this.phaseStartS = this.ctx.sim.now;
      this.layersLeft = layers;
      this.submitSharedLayer();
      return;
    }
    const { allocation } = this.ctx;
    const share = allocation.association[this.n] === this.record.server ? allocation.edgeFreqHz[this.n]! : this.edgeShareAtUplinkHz;
    this.beginLayers('edge', layers, this.flops / gpuFlopsPerS(share, server.gpuCores, server.flopsPerCycle), gpuPowerW(server.kappa, share));
  }

  private submitSharedLayer(): void {
    this.layerStartS = this.ctx.sim.now;
    this.edgeGpus[this.record.server]!.submit<UserTraining>(this.flops, sharedLayerDone, this, COMPLETION_LANE, this.n);
  }

  startDownload(): void {
    const { sim, scenario } = this.ctx;
    this.phase = 'download';
    this.phaseStartS = sim.now;
    const bits = scenario.users[this.n]!.activationBits;
    this.transfer = new Transfer<UserTraining>(sim, bits, this.linkRateBps(), downloadDone, this, COMPLETION_LANE, this.n);
  }

  downloadDone(): void {
    this.record.downloadDelayS = this.ctx.sim.now - this.phaseStartS;
    this.transfer = null;
    this.endStep();
  }

  private endStep(): void {
    const { sim, scenario, config } = this.ctx;
    this.record.endS = sim.now;
    this.ctx.onStep(this.record);
    this.step++;
    if (this.step >= config.maxStepsPerUser) {
      this.phase = 'done';
      this.ctx.onUserDone(this.n);
      return;
    }
    this.phase = 'idle';
    sim.schedule(0, startStep, this, START_LANE, this.n);
  }
}

// Module-level handlers, so scheduling allocates no closure per event.
const startStep = (u: UserTraining): void => u.startStep();
const startUplink = (u: UserTraining): void => u.startUplink();
const uplinkDone = (u: UserTraining): void => u.uplinkDone();
const startEdge = (u: UserTraining): void => u.startEdge();
const dedicatedLayerDone = (u: UserTraining): void => u.dedicatedLayerDone();
const sharedLayerDone = (job: SharedJob<UserTraining>): void => job.tag.sharedLayerDone(job);
const startDownload = (u: UserTraining): void => u.startDownload();
const downloadDone = (u: UserTraining): void => u.downloadDone();
