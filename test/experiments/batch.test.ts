// The batch runner end to end: the --quick set runs in under 2 minutes and writes every output;
// the bytes do not depend on the number of workers, on sharding + merge, or on a SIGKILL and a
// --resume. The reference for each comparison is the uninterrupted 2-worker run of the quick set
// (wall-clock files aside: the paper files record time).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../experiments/batch/runner.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { EXPERIMENT_NAMES, paperFile } from '../../experiments/registry.ts';
import { mecsim, root } from '../cli/spawn.ts';
import { comparedTree, readTree } from './tree.ts';

const dir = mkdtempSync(join(tmpdir(), 'mecsim-experiments-'));
const all = join(dir, 'all');
const QUICK_LIMIT_MS = 120_000;

/** `mecsim experiment NAME --quick` in this process, on one worker (the file's quick section). */
const runIn = (out: string, name: string, shard = { index: 0, count: 1 }) =>
  runExperiment({
    ...loadExperimentFile(paperFile(name), { quick: true }),
    outDir: out,
    workers: 1,
    shard,
    resume: false,
  });

let quickMs = Infinity;
beforeAll(async () => {
  const t0 = Date.now();
  const r = await mecsim('experiment', 'all', '--quick', '--workers', '2', '--out', all, '--no-progress');
  quickMs = Date.now() - t0;
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 4 * QUICK_LIMIT_MS);

describe('experiment all --quick', () => {
  it('runs in under 2 minutes', () => {
    expect(quickMs).toBeLessThan(QUICK_LIMIT_MS);
  });
  it('writes rows, summary, figures and a report with verdicts for every experiment', () => {
    for (const name of EXPERIMENT_NAMES) {
      const files = Object.keys(readTree(join(all, name)));
      for (const f of ['experiment.json', 'rows.csv', 'rows.jsonl', 'summary.csv', 'report.md'])
        expect(files).toContain(f);
      expect(files.filter((f) => f.startsWith('figures/') && f.endsWith('.svg')).length).toBeGreaterThan(0);
      expect(files.filter((f) => f.startsWith('runs/task-')).length).toBeGreaterThan(0);
      expect(readTree(join(all, name))['report.md']).toMatch(/\*\*(holds|partly|fails)\*\*/);
    }
  });
});

describe('reproducible batches', () => {
  it('1 worker gives the same bytes as 2 workers', async () => {
    const out = join(dir, 'one-worker');
    await runIn(out, 'collaborative');
    expect(comparedTree(out)).toEqual(comparedTree(join(all, 'collaborative')));
  }, 60_000);

  it('four shards merged give the same bytes as one run', async () => {
    const shards = [0, 1, 2, 3].map((index) => join(dir, `shard-${index}`));
    for (const [index, out] of shards.entries()) {
      const r = await runIn(out, 'collaborative', { index, count: 4 });
      expect([r.shardTasks, r.figures]).toEqual([1, undefined]);
    }
    const merged = join(dir, 'merged');
    const r = await mecsim('merge', ...shards, '--out', merged);
    expect(r.code).toBe(0);
    expect(comparedTree(merged)).toEqual(comparedTree(join(all, 'collaborative')));
  }, 60_000);

  it('a run killed with SIGKILL and resumed gives the same bytes as an uninterrupted run', async () => {
    const TASKS = 12; // weights --quick: 2 presets × each weight at 1 and at 10
    const out = join(dir, 'killed');
    const runs = join(out, 'runs');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'src/cli/main.ts'),
        'experiment',
        'weights',
        '--quick',
        '--workers',
        '1',
        '--no-progress',
        '--out',
        out,
      ],
      { cwd: root, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const finished = (): number =>
      existsSync(runs) ? readdirSync(runs).filter((f) => f.startsWith('task-')).length : 0;
    while (finished() < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGKILL');
    await exited;
    const killedAt = finished();
    expect(killedAt).toBeLessThan(TASKS);
    expect(existsSync(join(out, 'report.md'))).toBe(false);
    const r = await mecsim(
      'experiment',
      'weights',
      '--quick',
      '--workers',
      '1',
      '--no-progress',
      '--resume',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${TASKS - killedAt} run now, ${killedAt} already done`);
    expect(comparedTree(out)).toEqual(comparedTree(join(all, 'weights')));
  }, 90_000);

  it('Ctrl-C (SIGINT) mid-batch says how to continue, and --resume then gives the same bytes', async () => {
    const TASKS = 12;
    const out = join(dir, 'interrupted');
    const runs = join(out, 'runs');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'src/cli/main.ts'),
        'experiment',
        'weights',
        '--quick',
        '--workers',
        '2',
        '--no-progress',
        '--out',
        out,
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
    const finished = (): number =>
      existsSync(runs) ? readdirSync(runs).filter((f) => f.startsWith('task-')).length : 0;
    while (finished() < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe(
      `mecsim: interrupted; finished tasks are kept in ${out}, continue with the same command and --resume\n`,
    );
    const r = await mecsim(
      'experiment',
      'weights',
      '--quick',
      '--workers',
      '2',
      '--no-progress',
      '--resume',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${TASKS} tasks, \\d+ run now, \\d+ already done`));
    expect(comparedTree(out)).toEqual(comparedTree(join(all, 'weights')));
  }, 90_000);
});
