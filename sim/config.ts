/**
 * How a simulation run is set up (MODEL.md §9). Defaults reproduce the paper's static model: one
 * fixed allocation, the scenario's gains, dedicated edge-GPU shares, no gradient download.
 */
import { NO_REPLAN_COSTS, type ReplanConfig } from './replan.ts';

export type EdgeGpuMode = 'dedicated' | 'processor-sharing';
export type FadingKind = 'static' | 'rayleigh' | 'rician';
export type MobilityKind = 'none' | 'random-waypoint' | 'gauss-markov';

export interface FadingConfig {
  kind: FadingKind;
  /** Block length τ: gains are redrawn (and users moved) every τ seconds. */
  coherenceS: number;
  /** Rician K factor (line-of-sight to scattered power), for `rician`. */
  ricianK: number;
}

export interface MobilityConfig {
  kind: MobilityKind;
  /** Random waypoint: speed uniform in [minSpeedMps, maxSpeedMps]. Gauss–Markov: mean speed = their midpoint. */
  minSpeedMps: number;
  maxSpeedMps: number;
  /** Gauss–Markov memory a in [0, 1): 0 is a fresh random velocity each block, → 1 is straight lines. */
  memory: number;
}

export interface EpochConfig {
  /** Re-run the policy every `everyS` seconds (Infinity: never). */
  everyS: number;
  /** Also re-run it when some user's uplink rate has moved by more than this fraction since the
   *  last epoch (Infinity: never). Checked at every gain change. */
  rateChange: number;
}

export interface SimConfig {
  /** Simulated time; steps still running at the end are not counted. */
  durationS: number;
  /** Stop a user after this many training steps (Infinity: keep training until durationS). */
  maxStepsPerUser: number;
  edgeGpu: EdgeGpuMode;
  /** Send s_n bits of gradients back before the next step (MODEL.md §9); off in the paper. */
  gradientDownload: boolean;
  fading: FadingConfig;
  mobility: MobilityConfig;
  epoch: EpochConfig;
  /** Record the optimizer's wall time in epoch records. Off by default: wall time differs run to
   *  run, and traces and metrics are byte-identical for the same seed only without it. */
  recordWallTime: boolean;
  /** Re-planning costs (`replan.ts`); none by default. */
  replan: ReplanConfig;
}

export const DEFAULT_SIM_CONFIG: SimConfig = {
  durationS: Infinity,
  maxStepsPerUser: 1,
  edgeGpu: 'dedicated',
  gradientDownload: false,
  fading: { kind: 'static', coherenceS: 0.1, ricianK: 3 },
  mobility: { kind: 'none', minSpeedMps: 0.5, maxSpeedMps: 1.5, memory: 0.8 },
  epoch: { everyS: Infinity, rateChange: Infinity },
  recordWallTime: false,
  replan: NO_REPLAN_COSTS,
};

/** Whether gains change over time at all (and so block events are needed). */
export function hasChannelDynamics(config: SimConfig): boolean {
  return config.fading.kind !== 'static' || config.mobility.kind !== 'none';
}
