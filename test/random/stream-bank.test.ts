import { describe, expect, it } from 'vitest';
import { RandomStreams, StreamBank } from '../../src/random/index.ts';

describe('StreamBank', () => {
  it('stream row·cols + col gives exactly the draws of the RandomStreams stream with the same key', () => {
    const servers = 7;
    for (const seed of [0, 1, 123456789, 2 ** 32 - 1]) {
      const bank = new StreamBank(seed, 'fading', 5, servers);
      const streams = new RandomStreams(seed);
      // Interleave the streams, as a channel does block after block, and mix the distributions.
      for (let round = 0; round < 20; round++) {
        for (let k = 0; k < 5 * servers; k++) {
          const reference = streams.get('fading', Math.floor(k / servers), k % servers);
          if (round % 2 === 0) expect(bank.at(k).rayleighPowerGain()).toBe(reference.rayleighPowerGain());
          else expect(bank.at(k).ricianPowerGain(3)).toBe(reference.ricianPowerGain(3));
        }
      }
    }
  });
});
