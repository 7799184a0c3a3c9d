/**
 * A phase of layer events (MODEL.md §9): α_n layers on the user's GPU, or Υ − α_n on its edge
 * server, run one after another, each ψ FLOPs. A `LayerRun` is the phase's state, one per user and
 * reused step after step; a `LayerGpu` runs the run's next layer and reports the layer's energy to
 * the run's owner. Two kinds of GPU exist: a fixed rate (the user's own GPU, or a dedicated share
 * of a server's: `FixedRateGpu`) and a processor-shared server GPU (edge/processor-sharing.ts).
 */
import type { Simulation } from '../src/engine/index.ts';
import { COMPLETION_LANE } from './priorities.ts';

/** Runs a run's next layer and, when it is done, calls `run.owner.layerDone(run, energyJ)`. */
export interface LayerGpu {
  runLayer(run: LayerRun): void;
}

export interface LayerRunOwner {
  layerDone(run: LayerRun, energyJ: number): void;
}

/** The GPU of a run between phases: asking it for a layer is a bug. */
const NO_GPU: LayerGpu = {
  runLayer: () => {
    throw new Error('no phase is running');
  },
};

export class LayerRun {
  private gpu = NO_GPU;
  layersLeft = 0;
  phaseStartS = 0;
  layerStartS = 0;
  /** On a fixed-rate GPU: one layer's time. */
  layerS = 0;
  /** On a fixed-rate GPU: the power drawn while a layer runs. On a shared GPU: the busy
   *  server's power, charged by share time. */
  powerW = 0;

  constructor(
    readonly sim: Simulation,
    readonly user: number,
    readonly layerFlops: number,
    readonly owner: LayerRunOwner,
  ) {}

  /** Starts a phase of `layers` layers on `gpu` now; the GPU has set `layerS` and `powerW`. */
  begin(gpu: LayerGpu, layers: number): void {
    this.gpu = gpu;
    this.layersLeft = layers;
    this.phaseStartS = this.sim.now;
    gpu.runLayer(this);
  }

  /** After a layer: runs the next one, or returns the phase's duration when it was the last. */
  next(): number | null {
    if (--this.layersLeft > 0) {
      this.gpu.runLayer(this);
      return null;
    }
    return this.sim.now - this.phaseStartS;
  }
}

/** Layers at a fixed rate: one completion event per layer, energy = power × time. */
export class FixedRateGpu implements LayerGpu {
  /** Starts `layers` layers of `run` at `flopsPerS`, drawing `powerW`. */
  start(run: LayerRun, layers: number, flopsPerS: number, powerW: number): void {
    run.layerS = run.layerFlops / flopsPerS;
    run.powerW = powerW;
    run.begin(this, layers);
  }

  runLayer(run: LayerRun): void {
    run.layerStartS = run.sim.now;
    run.sim.schedule(run.layerS, fixedLayerDone, run, COMPLETION_LANE, run.user);
  }
}

// Module-level handler, so scheduling a layer allocates no closure.
const fixedLayerDone = (run: LayerRun): void =>
  run.owner.layerDone(run, run.powerW * (run.sim.now - run.layerStartS));
