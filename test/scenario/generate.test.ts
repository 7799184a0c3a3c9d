import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.ts';
import { CONTESTED_PRESET, PAPER_PRESET } from '../../src/scenario/presets.ts';
import { withNormalizationRecord } from '../../src/scenario/normalization.ts';
import { formatScenario } from '../../src/scenario/format.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { normalizationOf } from '../../src/model/reference.ts';
import { dbmPerHzToWPerHz, lossDbToGain, pathLossDb } from '../../src/model/channel.ts';
import { expectRel } from '../model/expect-rel.ts';

describe('the paper preset (section 5)', () => {
  const s = generateScenario({ seed: 1 });
  it('50 users, 10 servers, LLaMA-7B (32 layers), B = 512, h = 1024', () => {
    expect(s.users).toHaveLength(50);
    expect(s.servers).toHaveLength(10);
    expect(s.llm).toEqual({ layers: 32, batchSize: 512, hiddenDim: 1024, tokenIdBits: 32 });
    expect(s.preset).toBe('paper');
    expect(s.version).toBe(1);
  });
  it('users: d in [512, 1024], 4–6 cores at 0.5–1 GHz, 1 FLOP/cycle, 1–2 W, s = B·d·h·16', () => {
    for (const u of s.users) {
      expect(Number.isInteger(u.tokens) && u.tokens >= 512 && u.tokens <= 1024).toBe(true);
      expect([4, 5, 6]).toContain(u.gpuCores);
      expect(u.flopsPerCycle).toBe(1);
      expect(u.maxFreqHz).toBeGreaterThanOrEqual(0.5e9);
      expect(u.maxFreqHz).toBeLessThanOrEqual(1e9);
      expect(u.maxPowerW).toBeGreaterThanOrEqual(1);
      expect(u.maxPowerW).toBeLessThanOrEqual(2);
      expect(u.activationBits).toBe(512 * u.tokens * 1024 * 16);
      expect(Number.isInteger(u.datasetSize) && u.datasetSize >= 1000 && u.datasetSize <= 5000).toBe(true);
      expect(u.kappa).toBe(1e-27);
    }
  });
  it('servers: 2560–5120 cores at 1–3 GHz, 1–2 FLOPs/cycle, 20 MHz', () => {
    for (const m of s.servers) {
      expect(Number.isInteger(m.gpuCores) && m.gpuCores >= 2560 && m.gpuCores <= 5120).toBe(true);
      expect(m.maxFreqHz).toBeGreaterThanOrEqual(1e9);
      expect(m.maxFreqHz).toBeLessThanOrEqual(3e9);
      expect(m.flopsPerCycle).toBeGreaterThanOrEqual(1);
      expect(m.flopsPerCycle).toBeLessThanOrEqual(2);
      expect(m.bandwidthHz).toBe(20e6);
    }
  });
  it('noise −134 dBm/Hz and gains from 128.1 + 37.6·log10(d_km)', () => {
    expect(s.noisePsdWPerHz).toBe(dbmPerHzToWPerHz(-134));
    const u = s.users[3]!;
    const m = s.servers[7]!;
    const dKm = Math.max(10, Math.hypot(u.xM - m.xM, u.yM - m.yM)) / 1000;
    expectRel(s.channelGain[3]![7]!, 10 ** (-(128.1 + 37.6 * Math.log10(dKm)) / 10), 1e-12);
    expect(s.channelGain[3]![7]).toBe(lossDbToGain(pathLossDb(dKm * 1000, 128.1, 37.6, 10)));
  });
  it('places everything in the 1000 m square', () => {
    for (const e of [...s.users, ...s.servers]) {
      expect(e.xM >= 0 && e.xM < 1000 && e.yM >= 0 && e.yM < 1000).toBe(true);
    }
  });
  it('stores the normalisation of its reference solution (MODEL.md §5)', () => {
    expect(s.normalization).toEqual(normalizationOf(s));
  });
  it('is a valid scenario file', () => {
    expect(parseScenario(JSON.parse(formatScenario(s)))).toEqual(withNormalizationRecord(s));
  });
});

describe('named streams: one entity never shifts another', () => {
  const base = generateScenario({ seed: 1 });
  it('51 users leave the first 50 users, the servers and their gains unchanged', () => {
    const more = generateScenario({ seed: 1, users: 51 });
    expect(more.users.slice(0, 50)).toEqual(base.users);
    expect(more.servers).toEqual(base.servers);
    expect(more.channelGain.slice(0, 50)).toEqual(base.channelGain);
  });
  it('11 servers leave the users and the first 10 servers unchanged', () => {
    const more = generateScenario({ seed: 1, servers: 11 });
    expect(more.users).toEqual(base.users);
    expect(more.servers.slice(0, 10)).toEqual(base.servers);
    expect(more.channelGain.map((row) => row.slice(0, 10))).toEqual(base.channelGain);
  });
  it('another seed gives other draws', () => {
    expect(generateScenario({ seed: 2 }).users[0]).not.toEqual(base.users[0]);
  });
  it('overrides the layer count without changing the draws', () => {
    const s = generateScenario({ seed: 1, layers: 12 });
    expect(s.llm.layers).toBe(12);
    expect(s.users).toEqual(base.users);
  });
  it('rejects bad counts', () => {
    expect(() => generateScenario({ users: 0 })).toThrow(/users: must be an integer >= 1/);
    expect(() => generateScenario({ seed: -1 })).toThrow(/seed/);
  });
});

describe('the contested preset', () => {
  const s = generateScenario({ preset: CONTESTED_PRESET, seed: 1 });
  it('is labelled, with 5 servers, ALU-counted user GPUs and 4-bit activations', () => {
    expect(s.preset).toBe('contested');
    expect(s.servers).toHaveLength(5);
    expect(s.users[0]!.activationBits).toBe(512 * s.users[0]!.tokens * 1024 * 4);
    expect(s.users[0]!.gpuCores).toBeGreaterThanOrEqual(512);
  });
  it('shares the paper preset’s user token draws (same stream order)', () => {
    const p = generateScenario({ preset: PAPER_PRESET, seed: 1 });
    expect(s.users.map((u) => u.tokens)).toEqual(p.users.map((u) => u.tokens));
  });
});
