/**
 * What a scenario's normalisation (MODEL.md §5) was computed from. A scenario file records it in
 * `normalization.from`: a digest of the fields the normalisation depends on and of the
 * normalisation itself, written with the file (`formatScenario`). On reading, a matching digest
 * says the file is as mecsim wrote it, normalisation and all (also a normalisation set on purpose
 * with `--set normalization.delayS=…`); a digest that does not match, or none (files written
 * before the field existed), sends the file to recomputation, and only a normalisation that its
 * inputs no longer give is stale.
 */
import { normalizationOf } from '../model/reference.ts';
import type { Scenario } from './schema.ts';

/**
 * 64 bits of cyrb53's mixing (two 32-bit lanes, Math.imul): it detects edits, not tampering, and
 * runs where the scenario folder runs (no Node crypto in a browser).
 */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');
  return hex(h2) + hex(h1);
}

/** JSON with object keys sorted, so the digest does not depend on the order keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Names the digest's scheme; a change of what it covers gets a new one. */
const SCHEME = 'cyrb64';

/**
 * The digest `normalization.from` records. It covers every field but those the normalisation
 * cannot depend on (labels, seed, area, weights — ω = w / reference —, positions and the path-loss
 * law, which reach it only through the stored gains, and the download's transmit power); a field
 * added to the schema is covered until someone shows it does not matter
 * (test/scenario/normalization.test.ts checks each one left out).
 */
export function normalizationDigest(s: Scenario): string {
  const {
    version: _version,
    preset: _preset,
    seed: _seed,
    areaM: _areaM,
    profiles: _profiles,
    weights: _weights,
    pathLoss: _pathLoss,
    normalization: { from: _from, ...normalization },
    users,
    servers,
    ...inputs
  } = s;
  const covered = {
    ...inputs,
    normalization,
    users: users.map(({ xM: _x, yM: _y, ...u }) => u),
    servers: servers.map(({ xM: _x, yM: _y, txPowerW: _p, ...v }) => v),
  };
  return `${SCHEME}:${hash64(canonical(covered))}`;
}

/** The scenario with its normalisation's record of what it came from. */
export function withNormalizationRecord(s: Scenario): Scenario {
  const { from: _old, ...normalization } = s.normalization;
  return { ...s, normalization: { ...normalization, from: normalizationDigest(s) } };
}

/** Equal to round-off (a file written by mecsim round-trips exactly; allow hand-copied digits). */
const NORMALIZATION_REL_TOL = 1e-9;

export function sameNormalization(a: Scenario['normalization'], b: Scenario['normalization']): boolean {
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= NORMALIZATION_REL_TOL * Math.abs(y);
  return near(a.delayS, b.delayS) && near(a.energyJ, b.energyJ) && near(a.stability, b.stability);
}

/**
 * Undefined when the file is as its normalisation's record says, or when the stored
 * normalisation is what its inputs give (the llm, users, servers, gains, noise and objective
 * fields: MODEL.md §5); else one line saying what is stale.
 */
export function staleNormalization(s: Scenario): string | undefined {
  const recorded = s.normalization.from;
  const digest = recorded === undefined ? undefined : normalizationDigest(s);
  if (recorded !== undefined && recorded === digest) return undefined;
  const fresh = normalizationOf(s);
  if (sameNormalization(fresh, s.normalization)) return undefined;
  const g = (x: number): string => Number(x.toPrecision(6)).toString();
  const edited =
    digest === undefined
      ? ''
      : `; it was computed from other inputs (normalization.from ${recorded}, the file now gives ${digest})`;
  return (
    `normalization is stale: it stores delayS ${g(s.normalization.delayS)}, energyJ ${g(s.normalization.energyJ)}, ` +
    `stability ${g(s.normalization.stability)}; the file's inputs give ${g(fresh.delayS)}, ${g(fresh.energyJ)}, ${g(fresh.stability)}${edited}`
  );
}
