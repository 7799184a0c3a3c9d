import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScenario } from '../../src/scenario/format.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { tempDir } from './files.ts';
import { mecsim, oneLineFailure, SLOW } from './spawn.ts';

const dir = tempDir();
const scenarioPath = join(dir, 's.json');
writeFileSync(scenarioPath, formatScenario(generateScenario({ seed: 2, users: 5, servers: 2, layers: 6 })));
const DYNAMIC = [
  '--duration',
  '60000',
  '--fading',
  'rician',
  '--coherence',
  '700',
  '--mobility',
  'random-waypoint',
  '--edge-gpu',
  'processor-sharing',
  '--epoch',
  '20000',
];

const tmpLeftovers = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe.concurrent('mecsim simulate', SLOW, () => {
  it('writes byte-identical traces and results for the same seed, and different ones for another seed', async () => {
    const run = (name: string, seed: string) =>
      mecsim(
        'simulate',
        scenarioPath,
        ...DYNAMIC,
        '--seed',
        seed,
        '--trace',
        join(dir, `${name}.jsonl`),
        '--out',
        join(dir, `${name}.json`),
      );
    const [a, b, c] = await Promise.all([run('a', '3'), run('b', '3'), run('c', '4')]);
    for (const r of [a, b, c]) expect(r.code, r.stderr).toBe(0);
    const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
    expect(read('a.jsonl').split('\n').length).toBeGreaterThan(100);
    expect(read('b.jsonl')).toBe(read('a.jsonl'));
    expect(read('b.json')).toBe(read('a.json'));
    expect(read('c.jsonl')).not.toBe(read('a.jsonl'));
    expect(a.stdout).toMatch(/^simulated 60000 s: \d+ events/);
  });

  it('writes a Chrome/Perfetto trace: valid JSON, a named track per user, in the users and in each server process', async () => {
    const path = join(dir, 'chrome.json');
    const r = await mecsim(
      'simulate',
      scenarioPath,
      '--steps',
      '2',
      '--trace',
      path,
      '--trace-format',
      'chrome',
    );
    expect(r.code, r.stderr).toBe(0);
    const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents as {
      ph: string;
      name: string;
      args?: { name?: string };
    }[];
    const tracks = events.filter((e) => e.name === 'thread_name').map((e) => e.args!.name);
    expect(tracks).toEqual(expect.arrayContaining(['user 0', 'user 4']));
    const processes = events.filter((e) => e.name === 'process_name').map((e) => e.args!.name);
    expect(processes).toEqual(expect.arrayContaining(['users', 'server 0']));
    expect(events.filter((e) => e.ph === 'X').length).toBeGreaterThan(5 * 2 * 6);
  });

  it('an unknown fading kind: one line naming the flag, exit 2, no trace file', async () => {
    const trace = join(dir, 'bad-fading.jsonl');
    expect(
      oneLineFailure(await mecsim('simulate', scenarioPath, '--fading', 'nakagami', '--trace', trace)),
    ).toMatch(/^mecsim: --fading: .*rayleigh.*got 'nakagami'$/);
    expect(existsSync(trace)).toBe(false);
  });

  it('out-of-range numbers name their flag', async () => {
    expect(oneLineFailure(await mecsim('simulate', scenarioPath, '--duration', '-5'))).toMatch(
      /^mecsim: --duration: /,
    );
    expect(oneLineFailure(await mecsim('simulate', scenarioPath, '--steps', '1.5'))).toMatch(
      /^mecsim: --steps: /,
    );
    expect(oneLineFailure(await mecsim('simulate', scenarioPath, '--speed', 'fast'))).toMatch(
      /^mecsim: --speed: must be MIN,MAX/,
    );
  });

  it('an unknown policy lists the known ones; --solution with --policy is refused', async () => {
    expect(oneLineFailure(await mecsim('simulate', scenarioPath, '--policy', 'oracle'))).toMatch(
      /^mecsim: --policy: unknown policy 'oracle' \(choose from .*reference/,
    );
    expect(
      oneLineFailure(
        await mecsim('simulate', scenarioPath, '--policy', 'reference', '--solution', scenarioPath),
      ),
    ).toBe('mecsim: give --solution or --policy, not both');
  });

  it('an infeasible solution is refused with its violations', async () => {
    const solution = join(dir, 'bad-solution.json');
    writeFileSync(
      solution,
      JSON.stringify({
        version: 1,
        association: [0, 0, 0, 0, 99],
        localLayers: [1, 1, 1, 1, 1],
        powerW: [1, 1, 1, 1, 1],
        bandwidthHz: [1, 1, 1, 1, 1],
        userFreqHz: [1e8, 1e8, 1e8, 1e8, 1e8],
        edgeFreqHz: [1, 1, 1, 1, 1],
      }),
    );
    expect(oneLineFailure(await mecsim('simulate', scenarioPath, '--solution', solution))).toMatch(
      /infeasible.*association\[4\]/,
    );
  });

  it('a trace path in a missing directory fails cleanly', async () => {
    expect(
      oneLineFailure(await mecsim('simulate', scenarioPath, '--trace', join(dir, 'no-such-dir', 't.jsonl'))),
    ).toMatch(/^mecsim: --trace .*cannot write/);
    expect(tmpLeftovers()).toEqual([]);
  });
});

describe.concurrent('mecsim validate', SLOW, () => {
  it('a run in which no step finishes says so instead of printing NaN means', async () => {
    const r = await mecsim('simulate', scenarioPath, '--duration', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/no user completed a training step/);
    expect(r.stdout).not.toMatch(/NaN/);
  });

  it('scenario --from renormalising a hand-edited file names the stale file, not --set', async () => {
    const edited = JSON.parse(readFileSync(scenarioPath, 'utf8'));
    edited.users[0].flopsPerCycle *= 2;
    const path = join(dir, 'edited.json');
    writeFileSync(path, JSON.stringify(edited));
    const r = await mecsim('scenario', '--from', path, '--out', join(dir, 'renormalised.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^mecsim: scenario file .*edited\.json: normalization is stale: .*: recomputed normalization$/m,
    );
    expect(r.stderr).not.toMatch(/--set/);
  });

  it('static: simulated and analytic agree to 1e-9 for every user', async () => {
    const r = await mecsim('validate', scenarioPath, '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.perUser).toHaveLength(5);
    expect(report.maxAbsRelError).toBeLessThan(1e-9);
  });

  it('--dynamics with processor sharing and fading reports a real deviation', async () => {
    const r = await mecsim('validate', scenarioPath, '--dynamics', '--json', ...DYNAMIC);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).maxAbsRelError).toBeGreaterThan(1e-3);
  });

  it('dynamics flags without --dynamics are refused', async () => {
    expect(oneLineFailure(await mecsim('validate', scenarioPath, '--fading', 'rayleigh'))).toBe(
      'mecsim: --fading: dynamics flags need --dynamics',
    );
  });
});
