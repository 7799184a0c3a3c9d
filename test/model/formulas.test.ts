// Hand-computed values for each formula of MODEL.md §2–§4; the arithmetic is written out from
// MODEL.md, not from the code.
import { describe, expect, it } from 'vitest';
import { layerFlops, activationBits, tokenIdBits } from '../../src/model/flops.ts';
import {
  edgeLayerDelayS,
  edgeLayerEnergyJ,
  gpuPowerW,
  localLayerDelayS,
  localLayerEnergyJ,
} from '../../src/model/compute.ts';
import { uplinkDelayS, uplinkEnergyJ, uplinkRateBps } from '../../src/model/uplink.ts';
import { stabilityBound, userStabilityBound } from '../../src/model/stability.ts';
import { dbmPerHzToWPerHz, lossDbToGain, pathLossDb } from '../../src/model/channel.ts';
import { expectRel } from './expect-rel.ts';

describe('ψ(d) = 72·B·d·h² + 12·B·d²·h (MODEL.md §2)', () => {
  it('small numbers', () => {
    // d = 2, B = 3, h = 5: 72·3·2·25 = 10800, 12·3·4·5 = 720
    expect(layerFlops(2, 3, 5)).toBe(10800 + 720);
  });
  it('the paper defaults at d = 768 give ≈ 3.3e13', () => {
    // 72·512·768·1024² = 36864·768·1048576 = 29,686,813,949,952
    // 12·512·768²·1024 = 6144·589824·1024 = 3,710,851,743,744
    expect(layerFlops(768, 512, 1024)).toBe(29_686_813_949_952 + 3_710_851_743_744);
  });
  it('activation and token-id sizes', () => {
    // s = B·d·h·16 = 512·768·1024·16
    expect(activationBits(768, 512, 1024, 16)).toBe(512 * 768 * 1024 * 16);
    // edge-only sends B·d·32 bits of token ids: 512·768·32 = 12,582,912
    expect(tokenIdBits(768, 512, 32)).toBe(12_582_912);
  });
});

describe('local compute, eqs. (1), (2)', () => {
  // ψ = 1e12 FLOP, f = 1 GHz, C = 4, D = 1, κ1 = 1e-27
  it('T = ψ / (f·C·D) = 1e12 / 4e9 = 250 s', () => {
    expect(localLayerDelayS(1e12, 1e9, 4, 1)).toBeCloseTo(250, 12);
  });
  it('E = κ·f²·ψ/(C·D) = 1e-27·1e18·1e12/4 = 250 J, = power κf³ (1 W) × 250 s', () => {
    expect(localLayerEnergyJ(1e12, 1e9, 4, 1, 1e-27)).toBeCloseTo(250, 9);
    expect(gpuPowerW(1e-27, 1e9)).toBeCloseTo(1, 12);
  });
});

describe('edge compute, eqs. (5), (6)', () => {
  // ψ = 1e12, f_{n,m} = 0.5 GHz, C = 2560, D = 2, κ2 = 3e-26
  it('T = 1e12 / (0.5e9·5120) = 0.390625 s', () => {
    expect(edgeLayerDelayS(1e12, 0.5e9, 2560, 2)).toBeCloseTo(0.390625, 12);
  });
  it('E = 3e-26·0.25e18·1e12/5120 = 7500/5120 = 1.46484375 J (3.75 W × 0.390625 s)', () => {
    expect(edgeLayerEnergyJ(1e12, 0.5e9, 2560, 2, 3e-26)).toBeCloseTo(1.46484375, 10);
  });
});

describe('FDMA uplink, §3.1 and eq. (3)', () => {
  // b = 1 MHz, σ² = 1e-16 W/Hz → noise σ²·b = 1e-10 W
  it('SNR 1: g = 1e-10, p = 1 W → r = 1e6·log2(2) = 1e6 bit/s', () => {
    expect(uplinkRateBps(1e6, 1e-10, 1, 1e-16)).toBeCloseTo(1e6, 3);
  });
  it('SNR 3: g = 3e-10 → r = 1e6·log2(4) = 2e6 bit/s', () => {
    expect(uplinkRateBps(1e6, 3e-10, 1, 1e-16)).toBeCloseTo(2e6, 3);
  });
  it('the noise grows with the bandwidth: b = 2 MHz, SNR 0.5 → 2e6·log2(1.5) = 1,169,925 bit/s', () => {
    expect(uplinkRateBps(2e6, 1e-10, 1, 1e-16)).toBeCloseTo(2e6 * Math.log2(1.5), 3);
    expect(2e6 * Math.log2(1.5)).toBeCloseTo(1_169_925.0, 0);
  });
  it('zero bandwidth carries nothing', () => {
    expect(uplinkRateBps(0, 1e-10, 1, 1e-16)).toBe(0);
  });
  it('T = s/r = 8e6/1e6 = 8 s; E = p·s/r = 0.5·8 = 4 J', () => {
    expect(uplinkDelayS(8e6, 1e6)).toBe(8);
    expect(uplinkEnergyJ(8e6, 1e6, 0.5)).toBe(4);
  });
  it('sending nothing costs nothing, even at rate 0', () => {
    expect(uplinkDelayS(0, 0)).toBe(0);
    expect(uplinkEnergyJ(0, 0, 1)).toBe(0);
  });
});

describe('Theorem 1: AS = 2L² / (k·(1 − a)) (MODEL.md §4)', () => {
  it('L = 1, k = 1000', () => {
    expect(stabilityBound(1, 1000, 0)).toBeCloseTo(0.002, 15); // 2/1000
    expect(stabilityBound(1, 1000, 0.5)).toBeCloseTo(0.004, 15); // 2/(1000·0.5)
    expect(stabilityBound(3, 1000, 0.5)).toBeCloseTo(0.036, 15); // 2·9/500
  });
  it('a = α/Υ: α = 8 of 32 → 2/(1000·0.75) = 0.0026667', () => {
    expect(userStabilityBound(1, 1000, 8, 32)).toBeCloseTo(2 / 750, 15);
  });
  it('unbounded at α = Υ', () => {
    expect(userStabilityBound(1, 1000, 32, 32)).toBe(Infinity);
  });
  it('grows with the locally trained share', () => {
    for (let a = 1; a < 32; a++)
      expect(userStabilityBound(1, 1000, a, 32)).toBeGreaterThan(userStabilityBound(1, 1000, a - 1, 32));
  });
});

describe('channel (paper §5)', () => {
  it('−134 dBm/Hz = 10^((−134 − 30)/10) W/Hz = 3.98e-17 W/Hz', () => {
    expectRel(dbmPerHzToWPerHz(-134), 3.98107170553497e-17, 1e-13);
  });
  it('path loss 128.1 + 37.6·log10(d_km)', () => {
    expect(pathLossDb(1000, 128.1, 37.6, 10)).toBeCloseTo(128.1, 12); // d = 1 km
    expect(pathLossDb(100, 128.1, 37.6, 10)).toBeCloseTo(128.1 - 37.6, 12); // 0.1 km: one decade less
    expect(pathLossDb(5, 128.1, 37.6, 10)).toBeCloseTo(128.1 - 2 * 37.6, 12); // clamped to 10 m
    expectRel(lossDbToGain(90.5), 8.91250938133744e-10, 1e-13); // 10^(−9.05)
  });
});
