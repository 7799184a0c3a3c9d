// Bad input to `mecsim experiment` and `mecsim merge`: one line naming the flag and the allowed
// range, exit 2, and no output directory or file left behind.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../experiments/batch/runner.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { paperFile } from '../../experiments/registry.ts';
import { mecsim, oneLineFailure, SLOW } from '../cli/spawn.ts';

const dir = mkdtempSync(join(tmpdir(), 'mecsim-experiment-errors-'));

describe.concurrent('mecsim experiment: bad flags', SLOW, () => {
  const cases: [string[], string][] = [
    [
      ['nope'],
      "mecsim: experiment: must be one of collaborative, weights, users, convergence, validation, all, or an experiment file (.yaml, .yml, .json); got 'nope'",
    ],
    [['users', '--runs', '0'], "mecsim: --runs: must be an integer in 1..100000, got '0'"],
    [['users', '--workers', 'two'], "mecsim: --workers: must be an integer in 1..256, got 'two'"],
    [['users', '--shard', '4/4'], "mecsim: --shard: must be I/N with 0 <= I < N, e.g. 0/4, got '4/4'"],
    [
      ['users', '--preset', 'paper,moon'],
      "mecsim: --preset: must be a comma list of paper, contested, got 'paper,moon'",
    ],
    [
      ['experiments/studies/split-phones.yaml', '--preset', 'paper'],
      `mecsim: experiment file experiments/studies/split-phones.yaml: --preset: this experiment file has no axis on scenario.preset to choose from`,
    ],
    [['users', '--seed', '-1'], "mecsim: --seed: must be an integer in 0..4294967295, got '-1'"],
  ];
  for (const [args, line] of cases) {
    it(args.join(' '), async () => {
      const out = join(dir, args.join('_'));
      expect(oneLineFailure(await mecsim('experiment', ...args, '--out', out))).toBe(line);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe('mecsim experiment: an output directory in use', SLOW, () => {
  it('refuses to redo finished tasks without --resume, and another configuration at all', async () => {
    const out = join(dir, 'used');
    await runExperiment({
      ...loadExperimentFile(paperFile('validation'), { quick: true, presets: ['contested'] }),
      outDir: out,
      workers: 1,
      shard: { index: 0, count: 1 },
      resume: false,
    });
    const [again, other] = await Promise.all([
      mecsim('experiment', 'validation', '--quick', '--preset', 'contested', '--out', out),
      mecsim('experiment', 'validation', '--quick', '--preset', 'contested', '--seed', '2', '--out', out),
    ]);
    expect(oneLineFailure(again)).toBe(
      `mecsim: --out ${out}: 1 of these 1 tasks have already finished; pass --resume to continue, or choose another --out`,
    );
    expect(oneLineFailure(other)).toBe(
      `mecsim: --out ${out}: holds a different experiment configuration (${join(out, 'experiment.json')}); choose another --out`,
    );
  });
});

describe('mecsim merge', SLOW, () => {
  it('refuses shards that do not cover every task, and writes nothing', async () => {
    const shard = join(dir, 'shard-0');
    await runExperiment({
      ...loadExperimentFile(paperFile('validation'), { quick: true }),
      outDir: shard,
      workers: 1,
      shard: { index: 0, count: 2 },
      resume: false,
    });
    const out = join(dir, 'merged');
    const [missing, noOut] = await Promise.all([
      mecsim('merge', shard, '--out', out),
      mecsim('merge', shard, join(dir, 'none')),
    ]);
    expect(oneLineFailure(missing)).toBe(
      `mecsim: merge: 1 of 2 tasks have no run file in ${shard} (tasks 1); run or --resume the missing shards first`,
    );
    expect(oneLineFailure(noOut)).toBe('mecsim: --out: needed to merge more than one directory');
    expect(existsSync(out)).toBe(false);
  });
});
