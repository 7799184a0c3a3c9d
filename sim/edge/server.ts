/**
 * An edge server's GPU as the users see it (MODEL.md §9): it runs a user's edge phase, layer after
 * layer, and reports each layer's energy. Two implementations, chosen once by `config.edgeGpu`:
 * `DedicatedShareServer` (each user at its own share f_{n,m}, whatever the others do) and
 * `SharedGpuServer` (the whole GPU split equally among the users present). Nothing else branches
 * on the mode.
 */
import type { Simulation } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { SimConfig } from '../config.ts';
import type { LayerRun } from '../layers.ts';
import { DedicatedShareServer } from './dedicated.ts';
import { SharedGpuServer } from './processor-sharing.ts';

export interface EdgeServer {
  /** Starts `layers` edge layers of `run` now; `shareHz` is the user's share f_{n,m} of this GPU. */
  startPhase(run: LayerRun, layers: number, shareHz: number): void;
}

/** The scenario's servers in the configured edge-GPU mode, by server index. */
export function edgeServers(sim: Simulation, scenario: Scenario, config: SimConfig): EdgeServer[] {
  return scenario.servers.map((server) =>
    config.edgeGpu === 'processor-sharing'
      ? new SharedGpuServer(sim, server)
      : new DedicatedShareServer(server),
  );
}
