/**
 * Dedicated shares (the paper's model): user n's edge layers run at f_{n,m}·C_m·D_m FLOP/s with
 * power κ_2·f_{n,m}³, however many other users the server holds.
 */
import { gpuFlopsPerS, gpuPowerW } from '../../src/model/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { FixedRateGpu, type LayerRun } from '../layers.ts';
import type { EdgeServer } from './server.ts';

type Server = Scenario['servers'][number];

export class DedicatedShareServer implements EdgeServer {
  private readonly gpu = new FixedRateGpu();

  constructor(private readonly server: Server) {}

  startPhase(run: LayerRun, layers: number, shareHz: number): void {
    const { gpuCores, flopsPerCycle, kappa } = this.server;
    this.gpu.start(run, layers, gpuFlopsPerS(shareHz, gpuCores, flopsPerCycle), gpuPowerW(kappa, shareHz));
  }
}
