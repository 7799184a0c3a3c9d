// An experiment file through the batch runner with every guarantee: the same bytes for 1 and 2
// workers, for four shards merged, and for a partial run resumed; wall times kept apart from
// the compared outputs; --dry-run writes nothing; a wrong file exits 2 with nothing written.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../experiments/batch/runner.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { mecsim, oneLineFailure } from '../cli/spawn.ts';
import { readTree } from './tree.ts';

const dir = mkdtempSync(join(tmpdir(), 'mecsim-experiment-file-batch-'));
const file = join(dir, 'tiny.yaml');
writeFileSync(
  file,
  stringify({
    name: 'tiny',
    scenario: { preset: 'contested', users: 4, servers: 2, set: { 'weights.energy': 2 } },
    simulation: { steps: 1 },
    sweep: {
      axes: {
        fpc: { path: 'scenario.users[*].flopsPerCycle', values: [64, 256] },
        method: { path: 'optimizer.method', values: ['proposed', 'greedy'] },
      },
    },
    runs: 2,
    record: { per: 'user', metrics: ['analytic', 'simulated', 'errors', 'iterations', 'time'] },
    figures: [
      { name: 'delay', x: 'fpc', y: 'delayS', colour: 'method' },
      { name: 'energy-box', kind: 'box', x: 'fpc', colour: 'method', y: 'energyJ' },
      { name: 'energy-cdf', kind: 'cdf', colour: 'method', facet: 'fpc', y: 'energyJ' },
    ],
  }),
);

/** The compared outputs: everything but the wall-clock files. */
const compared = (out: string): Record<string, string> =>
  Object.fromEntries(Object.entries(readTree(out)).filter(([k]) => !k.startsWith('wall-time')));

/** The file run in this process on one worker, as shard `shard`. */
function runFile(out: string, shard: { index: number; count: number }) {
  const { experiment, config } = loadExperimentFile(file);
  return runExperiment({ experiment, config, outDir: out, workers: 1, shard, resume: false });
}

const reference = join(dir, 'two-workers');
beforeAll(async () => {
  const r = await mecsim('experiment', file, '--workers', '2', '--out', reference, '--no-progress');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 120_000);

describe('an experiment file on the batch runner', () => {
  it('writes rows per user, summary, figures, report, and wall times apart', () => {
    const tree = readTree(reference);
    expect(Object.keys(tree).filter((k) => k.startsWith('runs/'))).toHaveLength(8);
    for (const f of ['delay', 'energy-box', 'energy-cdf']) expect(tree[`figures/${f}.svg`]).toContain('<svg');
    expect(tree['rows.csv']!.split('\n')[0]).toBe(
      'fpc,method,run,user,localLayers,server,delayS,localDelayS,uplinkDelayS,edgeDelayS,energyJ,simSteps,simDelayS,simEnergyJ,' +
        'steps,analyticDelayS,analyticEnergyJ,delayRelErr,energyRelErr,absDelayRelErr,absEnergyRelErr,iterations',
    );
    expect(tree['rows.csv']!.trim().split('\n')).toHaveLength(1 + 8 * 4);
    expect(tree['wall-time.csv']!.split('\n')[0]).toBe(
      'task,fpc,method,run,wallClock_optimizeS,wallClock_simulateS',
    );
    expect(Object.keys(tree).filter((k) => k.startsWith('wall-time/'))).toHaveLength(8);
    for (const [k, text] of Object.entries(tree))
      if (k.startsWith('runs/') || k === 'rows.csv') expect(text).not.toContain('wallClock');
  });

  it('1 worker gives the same bytes as 2', async () => {
    const out = join(dir, 'one-worker');
    await runFile(out, { index: 0, count: 1 });
    expect(compared(out)).toEqual(compared(reference));
  }, 60_000);

  it('four shards merged give the same bytes as one run', async () => {
    const shards = [0, 1, 2, 3].map((i) => join(dir, `shard-${i}`));
    for (const [index, out] of shards.entries()) await runFile(out, { index, count: 4 });
    const merged = join(dir, 'merged');
    const r = await mecsim('merge', ...shards, '--out', merged);
    expect(r.code, r.stderr).toBe(0);
    expect(compared(merged)).toEqual(compared(reference));
  }, 90_000);

  it('a partial run resumed gives the same bytes', async () => {
    const out = join(dir, 'partial');
    await runFile(out, { index: 1, count: 2 });
    rmSync(join(out, 'runs', readdirSync(join(out, 'runs'))[0]!));
    const r = await mecsim('experiment', file, '--workers', '1', '--out', out, '--resume', '--no-progress');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('8 tasks, 5 run now, 3 already done');
    expect(compared(out)).toEqual(compared(reference));
  }, 90_000);

  it('--dry-run prints the count, an estimate and the layout, and writes nothing', async () => {
    const out = join(dir, 'dry');
    const r = await mecsim('experiment', file, '--dry-run', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^tiny: 8 tasks; nothing written \(dry run\)\n/);
    expect(r.stdout).toMatch(/calibration: \d task\(s\) in this thread, [\d.]+ s each/);
    expect(r.stdout).toMatch(/estimated wall time: \d+ s on \d+ worker/);
    expect(r.stdout).toContain('figures/energy-cdf.svg');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a wrong file: one line, exit 2, nothing written', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      stringify({ name: 'bad', sweep: { axes: { u: { path: 'scenario.userz', values: [1] } } } }),
    );
    const out = join(dir, 'bad-out');
    expect(oneLineFailure(await mecsim('experiment', bad, '--out', out))).toMatch(
      /^mecsim: experiment file .*bad\.yaml: sweep\.axes\.u: value 1: scenario\.userz: unknown field 'userz' \(did you mean 'users'\?\)$/,
    );
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});

// The paper sweeps declared in their files (axes, methods, records, summary, claims) give the
// named experiments' rows and summary byte for byte, and the same verdicts on the same claims.
// Their figures, report and experiment.json are the file's own (a file's figures, its
// configuration), so not compared: validation's claims sit under a box plot of the file's, not
// under the built-in's error-tails figure.
describe('the paper experiments through their files', () => {
  /** The `  [verdict] figure: claim` lines, as `[verdict] claim`. */
  const verdicts = (stdout: string): string[] =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('  ['))
      .map((l) => l.trim().replace(/^(\[[a-z/]+\]) [a-z0-9-]+: /, '$1 '));
  for (const name of ['collaborative', 'weights', 'users', 'convergence', 'validation']) {
    it(`${name} --quick: rows.csv and summary.csv are the bytes of 'mecsim experiment ${name} --quick'`, async () => {
      const [byFile, byName] = [join(dir, `${name}-file`), join(dir, `${name}-name`)];
      const a = await mecsim(
        'experiment',
        `experiments/paper/${name}.yaml`,
        '--quick',
        '--out',
        byFile,
        '--no-progress',
      );
      const b = await mecsim('experiment', name, '--quick', '--out', byName, '--no-progress');
      expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
      const [fileTree, nameTree] = [readTree(byFile), readTree(byName)];
      for (const f of ['rows.csv', 'summary.csv']) expect(fileTree[f], f).toBe(nameTree[f]);
      if (name !== 'collaborative') expect(verdicts(a.stdout)).toEqual(verdicts(b.stdout));
    }, 180_000);
  }
});
