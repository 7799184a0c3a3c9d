// The normalisation's record of what it was computed from (`normalization.from`): written with
// every scenario file, matched on reading, and where it does not match (or is absent, in older
// files) the file is checked by recomputation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizationOf } from '../../src/model/reference.ts';
import { formatScenario } from '../../src/scenario/format.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { normalizationDigest, staleNormalization } from '../../src/scenario/normalization.ts';
import { applySets } from '../../src/scenario/overrides.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const base = generateScenario({ seed: 3, users: 6, servers: 2 });
const roundTrip = (s: Scenario): Scenario => parseScenario(JSON.parse(formatScenario(s)), 'test');
const edit = (s: Scenario, change: (doc: Scenario) => void): Scenario => {
  const doc = structuredClone(s);
  change(doc);
  return parseScenario(doc, 'test');
};

describe('normalization.from', () => {
  it('is written with the file and matches on reading; the digest is stable', () => {
    const read = roundTrip(base);
    expect(read.normalization.from).toMatch(/^cyrb64:[0-9a-f]{16}$/);
    expect(read.normalization.from).toBe(normalizationDigest(read));
    expect(staleNormalization(read)).toBeUndefined();
    expect(formatScenario(read)).toBe(formatScenario(base));
  });

  it('an edited input: the record no longer matches and recomputation finds the normalisation stale', () => {
    const read = roundTrip(base);
    const edited = edit(read, (d) => d.users.forEach((u) => (u.flopsPerCycle *= 100)));
    expect(normalizationDigest(edited)).not.toBe(read.normalization.from);
    expect(staleNormalization(edited)).toMatch(
      new RegExp(
        `^normalization is stale: it stores delayS .*; the file's inputs give .*; it was computed from other inputs \\(normalization\\.from ${read.normalization.from}, the file now gives cyrb64:[0-9a-f]{16}\\)$`,
      ),
    );
  });

  it('an edited value of the normalisation itself is caught the same way', () => {
    const read = roundTrip(base);
    expect(staleNormalization(edit(read, (d) => (d.normalization.energyJ *= 2)))).toMatch(
      /^normalization is stale: .*; it was computed from other inputs/,
    );
  });

  it('an edit the normalisation does not depend on breaks the record but is not stale', () => {
    const read = roundTrip(base);
    const edited = edit(read, (d) => (d.llm.tokenIdBits = 16)); // the reference has α = 1: no token ids sent
    expect(normalizationDigest(edited)).not.toBe(read.normalization.from);
    expect(staleNormalization(edited)).toBeUndefined();
  });

  it('a normalisation set on purpose and written is recorded as such; unwritten it is stale', () => {
    const { scenario: set } = applySets(base, ['normalization.delayS=1']);
    expect(staleNormalization(set)).toMatch(/^normalization is stale: it stores delayS 1,/);
    const read = roundTrip(set);
    expect(read.normalization.delayS).toBe(1);
    expect(staleNormalization(read)).toBeUndefined();
  });

  it('a file without the field (written before it) is read and checked by recomputation', () => {
    const old = JSON.parse(
      readFileSync(new URL('../sim/fixtures/golden-scenario.json', import.meta.url), 'utf8'),
    ) as Scenario;
    expect(old.normalization.from).toBeUndefined();
    const read = parseScenario(old, 'old');
    expect(staleNormalization(read)).toBeUndefined();
    expect(staleNormalization(edit(read, (d) => (d.users[0]!.kappa *= 10)))).toMatch(
      /^normalization is stale: it stores/,
    );
  });

  it.each<[string, (d: Scenario) => void]>([
    ['weights', (d) => (d.weights = { delay: 3, energy: 0, stability: 7 })],
    ['seed, preset, areaM', (d) => Object.assign(d, { seed: 99, preset: 'x', areaM: 5 })],
    [
      'positions (gains stored)',
      (d) => [...d.users, ...d.servers].forEach((e) => ((e.xM += 7), (e.yM -= 3))),
    ],
    ['path-loss law', (d) => (d.pathLoss = { at1KmDb: 100, perDecadeDb: 20, minDistanceM: 1 })],
    ['servers[].txPowerW', (d) => d.servers.forEach((s) => (s.txPowerW = 1))],
  ])('the digest leaves out %s, which the normalisation does not depend on', (_, change) => {
    const edited = edit(base, change);
    expect(normalizationDigest(edited)).toBe(normalizationDigest(base));
    expect(normalizationOf(edited)).toEqual(normalizationOf(base));
  });

  it.each<[string, (d: Scenario) => void]>([
    ['a gain', (d) => (d.channelGain[1]![0]! *= 2)],
    ['the noise', (d) => (d.noisePsdWPerHz *= 2)],
    ['the objective', (d) => (d.objective.uplinkDelay = !d.objective.uplinkDelay)],
    ['the Lipschitz constant', (d) => (d.stability.lipschitz *= 2)],
    ['a server', (d) => (d.servers[1]!.kappa *= 2)],
    ['the llm', (d) => (d.llm.batchSize += 1)],
  ])('it covers %s', (_, change) => {
    expect(normalizationDigest(edit(base, change))).not.toBe(normalizationDigest(base));
  });
});
