/**
 * The channel gains in force during a run (MODEL.md §9). `static` keeps the scenario's gains.
 * Block fading redraws every gain each block: g_{n,m}·h with h ~ Exp(1) (Rayleigh) or the power of
 * a unit-mean Rician draw, from the stream ('fading', n, m). Mobility moves users each block and
 * recomputes the path-loss part from the scenario's path-loss law; fading multiplies that.
 *
 * Gains are a Float64Array per user and the fading streams a StreamBank (32 bytes a pair), so a
 * 10,000 × 100 city holds its million pairs in ~50 MB and redraws them in one pass per block.
 */
import { RandomStream, StreamBank, type RandomStreams } from '../src/random/index.ts';
import { lossDbToGain, pathLossDb } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { SimConfig } from './config.ts';
import type { Gains } from './link.ts';
import { move, newWalker, type Walker } from './mobility.ts';

export class ChannelState {
  /** Gains in force, [user][server]. */
  readonly gains: Gains;
  /** Path-loss part (no fading), [user][server]. */
  private readonly meanGains: Float64Array[];
  /** Stream n·M + m is ('fading', n, m). */
  private readonly fading: StreamBank | null;
  private readonly walkers: Walker[];
  private readonly mobilityStreams: RandomStream[];

  constructor(private readonly scenario: Scenario, private readonly config: SimConfig, streams: RandomStreams) {
    const servers = scenario.servers.length;
    this.meanGains = scenario.channelGain.map((row) => Float64Array.from(row));
    this.gains = scenario.channelGain.map((row) => Float64Array.from(row));
    this.fading = config.fading.kind === 'static'
      ? null
      : new StreamBank(streams.masterSeed, 'fading', scenario.users.length * servers, (k) => [Math.floor(k / servers), k % servers]);
    this.mobilityStreams = scenario.users.map((_, n) => streams.get('mobility', n));
    this.walkers = scenario.users.map((u, n) =>
      newWalker(u.xM, u.yM, config.mobility, scenario.areaM, this.mobilityStreams[n]!));
    this.redrawFading();
  }

  /** Advances one block of `dtS` seconds: moves users, then redraws fading. */
  nextBlock(dtS: number): void {
    if (this.config.mobility.kind !== 'none') this.moveUsers(dtS);
    if (this.fading !== null) this.redrawFading();
    else if (this.config.mobility.kind !== 'none') this.meanGains.forEach((row, n) => this.gains[n]!.set(row));
  }

  private moveUsers(dtS: number): void {
    const { pathLoss, servers, areaM } = this.scenario;
    this.walkers.forEach((walker, n) => {
      move(walker, dtS, this.config.mobility, areaM, this.mobilityStreams[n]!);
      const row = this.meanGains[n]!;
      servers.forEach((server, m) => {
        const d = Math.hypot(walker.xM - server.xM, walker.yM - server.yM);
        row[m] = lossDbToGain(pathLossDb(d, pathLoss.at1KmDb, pathLoss.perDecadeDb, pathLoss.minDistanceM));
      });
    });
  }

  private redrawFading(): void {
    const bank = this.fading;
    if (bank === null) return;
    const { kind, ricianK } = this.config.fading;
    const servers = this.scenario.servers.length;
    for (let n = 0; n < this.meanGains.length; n++) {
      const mean = this.meanGains[n]!;
      const gains = this.gains[n]!;
      for (let m = 0; m < servers; m++) {
        const rng = bank.at(n * servers + m);
        gains[m] = mean[m]! * (kind === 'rayleigh' ? rng.rayleighPowerGain() : rng.ricianPowerGain(ricianK));
      }
    }
  }
}
