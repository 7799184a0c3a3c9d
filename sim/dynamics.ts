/**
 * Named dynamics: the settings under which the validation experiment checks the closed form,
 * and what `simulation.dynamics` of an experiment file names. With the paper's numbers one training step
 * lasts ~10^4 s (a local layer takes hours on a phone GPU), so fading blocks of 100–1000 s give
 * tens to hundreds of channel draws per step, and walkers at ~1 m/s cross a good part of the
 * 1000 m area within a few steps.
 */
import { DEFAULT_SIM_CONFIG, type SimConfig } from './config.ts';

const BLOCK_S = 100;
const fading = (kind: SimConfig['fading']['kind'], coherenceS: number): Partial<SimConfig> => ({
  fading: { ...DEFAULT_SIM_CONFIG.fading, kind, coherenceS },
});
const walking = (kind: SimConfig['mobility']['kind']): Partial<SimConfig> => ({
  fading: { ...DEFAULT_SIM_CONFIG.fading, coherenceS: BLOCK_S },
  mobility: { ...DEFAULT_SIM_CONFIG.mobility, kind },
});

/** Each case's simulation settings; the comments say why the closed form should or should not
 *  hold (experiments/paper/validation.yaml checks each). */
const DYNAMICS: Readonly<Record<string, Partial<SimConfig>>> = {
  // Exact: fixed gains, dedicated shares.
  static: {},
  // Uplink time is E[1/r(h)] ≥ 1/r(E h) (Jensen): slower on average.
  'rayleigh-100s': fading('rayleigh', BLOCK_S),
  // As above, with fewer blocks per transfer: more spread.
  'rayleigh-1000s': fading('rayleigh', 10 * BLOCK_S),
  // A line-of-sight part (K = 3): less loss than Rayleigh.
  'rician-100s': fading('rician', BLOCK_S),
  // Path loss changes as users walk: either sign.
  'random-waypoint': walking('random-waypoint'),
  'gauss-markov': walking('gauss-markov'),
  // The edge GPU is shared by who is present, not by the planned shares.
  'processor-sharing': { edgeGpu: 'processor-sharing' },
};

export const DYNAMICS_NAMES = Object.keys(DYNAMICS) as [string, ...string[]];

/** The named case's settings; undefined for an unknown name. */
export function dynamicsConfig(name: string): Partial<SimConfig> | undefined {
  return DYNAMICS[name];
}
