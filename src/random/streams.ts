/**
 * Seeded random streams (ns-3's idea of one generator per (run, stream) pair): one master seed,
 * and a named, independent sub-stream per purpose and entity, e.g. `streams.get('fading', 7, 2)`.
 * A stream's draws depend only on the master seed and its key, so adding a user or drawing more
 * from one stream never changes another stream.
 */
import seedrandom from 'seedrandom';
import type { StreamPurpose } from './purposes.ts';

/** Master seeds are integers in [0, MAX_SEED] in every command and file (one range for all). */
export const MAX_SEED = 2 ** 32 - 1;

/** One independent generator with the draws the model needs. */
export class RandomStream {
  private readonly next: () => number;

  /** A stream seeded by a key string, or drawing from a given uniform source (a StreamBank's). */
  constructor(seed: string | (() => number)) {
    // Alea: fast, 2^116 period, and its seeding hashes the whole key string, so keys that differ
    // in one character give unrelated sequences.
    this.next = typeof seed === 'string' ? seedrandom.alea(seed) : seed;
  }

  /** Uniform on [0, 1). */
  random(): number {
    return this.next();
  }

  /** Uniform on [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Uniform integer in [low, high], both ends included. */
  uniformInt(low: number, high: number): number {
    return low + Math.floor((high - low + 1) * this.next());
  }

  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number {
    // 1 - U lies in (0, 1], so the logarithm is finite.
    return -Math.log(1 - this.next()) / rate;
  }

  /** Normal by Box–Muller; one draw per call (the pair's second value is dropped, so a stream's
   *  state depends only on how many normals it has given). */
  normal(mean = 0, stdDev = 1): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + stdDev * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Log-normal: exp of a normal with the given parameters of the underlying normal. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Power gain |h|² of a unit-mean Rayleigh fading channel: Exp(1). */
  rayleighPowerGain(): number {
    return this.exponential(1);
  }

  /** Power gain |h|² of a unit-mean Rician channel with factor K (line-of-sight to scatter power). */
  ricianPowerGain(kFactor: number): number {
    const los = Math.sqrt(kFactor / (kFactor + 1));
    const scatter = Math.sqrt(1 / (2 * (kFactor + 1)));
    const re = los + scatter * this.normal();
    const im = scatter * this.normal();
    return re * re + im * im;
  }
}

/** The streams of one run, all derived from one master seed. */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly masterSeed: number) {
    if (!(Number.isInteger(masterSeed) && masterSeed >= 0 && masterSeed <= MAX_SEED)) {
      throw new RangeError(`seed must be an integer in [0, ${MAX_SEED}], got ${masterSeed}`);
    }
  }

  /** The stream for a purpose and entity indices; the same object (and position) on every call. */
  get(purpose: StreamPurpose, ...indices: number[]): RandomStream {
    const key = `${this.masterSeed}|${purpose}|${indices.join(',')}`;
    let stream = this.streams.get(key);
    if (stream === undefined) {
      stream = new RandomStream(key);
      this.streams.set(key, stream);
    }
    return stream;
  }
}
