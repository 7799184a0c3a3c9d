import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/random/index.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { ChannelState } from '../../sim/channel.ts';
import { DEFAULT_SIM_CONFIG, type FadingKind } from '../../sim/config.ts';

describe('the channel computes gains when read', () => {
  it.each<FadingKind>(['rayleigh', 'rician'])(
    '%s: a pair read after blocks unread has the draw it would have had if redrawn every block',
    (kind) => {
      const scenario = generateScenario({ seed: 5, users: 4, servers: 3, layers: 2 });
      const config = { ...DEFAULT_SIM_CONFIG, fading: { kind, coherenceS: 1, ricianK: 2 } };
      const channel = new ChannelState(scenario, config, new RandomStreams(8));
      // The reference redraws every pair every block from its own RandomStreams stream.
      const reference = new RandomStreams(8);
      const pick = new RandomStreams(1).get('test-allocation');
      for (let block = 0; block < 40; block++) {
        if (block > 0) channel.nextBlock(1);
        scenario.users.forEach((_, n) =>
          scenario.servers.forEach((_, m) => {
            const rng = reference.get('fading', n, m);
            const h = kind === 'rayleigh' ? rng.rayleighPowerGain() : rng.ricianPowerGain(2);
            // Read about a third of the pairs, some of them twice.
            if (pick.random() < 0.35) {
              expect(channel.gain(n, m)).toBe(scenario.channelGain[n]![m]! * h);
              expect(channel.gain(n, m)).toBe(scenario.channelGain[n]![m]! * h);
            }
          }),
        );
      }
    },
  );
});
