/**
 * A processor-shared edge GPU: the shares f_{n,m} are ignored and the server's whole
 * f_max·C_m·D_m FLOP/s is split equally among the users in their edge phase (the engine's
 * ProcessorSharingServer, one job per layer). The busy GPU draws κ_2·f_max³, charged to each
 * user by its share time ∫ 1/k dt.
 */
import { ProcessorSharingServer, type SharedJob, type Simulation } from '../../src/engine/index.ts';
import { gpuPowerW } from '../../src/model/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { LayerGpu, LayerRun } from '../layers.ts';
import { COMPLETION_LANE } from '../priorities.ts';
import type { EdgeServer } from './server.ts';

type Server = Scenario['servers'][number];

export class SharedGpuServer implements EdgeServer, LayerGpu {
  private readonly gpu: ProcessorSharingServer;
  private readonly busyPowerW: number;

  constructor(sim: Simulation, server: Server) {
    this.gpu = new ProcessorSharingServer(sim, server.maxFreqHz * server.gpuCores * server.flopsPerCycle);
    this.busyPowerW = gpuPowerW(server.kappa, server.maxFreqHz);
  }

  startPhase(run: LayerRun, layers: number): void {
    run.powerW = this.busyPowerW;
    run.begin(this, layers);
  }

  runLayer(run: LayerRun): void {
    run.layerStartS = run.sim.now;
    this.gpu.submit(run.layerFlops, sharedLayerDone, run, COMPLETION_LANE, run.user);
  }
}

// Module-level handler, so submitting a layer allocates no closure.
const sharedLayerDone = (job: SharedJob<LayerRun>): void =>
  job.tag.owner.layerDone(job.tag, job.tag.powerW * job.shareS);
