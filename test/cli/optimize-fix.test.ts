// `mecsim optimize --fix` end to end: a number, a per-user list, a solution file and a JSON
// array as input; the held decisions in the written solution and its `fixed` record. Wrong
// inputs are in the catalogue (test/cli/catalogue.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFiles } from './files.ts';
import { mecsim, SLOW } from './spawn.ts';

const f = makeFiles(); // 6 users, 2 servers, 32 layers
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('mecsim optimize --fix', SLOW, () => {
  it('holds a split, then that solution file fixes the association of the next run', async () => {
    const first = join(f.dir, 'fix-split.json');
    const r = await mecsim('optimize', f.scenario, '--fix', 'localLayers=4', '--out', first);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^ {2}fixed: localLayers=4$/m);
    expect(r.stdout).toMatch(/local layers: min 4, median 4, max 4/);
    const held = read(first);
    expect(held.localLayers).toEqual([4, 4, 4, 4, 4, 4]);
    expect(held.fixed).toEqual(['localLayers=4']);

    const split = join(f.dir, 'split.json');
    f.put('split.json', JSON.stringify([1, 2, 3, 4, 5, 6]));
    const second = join(f.dir, 'fix-both.json');
    const s = await mecsim(
      'optimize',
      f.scenario,
      '--fix',
      `association=${first}`,
      '--fix',
      `localLayers=${split}`,
      '--out',
      second,
      '--json',
    );
    expect([s.code, s.stderr]).toEqual([0, '']);
    const both = read(second);
    expect(both.association).toEqual(held.association);
    expect(both.localLayers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(both.fixed).toEqual([`association=${first}`, `localLayers=${split}`]);
    expect(JSON.parse(s.stdout)).toEqual(both);
  });

  it('a comma list, and a rule: association=greedy is the greedy baseline', async () => {
    const [list, rule, greedy] = await Promise.all([
      mecsim('optimize', f.scenario, '--fix', 'localLayers=1,1,2,2,3,3', '--json'),
      mecsim('optimize', f.scenario, '--fix', 'association=greedy', '--json'),
      mecsim('optimize', f.scenario, '--algorithm', 'greedy', '--json'),
    ]);
    expect(JSON.parse(list.stdout).localLayers).toEqual([1, 1, 2, 2, 3, 3]);
    const { fixed, algorithm, ...held } = JSON.parse(rule.stdout);
    const { algorithm: _a, ...baseline } = JSON.parse(greedy.stdout);
    expect([fixed, algorithm]).toEqual([['association=greedy'], 'proposed']);
    expect(held).toEqual(baseline);
  });

  it('--help documents it', async () => {
    const r = await mecsim('optimize', '--help');
    expect(r.stdout).toMatch(/--fix <key=value>/);
    expect(r.stdout).toMatch(/for l in 1 2 4 8; do mecsim optimize s\.json --fix localLayers=\$l/);
  });
});

describe('mecsim optimize with a budget', SLOW, () => {
  it("--max-iterations 1 writes the first start's resource step, marked partial, which evaluate accepts", async () => {
    const path = join(f.dir, 'partial.json');
    const r = await mecsim('optimize', f.scenario, '--max-iterations', '1', '--out', path);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^partial: stopped by --max-iterations 1;/);
    const s = read(path);
    expect([s.partial, s.stoppedBy, s.starts, s.iterations]).toEqual([true, '--max-iterations 1', 1, 1]);
    const e = await mecsim('evaluate', f.scenario, path);
    expect([e.code, e.stderr]).toEqual([0, '']);
  });
});
