/**
 * The channel gains in force during a run (MODEL.md §9). `static` keeps the scenario's gains.
 * Block fading redraws every gain each block: g_{n,m}·h with h ~ Exp(1) (Rayleigh) or the power of
 * a unit-mean Rician draw, the b-th draw of the stream ('fading', n, m) in block b. Mobility moves
 * users each block and recomputes the path-loss part from the scenario's path-loss law (block 0
 * keeps the scenario's gains); fading multiplies that.
 *
 * Gains are computed when read. Between epochs the run reads only the pairs in use (each user's
 * link to its server), so a block costs O(users), not O(users × servers); a policy reads the
 * whole matrix at an epoch. A pair read after some blocks unread first skips the uniforms of the
 * draws it missed (cheap: no logarithm), so every pair's stream gives exactly the draws it would
 * give if every pair were redrawn every block. The streams of all pairs sit in a StreamBank
 * (32 bytes a pair): a 10,000 × 100 city holds its million pairs in ~45 MB.
 */
import { StreamBank, type RandomStream, type RandomStreams } from '../src/random/index.ts';
import { pathGainBetween } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { FadingKind, SimConfig } from './config.ts';
import { move, newWalker, type Walker } from './mobility.ts';

/** What the rest of the run reads: the gain of a pair in the current block. */
export interface ChannelGains {
  gain(user: number, server: number): number;
}

/** Uniforms one power-gain draw takes from its stream: `rayleighPowerGain` is one exponential
 *  (one uniform), `ricianPowerGain` two normals of two uniforms each (streams.ts). */
const UNIFORMS_PER_DRAW: Readonly<Record<FadingKind, number>> = { static: 0, rayleigh: 1, rician: 4 };

export class ChannelState implements ChannelGains {
  private readonly servers: number;
  /** Pair k = n·M + m: its gain, and the block it was computed for (−1: never). */
  private readonly cached: Float64Array;
  private readonly cachedBlock: Int32Array;
  private block = 0;
  /** Stream k is ('fading', n, m); null for a static channel. */
  private readonly fading: StreamBank | null;
  private readonly walkers: Walker[];
  private readonly mobilityStreams: RandomStream[];

  constructor(
    private readonly scenario: Scenario,
    private readonly config: SimConfig,
    streams: RandomStreams,
  ) {
    const servers = scenario.servers.length;
    const pairs = scenario.users.length * servers;
    this.servers = servers;
    this.cached = new Float64Array(pairs);
    this.cachedBlock = new Int32Array(pairs).fill(-1);
    this.fading =
      config.fading.kind === 'static'
        ? null
        : new StreamBank(streams.masterSeed, 'fading', scenario.users.length, servers);
    this.mobilityStreams = scenario.users.map((_, n) => streams.get('mobility', n));
    this.walkers = scenario.users.map((u, n) =>
      newWalker(u.xM, u.yM, config.mobility, scenario.areaM, this.mobilityStreams[n]!),
    );
  }

  /** Advances one block of `dtS` seconds: users move; gains follow when read. */
  nextBlock(dtS: number): void {
    if (this.config.mobility.kind !== 'none') {
      const { mobility } = this.config;
      this.walkers.forEach((walker, n) =>
        move(walker, dtS, mobility, this.scenario.areaM, this.mobilityStreams[n]!),
      );
    }
    this.block++;
  }

  gain(user: number, server: number): number {
    const k = user * this.servers + server;
    if (this.cachedBlock[k] !== this.block) this.refresh(k, user, server);
    return this.cached[k]!;
  }

  /** Every gain in force, [user][server] (what a policy sees at an epoch). */
  matrix(): number[][] {
    return this.scenario.users.map((_, n) => this.scenario.servers.map((_, m) => this.gain(n, m)));
  }

  private refresh(k: number, n: number, m: number): void {
    const mean = this.meanGain(n, m);
    const bank = this.fading;
    if (bank === null) {
      this.cached[k] = mean;
    } else {
      const { kind, ricianK } = this.config.fading;
      const missed = this.block - this.cachedBlock[k]! - 1;
      if (missed > 0) bank.skip(k, missed * UNIFORMS_PER_DRAW[kind]);
      const rng = bank.at(k);
      this.cached[k] = mean * (kind === 'rayleigh' ? rng.rayleighPowerGain() : rng.ricianPowerGain(ricianK));
    }
    this.cachedBlock[k] = this.block;
  }

  /** The path-loss part: the scenario's in block 0 or without mobility, else from the positions. */
  private meanGain(n: number, m: number): number {
    if (this.block === 0 || this.config.mobility.kind === 'none') return this.scenario.channelGain[n]![m]!;
    return pathGainBetween(this.walkers[n]!, this.scenario.servers[m]!, this.scenario.pathLoss);
  }
}
