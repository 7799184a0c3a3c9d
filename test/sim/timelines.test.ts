import { describe, expect, it } from 'vitest';
import type { SimTraceRecord } from '../../sim/trace/records.ts';
import { RandomStreams } from '../../src/random/index.ts';
import { staticPolicy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';
import { handAllocation, handScenario } from './fixtures.ts';

describe('hand-computed timelines', () => {
  it('two users share one server GPU (processor sharing, no fading)', async () => {
    // Υ = 3, α = 1. User 0 computes its layer in 1 s (84 Hz), user 1 in 2 s (42 Hz); uplinks take
    // 1 s. The server runs one layer alone in 1 s.
    //   user 0: local [0,1], uplink [1,2], edge layer 1 alone [2,3], edge layer 2 shared [3,5]
    //   user 1: local [0,2], uplink [2,3], edge layer 1 shared [3,5], edge layer 2 alone [5,6]
    // Energies: local κf³·t: user 0 1 W·1 s = 1 J, user 1 (1/8) W·2 s = 0.25 J; uplink 1 W·1 s;
    // edge: the busy server draws 1 W, split among those present: 1 + 2·(1/2) = 2 J each.
    const freqs = [84, 42];
    const trace: SimTraceRecord[] = [];
    const { metrics } = await simulate(handScenario(freqs, 3), {
      policy: staticPolicy(handAllocation(freqs, 1)),
      config: { edgeGpu: 'processor-sharing' },
      onTrace: (r) => trace.push(r),
    });
    const [u0, u1] = metrics.perUser;
    expect(u0!.delayS).toBeCloseTo(5, 12);
    expect(u1!.delayS).toBeCloseTo(6, 12);
    expect(u0!.edgeDelayS).toBeCloseTo(3, 12);
    expect(u1!.edgeDelayS).toBeCloseTo(3, 12);
    expect(u0!.localEnergyJ).toBeCloseTo(1, 12);
    expect(u1!.localEnergyJ).toBeCloseTo(0.25, 12);
    expect(u0!.uplinkEnergyJ).toBeCloseTo(1, 12);
    expect(u0!.edgeEnergyJ).toBeCloseTo(2, 12);
    expect(u1!.edgeEnergyJ).toBeCloseTo(2, 12);
    const edgeLayers = trace
      .filter((r) => r.type === 'layer' && r.side === 'edge')
      .map((r) => [r.user, r.layer, r.startS, r.t]);
    expect(edgeLayers).toEqual([
      [0, 1, 2, 3],
      [0, 2, 3, 5],
      [1, 1, 3, 5],
      [1, 2, 5, 6],
    ]);
  });

  it('dedicated shares: the same two users do not slow each other', async () => {
    // Each gets 42 Hz of the server: an edge layer takes 2 s whatever the other does.
    const freqs = [84, 42];
    const { metrics } = await simulate(handScenario(freqs, 3), {
      policy: staticPolicy(handAllocation(freqs, 1)),
    });
    expect(metrics.perUser[0]!.delayS).toBeCloseTo(1 + 1 + 4, 12);
    expect(metrics.perUser[1]!.delayS).toBeCloseTo(2 + 1 + 4, 12);
  });

  it('a transfer continues at the new rate when the channel changes mid-transfer', async () => {
    // One user, α = 1 of Υ = 2, local layer [0,1], then 1000 bits at r = 1000·log2(1 + g·h)
    // where h is the Rayleigh draw of the block in force, blocks of 0.4 s: [0,0.4), [0.4,0.8), …
    // The test redraws the same stream ('fading', 0, 0) of master seed 5 and integrates by hand.
    const h = Array.from(
      { length: 200 },
      (
        (s) => () =>
          s.rayleighPowerGain()
      )(new RandomStreams(5).get('fading', 0, 0)),
    );
    const rate = (block: number): number => 1000 * Math.log2(1 + h[block]!);
    let t = 1;
    let bits = 1000;
    let block = Math.floor(t / 0.4 + 1e-9);
    for (;;) {
      const blockEnd = (block + 1) * 0.4;
      const canSend = rate(block) * (blockEnd - t);
      if (canSend >= bits) {
        t += bits / rate(block);
        break;
      }
      bits -= canSend;
      t = blockEnd;
      block++;
    }
    expect(t).toBeGreaterThan(1.4); // it spans at least two blocks, so the rate did change
    const { metrics } = await simulate(handScenario([84], 2), {
      policy: staticPolicy(handAllocation([84], 1)),
      seed: 5,
      config: { fading: { kind: 'rayleigh', coherenceS: 0.4, ricianK: 0 } },
    });
    const u = metrics.perUser[0]!;
    expect(u.localDelayS).toBeCloseTo(1, 12);
    expect(u.uplinkDelayS).toBeCloseTo(t - 1, 9);
    expect(u.uplinkEnergyJ).toBeCloseTo(t - 1, 9); // 1 W for the whole transfer
    expect(u.delayS).toBeCloseTo(t + 1, 9); // then one edge layer at 84 Hz: 1 s
  });

  it('with gradient download, the s_n bits come back at the server power before the next step', async () => {
    // Download: r = 1000·log2(1 + 1·10 W/(1e-3·1000)) = 1000·log2(11) bit/s, so 1000 bits take
    // 1/log2(11) s; the user is charged no energy for it. Step: local 1 + up 1 + edge 1 + down.
    const downS = 1 / Math.log2(11);
    const { metrics } = await simulate(handScenario([84], 2), {
      policy: staticPolicy(handAllocation([84], 1)),
      config: { gradientDownload: true, maxStepsPerUser: 2 },
    });
    const u = metrics.perUser[0]!;
    expect(u.stepEndS[0]).toBeCloseTo(3 + downS, 12);
    expect(u.stepEndS[1]).toBeCloseTo(2 * (3 + downS), 12);
    expect(u.delayS).toBeCloseTo(3 + downS, 12);
    expect(u.downloadDelayS).toBeCloseTo(downS, 12);
    expect(u.energyJ).toBeCloseTo(1 + 1 + 1, 12);
    expect(u.downloadEnergyJ).toBeCloseTo(10 * downS, 12); // the server's 10 W, apart from energyJ
  });
});
