// The task list, run seeds and shards depend on the configuration only: a run's seed does not
// change with the number of runs, and the shards partition the tasks.
import { describe, expect, it } from 'vitest';
import { inShard, runSeed, taskList } from '../../experiments/batch/tasks.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { paperFile } from '../../experiments/registry.ts';
import { toCsv, toJsonl } from '../../experiments/report/tables.ts';
import { summarizeRows } from '../../experiments/report/summary.ts';

/** weights --quick with this many runs. */
const weights = (runs: number) => loadExperimentFile(paperFile('weights'), { quick: true, runs });

describe('tasks and seeds', () => {
  it('derives a run seed from (master seed, experiment, run) only', () => {
    expect(runSeed(1, 'weights', 3)).toBe(runSeed(1, 'weights', 3));
    expect(runSeed(1, 'weights', 3)).not.toBe(runSeed(1, 'weights', 4));
    expect(runSeed(1, 'weights', 3)).not.toBe(runSeed(1, 'users', 3));
    expect(runSeed(1, 'weights', 3)).not.toBe(runSeed(2, 'weights', 3));
    expect(Number.isInteger(runSeed(7, 'x', 0)) && runSeed(7, 'x', 0) >= 0).toBe(true);
  });
  it('lists tasks point-major, the same points for more runs', () => {
    const two = taskList(weights(2).experiment, weights(2).config);
    const three = taskList(weights(3).experiment, weights(3).config);
    expect(two).toHaveLength(2 * 6 * 2); // 2 presets × 3 weights at 1 and 10 × 2 runs
    expect(two.map((t) => t.index)).toEqual(two.map((_, i) => i));
    expect(two.slice(0, 3).map((t) => [t.run, t.point])).toEqual([
      [0, { preset: 'paper', weight: 'energy', value: 1 }],
      [1, { preset: 'paper', weight: 'energy', value: 1 }],
      [0, { preset: 'paper', weight: 'delay', value: 1 }],
    ]);
    expect(three.filter((t) => t.run < 2).map((t) => t.point)).toEqual(two.map((t) => t.point));
  });
  it('shards partition the tasks', () => {
    const tasks = taskList(weights(3).experiment, weights(3).config);
    const shards = [0, 1, 2, 3].map((index) =>
      tasks.filter((t) => inShard(t, { index, count: 4 })).map((t) => t.index),
    );
    expect(shards.flat().sort((a, b) => a - b)).toEqual(tasks.map((t) => t.index));
    expect(
      Math.max(...shards.map((s) => s.length)) - Math.min(...shards.map((s) => s.length)),
    ).toBeLessThanOrEqual(1);
  });
});

describe('tables', () => {
  it('CSV quotes what needs quoting and leaves null cells empty; JSONL keeps column order', () => {
    const rows = [
      { b: 'x,"y"', a: 1.5, c: null },
      { a: 1e-20, b: 'plain', c: true },
    ];
    expect(toCsv(['a', 'b', 'c'], rows)).toBe('a,b,c\n1.5,"x,""y""",\n1e-20,plain,true\n');
    expect(toJsonl(['a', 'b', 'c'], rows)).toBe(
      '{"a":1.5,"b":"x,\\"y\\"","c":null}\n{"a":1e-20,"b":"plain","c":true}\n',
    );
  });
  it('summaries group in order of first appearance', () => {
    const rows = [
      { g: 'b', v: 1 },
      { g: 'a', v: 2 },
      { g: 'b', v: 3 },
    ];
    const s = summarizeRows(rows, ['g'], ['v']);
    expect(s.map((r) => [r.group['g'], r.mean, r.n])).toEqual([
      ['b', 2, 2],
      ['a', 2, 1],
    ]);
  });
});
