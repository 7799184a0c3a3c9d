/**
 * Named dynamics: the settings under which the validation experiment checks the closed form,
 * and what `simulation.dynamics` of an experiment file names. With the paper's numbers one training step
 * lasts ~10^4 s (a local layer takes hours on a phone GPU), so fading blocks of 100–1000 s give
 * tens to hundreds of channel draws per step, and walkers at ~1 m/s cross a good part of the
 * 1000 m area within a few steps.
 */
import { DEFAULT_SIM_CONFIG, type SimConfig } from './config.ts';

export interface DynamicsCase {
  readonly name: string;
  /** Why the closed form should or should not hold. */
  readonly expectation: string;
  readonly config: Partial<SimConfig>;
}

const BLOCK_S = 100;
const fading = (kind: SimConfig['fading']['kind'], coherenceS: number): Partial<SimConfig> => ({
  fading: { ...DEFAULT_SIM_CONFIG.fading, kind, coherenceS },
});
const walking = (kind: SimConfig['mobility']['kind']): Partial<SimConfig> => ({
  fading: { ...DEFAULT_SIM_CONFIG.fading, coherenceS: BLOCK_S },
  mobility: { ...DEFAULT_SIM_CONFIG.mobility, kind },
});

export const DYNAMICS: readonly DynamicsCase[] = [
  { name: 'static', expectation: 'exact: fixed gains, dedicated shares', config: {} },
  {
    name: 'rayleigh-100s',
    expectation: 'uplink time is E[1/r(h)] ≥ 1/r(E h) (Jensen): slower on average',
    config: fading('rayleigh', BLOCK_S),
  },
  {
    name: 'rayleigh-1000s',
    expectation: 'as above, with fewer blocks per transfer: more spread',
    config: fading('rayleigh', 10 * BLOCK_S),
  },
  {
    name: 'rician-100s',
    expectation: 'a line-of-sight part (K = 3): less loss than Rayleigh',
    config: fading('rician', BLOCK_S),
  },
  {
    name: 'random-waypoint',
    expectation: 'path loss changes as users walk: either sign',
    config: walking('random-waypoint'),
  },
  {
    name: 'gauss-markov',
    expectation: 'path loss changes as users walk: either sign',
    config: walking('gauss-markov'),
  },
  {
    name: 'processor-sharing',
    expectation: 'the edge GPU is shared by who is present, not by the planned shares',
    config: { edgeGpu: 'processor-sharing' },
  },
];

export const DYNAMICS_NAMES = DYNAMICS.map((d) => d.name) as [string, ...string[]];

/** The named case; undefined for an unknown name. */
export function dynamicsNamed(name: string): DynamicsCase | undefined {
  return DYNAMICS.find((d) => d.name === name);
}
