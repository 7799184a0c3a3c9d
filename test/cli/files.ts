// Scenario and solution files for the CLI tests, written into a fresh temporary directory.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { equalShareAllocation, referenceAllocation } from '../../src/model/reference.ts';
import type { Allocation } from '../../src/model/types.ts';
import { formatScenario, formatSolution, toJsonText } from '../../src/scenario/format.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { normalizationOf } from '../../src/model/reference.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { solutionFromAllocation } from '../../src/scenario/solution.ts';
import { handNetwork } from '../model/fixtures.ts';
import { expect } from 'vitest';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mecsim-test-'));
}

/**
 * Neither the files nor their temporary names (`.NAME.PID.tmp` of src/files, `NAME.PID.tmp` of a
 * trace), so a failed run is seen to leave nothing; other files' temporaries, of runs still in
 * flight in concurrent tests, are not looked at.
 */
export function expectNoFiles(...paths: string[]): void {
  for (const p of paths) {
    expect(existsSync(p), p).toBe(false);
    const name = basename(p);
    const temporaries = readdirSync(dirname(p)).filter(
      (f) => f.endsWith('.tmp') && (f.startsWith(`${name}.`) || f.startsWith(`.${name}.`)),
    );
    expect(temporaries, p).toEqual([]);
  }
}

/** The hand network of test/model/fixtures.ts as a scenario file (numbers derived there). */
export function handScenarioFile(): Scenario {
  const net = handNetwork(1, 1);
  return {
    version: 1,
    preset: 'custom',
    seed: 0,
    areaM: 100,
    llm: net.llm,
    weights: { delay: 1, energy: 1, stability: 1 },
    normalization: normalizationOf(net),
    objective: net.objective,
    noisePsdWPerHz: net.noisePsdWPerHz,
    pathLoss: { at1KmDb: 128.1, perDecadeDb: 37.6, minDistanceM: 10 },
    stability: net.stability,
    users: net.users.map((u) => ({ ...u, xM: 0, yM: 0 })),
    servers: net.servers.map((s) => ({ ...s, txPowerW: 10, xM: 0, yM: 0 })),
    channelGain: net.channelGain.map((row) => [...row]),
  };
}

export interface Files {
  dir: string;
  /** A generated scenario: 6 users, 2 servers, seed 1. */
  scenario: string;
  scenarioData: Scenario;
  hand: string;
  handRef: string;
  handEdgeOnly: string;
  handLocalOnly: string;
  reference: string;
  edgeOnly: string;
  localOnly: string;
  /** Writes `text` into the directory under `name` and returns its path. */
  put: (name: string, text: string) => string;
  /** The reference solution with some entries replaced, written under `name`. */
  solutionWith: (name: string, change: (a: Allocation) => Allocation) => string;
}

export function makeFiles(): Files {
  const dir = tempDir();
  const put = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const s = generateScenario({ seed: 1, users: 6, servers: 2 });
  const hand = handScenarioFile();
  const sol = (a: Allocation, algo: string): string => formatSolution(solutionFromAllocation(a, algo));
  return {
    dir,
    scenario: put('s.json', formatScenario(s)),
    scenarioData: s,
    hand: put('hand.json', toJsonText(hand)),
    handRef: put('hand-ref.json', sol(referenceAllocation(hand), 'reference')),
    handEdgeOnly: put('hand-edge.json', sol(equalShareAllocation(hand, 0), 'edge-only')),
    handLocalOnly: put('hand-local.json', sol(equalShareAllocation(hand, 4), 'local-only')),
    reference: put('ref.json', sol(referenceAllocation(s), 'reference')),
    edgeOnly: put('edge.json', sol(equalShareAllocation(s, 0), 'edge-only')),
    localOnly: put('local.json', sol(equalShareAllocation(s, s.llm.layers), 'local-only')),
    put,
    solutionWith: (name, change) => put(name, sol(change(referenceAllocation(s)), 'edited')),
  };
}

/** A copy of an array with entry n replaced. */
export function replaced(arr: readonly number[], n: number, v: number): number[] {
  const out = [...arr];
  out[n] = v;
  return out;
}
