/**
 * The channel gains in force during a run (MODEL.md §9). `static` keeps the scenario's gains.
 * Block fading redraws every gain each block: g_{n,m}·h with h ~ Exp(1) (Rayleigh) or the power of
 * a unit-mean Rician draw, from the stream ('fading', n, m). Mobility moves users each block and
 * recomputes the path-loss part from the scenario's path-loss law; fading multiplies that.
 */
import type { RandomStream, RandomStreams } from '../src/random/index.ts';
import { lossDbToGain, pathLossDb } from '../src/model/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { SimConfig } from './config.ts';
import { move, newWalker, type Walker } from './mobility.ts';

export class ChannelState {
  /** Gains in force, [user][server]. */
  readonly gains: number[][];
  /** Path-loss part (no fading), [user][server]. */
  private readonly meanGains: number[][];
  private readonly fadingStreams: RandomStream[][];
  private readonly walkers: Walker[];
  private readonly mobilityStreams: RandomStream[];

  constructor(private readonly scenario: Scenario, private readonly config: SimConfig, streams: RandomStreams) {
    this.meanGains = scenario.channelGain.map((row) => [...row]);
    this.gains = scenario.channelGain.map((row) => [...row]);
    this.fadingStreams = scenario.users.map((_, n) => scenario.servers.map((_, m) => streams.get('fading', n, m)));
    this.mobilityStreams = scenario.users.map((_, n) => streams.get('mobility', n));
    this.walkers = scenario.users.map((u, n) =>
      newWalker(u.xM, u.yM, config.mobility, scenario.areaM, this.mobilityStreams[n]!));
    if (config.fading.kind !== 'static') this.redrawFading();
  }

  /** Advances one block of `dtS` seconds: moves users, then redraws fading. */
  nextBlock(dtS: number): void {
    if (this.config.mobility.kind !== 'none') this.moveUsers(dtS);
    if (this.config.fading.kind !== 'static') this.redrawFading();
    else if (this.config.mobility.kind !== 'none') this.copyMeans();
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

  private copyMeans(): void {
    this.meanGains.forEach((row, n) => row.forEach((g, m) => (this.gains[n]![m] = g)));
  }

  private redrawFading(): void {
    const { kind, ricianK } = this.config.fading;
    this.meanGains.forEach((row, n) => {
      row.forEach((g, m) => {
        const rng = this.fadingStreams[n]![m]!;
        const h = kind === 'rayleigh' ? rng.rayleighPowerGain() : rng.ricianPowerGain(ricianK);
        this.gains[n]![m] = g * h;
      });
    });
  }
}
