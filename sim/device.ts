/**
 * A user device training step after step (MODEL.md §9): a local phase of α_n layers on its own
 * GPU, the uplink of the activations, an edge phase of Υ − α_n layers on its server (and, with
 * `gradientDownload`, the gradients coming back). Handlers are module-level functions taking the
 * device, so scheduling allocates no closure; the same-time order is in `priorities.ts`.
 *
 * What a phase reads from the allocation in force is fixed when that phase starts: the split α_n
 * when the step starts; f_n at the local phase; server, p_n and b_n at the uplink (the edge phase
 * runs where the activations went); f_{n,m} at the edge phase, unless an epoch in between moved
 * the user to another server: then the share it had at the uplink, since a share of the new
 * server's GPU means nothing on the old one. An epoch thus applies from the next phase each user
 * starts, and a transfer in flight keeps its power and bandwidth.
 *
 * With re-planning costs (`replan.ts`) a step whose split differs from the last step's begins
 * with a migration phase (the layers between the two over the link), and an uplink to another
 * server than the last step's with a handover phase; the uplink then goes to the server chosen
 * when its phase began.
 */
import type { Simulation } from '../src/engine/index.ts';
import { gpuFlopsPerS, gpuPowerW, sentBits, userLayerFlops, type Allocation } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { SimConfig } from './config.ts';
import type { EdgeServer } from './edge/server.ts';
import { FixedRateGpu, LayerRun, type LayerRunOwner } from './layers.ts';
import type { ChannelGains } from './channel.ts';
import { Link } from './link.ts';
import { newStepRecord, type MetricsCollector, type StepRecord } from './metrics.ts';
import type { UserPhase, UserProgress } from './policy.ts';
import { START_LANE } from './priorities.ts';
import { newStepReplan, type StepReplan } from './replan.ts';
import type { TraceOut } from './trace/records.ts';

/** The allocation in force (the epoch controller replaces it). */
export interface AllocationSource {
  readonly allocation: Allocation;
}

/** The run-wide parts a device works with. */
export interface DeviceContext {
  readonly sim: Simulation;
  readonly scenario: Scenario;
  readonly config: SimConfig;
  readonly plan: AllocationSource;
  readonly channel: ChannelGains;
  readonly servers: readonly EdgeServer[];
  readonly metrics: MetricsCollector;
  readonly trace: TraceOut;
  /** Bits moved per layer when a split changes (only read with `config.replan.migration`). */
  readonly migrationBitsPerLayer: number;
  /** Called when the device has completed all its steps. */
  readonly onDone: () => void;
}

export class UserDevice implements LayerRunOwner {
  readonly link: Link<UserDevice>;
  private readonly run: LayerRun;
  private readonly gpu = new FixedRateGpu();
  private side: 'local' | 'edge' = 'local';
  private phase: UserPhase = 'idle';
  private stepIndex = 0;
  private record: StepRecord;
  private edgeShareAtUplinkHz = 0;
  /** The split and the server of the last step (−1: none yet), for the re-planning costs. */
  private lastLayers = -1;
  private lastServer = -1;
  private replan: StepReplan = newStepReplan();
  private readonly replanCosts: boolean;

  constructor(
    readonly n: number,
    private readonly ctx: DeviceContext,
  ) {
    const { scenario, sim } = ctx;
    const flops = userLayerFlops(scenario.llm, scenario.users[n]!.tokens);
    this.run = new LayerRun(sim, n, flops, this);
    this.link = new Link(sim, ctx.channel, scenario.noisePsdWPerHz, n);
    this.record = newStepRecord(n, 0, 0, 0);
    this.replanCosts = ctx.config.replan.migration || ctx.config.replan.handoverS > 0;
  }

  /** Where the user is, for a policy's observation. */
  progress(): UserProgress {
    const r = this.record;
    return { steps: this.stepIndex, phase: this.phase, localLayers: r.localLayers, server: r.server };
  }

  /** Schedules the first step at the current time. */
  begin(): void {
    this.ctx.sim.schedule(0, startStep, this, START_LANE, this.n);
  }

  startStep(): void {
    const alpha = this.ctx.plan.allocation.localLayers[this.n]!;
    this.record = newStepRecord(this.n, this.stepIndex, this.ctx.sim.now, alpha);
    const previous = this.lastLayers;
    this.lastLayers = alpha;
    if (this.replanCosts) this.replan = newStepReplan();
    if (this.ctx.config.replan.migration && previous >= 0 && previous !== alpha) {
      this.startMigration(Math.abs(alpha - previous));
      return;
    }
    this.startLocal();
  }

  /** The layers between the last split and this one move over the user's link (`replan.ts`). */
  private startMigration(layers: number): void {
    const { allocation } = this.ctx.plan;
    // A local-only user has no bandwidth now: the layers come back over its last step's link.
    const inForce = allocation.bandwidthHz[this.n]! > 0;
    const server = inForce ? allocation.association[this.n]! : this.lastServer;
    const bandwidthHz = inForce ? allocation.bandwidthHz[this.n]! : this.link.bandwidthHz;
    this.phase = 'migration';
    this.replan.migratedLayers = layers;
    const bits = layers * this.ctx.migrationBitsPerLayer;
    this.link.send(bits, server, allocation.powerW[this.n]!, bandwidthHz, migrationDone, this);
  }

  migrationDone(): void {
    const { sim, trace } = this.ctx;
    const durS = this.link.finish();
    this.replan.migrationDelayS = durS;
    this.replan.migrationEnergyJ = this.link.powerW * durS;
    if (trace !== null) {
      trace({
        t: sim.now,
        type: 'migration',
        user: this.n,
        batch: this.stepIndex,
        startS: this.link.startS,
        layers: this.replan.migratedLayers,
        localLayers: this.record.localLayers,
        bits: this.link.bits,
        energyJ: this.replan.migrationEnergyJ,
      });
    }
    sim.schedule(0, startLocal, this, START_LANE, this.n);
  }

  startLocal(): void {
    const alpha = this.record.localLayers;
    if (alpha === 0) {
      this.startUplink();
      return;
    }
    const user = this.ctx.scenario.users[this.n]!;
    const f = this.ctx.plan.allocation.userFreqHz[this.n]!;
    this.side = 'local';
    this.phase = 'local';
    this.gpu.start(
      this.run,
      alpha,
      gpuFlopsPerS(f, user.gpuCores, user.flopsPerCycle),
      gpuPowerW(user.kappa, f),
    );
  }

  layerDone(run: LayerRun, energyJ: number): void {
    const { sim, trace } = this.ctx;
    const r = this.record;
    if (this.side === 'local') {
      r.localEnergyJ += energyJ;
      if (trace !== null) {
        trace({
          t: sim.now,
          type: 'layer',
          user: this.n,
          layer: r.localLayers - run.layersLeft,
          side: 'local',
          batch: this.stepIndex,
          startS: run.layerStartS,
          energyJ,
        });
      }
      const phaseS = run.next();
      if (phaseS === null) return;
      r.localDelayS = phaseS;
      sim.schedule(0, startUplink, this, START_LANE, this.n);
      return;
    }
    r.edgeEnergyJ += energyJ;
    if (trace !== null) {
      trace({
        t: sim.now,
        type: 'layer',
        user: this.n,
        server: r.server,
        layer: this.ctx.scenario.llm.layers - run.layersLeft,
        side: 'edge',
        batch: this.stepIndex,
        startS: run.layerStartS,
        energyJ,
      });
    }
    const phaseS = run.next();
    if (phaseS === null) return;
    r.edgeDelayS = phaseS;
    if (this.ctx.config.gradientDownload && r.localLayers > 0)
      sim.schedule(0, startDownload, this, START_LANE, this.n);
    else this.endStep();
  }

  startUplink(): void {
    const {
      plan: { allocation },
      scenario,
      config,
    } = this.ctx;
    if (this.record.localLayers >= scenario.llm.layers) {
      this.endStep();
      return;
    }
    const m = allocation.association[this.n]!;
    this.record.server = m;
    this.edgeShareAtUplinkHz = allocation.edgeFreqHz[this.n]!;
    if (config.replan.handoverS > 0 && this.lastServer >= 0 && m !== this.lastServer) {
      this.phase = 'handover';
      this.ctx.sim.schedule(config.replan.handoverS, handoverDone, this, START_LANE, this.n);
      return;
    }
    this.sendUplink();
  }

  handoverDone(): void {
    const { sim, trace, config } = this.ctx;
    this.replan.handoverDelayS = config.replan.handoverS;
    this.replan.handovers = 1;
    if (trace !== null) {
      trace({
        t: sim.now,
        type: 'handover',
        user: this.n,
        from: this.lastServer,
        server: this.record.server,
        batch: this.stepIndex,
        startS: sim.now - config.replan.handoverS,
      });
    }
    this.sendUplink();
  }

  /** The activations go to the server chosen when the uplink phase began (`record.server`). */
  private sendUplink(): void {
    const { allocation } = this.ctx.plan;
    const m = this.record.server;
    this.phase = 'uplink';
    this.lastServer = m;
    const bits = sentBits(this.ctx.scenario, this.n, this.record.localLayers);
    this.link.send(bits, m, allocation.powerW[this.n]!, allocation.bandwidthHz[this.n]!, uplinkDone, this);
  }

  uplinkDone(): void {
    const { sim, trace } = this.ctx;
    const durS = this.link.finish();
    this.record.uplinkDelayS = durS;
    this.record.uplinkEnergyJ = this.link.powerW * durS;
    if (trace !== null) {
      trace({
        t: sim.now,
        type: 'uplink',
        user: this.n,
        server: this.record.server,
        batch: this.stepIndex,
        startS: this.link.startS,
        bits: this.link.bits,
        energyJ: this.record.uplinkEnergyJ,
      });
    }
    sim.schedule(0, startEdge, this, START_LANE, this.n);
  }

  startEdge(): void {
    const { allocation } = this.ctx.plan;
    const m = this.record.server;
    const share =
      allocation.association[this.n] === m ? allocation.edgeFreqHz[this.n]! : this.edgeShareAtUplinkHz;
    this.side = 'edge';
    this.phase = 'edge';
    this.ctx.servers[m]!.startPhase(this.run, this.ctx.scenario.llm.layers - this.record.localLayers, share);
  }

  startDownload(): void {
    const { scenario } = this.ctx;
    const m = this.record.server;
    this.phase = 'download';
    this.link.send(
      scenario.users[this.n]!.activationBits,
      m,
      scenario.servers[m]!.txPowerW,
      this.link.bandwidthHz,
      downloadDone,
      this,
    );
  }

  downloadDone(): void {
    const { sim, trace } = this.ctx;
    const durS = this.link.finish();
    this.record.downloadDelayS = durS;
    this.record.downloadEnergyJ = this.link.powerW * durS;
    if (trace !== null) {
      trace({
        t: sim.now,
        type: 'download',
        user: this.n,
        server: this.record.server,
        batch: this.stepIndex,
        startS: this.link.startS,
        bits: this.link.bits,
        energyJ: this.record.downloadEnergyJ,
      });
    }
    this.endStep();
  }

  private endStep(): void {
    const { sim, config, metrics, trace } = this.ctx;
    const r = this.record;
    r.endS = sim.now;
    metrics.add(r);
    if (this.replanCosts) metrics.addReplan(r.user, this.replan);
    if (trace !== null) {
      const costs = this.replanCosts ? replanFields(this.replan) : {};
      trace({ t: sim.now, type: 'step', ...r, batch: r.step, ...costs });
    }
    this.stepIndex++;
    this.phase = 'idle';
    if (this.stepIndex >= config.maxStepsPerUser) {
      this.phase = 'done';
      this.ctx.onDone();
      return;
    }
    sim.schedule(0, startStep, this, START_LANE, this.n);
  }
}

/** A step's re-planning costs as the step trace record carries them (only with costs on). */
const replanFields = (r: StepReplan) => ({
  migrationDelayS: r.migrationDelayS,
  migrationEnergyJ: r.migrationEnergyJ,
  handoverDelayS: r.handoverDelayS,
});

// Module-level handlers, so scheduling allocates no closure per event.
const startStep = (d: UserDevice): void => d.startStep();
const migrationDone = (d: UserDevice): void => d.migrationDone();
const startLocal = (d: UserDevice): void => d.startLocal();
const handoverDone = (d: UserDevice): void => d.handoverDone();
const startUplink = (d: UserDevice): void => d.startUplink();
const uplinkDone = (d: UserDevice): void => d.uplinkDone();
const startEdge = (d: UserDevice): void => d.startEdge();
const startDownload = (d: UserDevice): void => d.startDownload();
const downloadDone = (d: UserDevice): void => d.downloadDone();
