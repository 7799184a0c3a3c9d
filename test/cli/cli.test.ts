// End to end: the real `mecsim` process (node + tsx), its exit code, its one stderr line, and
// no output file left behind on failure. Spawns run concurrently to keep the suite fast; the
// other bad inputs run in-process in evaluate.test.ts, io.test.ts and scenario-command.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFiles } from './files.ts';
import { mecsim, oneLineFailure, root, SLOW } from './spawn.ts';

const f = makeFiles();

describe.concurrent('mecsim scenario', SLOW, () => {
  it('writes the golden default scenario for seed 1, byte for byte', async () => {
    const out = join(f.dir, 'golden.json');
    const r = await mecsim('scenario', '--seed', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}: paper preset, 50 users, 10 servers, 32 layers, seed 1\n`);
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(join(root, 'test/scenario/golden/paper-seed1.json'), 'utf8'),
    );
  });
  it('a bad flag: one line, exit 2, no file', async () => {
    const out = join(f.dir, 'bad-flag.json');
    expect(oneLineFailure(await mecsim('scenario', '--users', 'abc', '--out', out))).toBe(
      "mecsim: --users: must be an integer in 1..1000000, got 'abc'",
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe.concurrent('mecsim evaluate', SLOW, () => {
  it('a missing file', async () => {
    const missing = join(f.dir, 'missing.json');
    expect(oneLineFailure(await mecsim('evaluate', missing, f.reference))).toBe(
      `mecsim: scenario file ${missing}: no such file`,
    );
  });
  it('an infeasible solution lists its violations', async () => {
    const sol = f.solutionWith('cli-infeasible.json', (a) => ({
      ...a,
      association: [99, ...a.association.slice(1)],
    }));
    const line = oneLineFailure(await mecsim('evaluate', f.scenario, sol));
    expect(line).toMatch(
      /^mecsim: solution file .* is infeasible for .*, \d violated constraints?: association\[0\]: = 99: must be a server index, an integer in 0\.\.1 \(9c\)/,
    );
  });
  it('edge-only and local-only baselines, --json', async () => {
    const [edge, local] = await Promise.all([
      mecsim('evaluate', f.hand, f.handEdgeOnly, '--json'),
      mecsim('evaluate', f.hand, f.handLocalOnly, '--json'),
    ]);
    expect([edge.code, local.code, edge.stderr, local.stderr]).toEqual([0, 0, '', '']);
    const e = JSON.parse(edge.stdout);
    expect(e.version).toBe(1);
    expect(e.totalDelayS).toBeCloseTo(8.16, 12); // 320 bits / 2000 bit/s + 4 × 2 s
    expect(e.totalEnergyJ).toBeCloseTo(7.4568, 12); // 0.3 W × 0.16 s + 4 × 1.8522 J
    const l = JSON.parse(local.stdout);
    expect([l.stability, l.objective, l.stabilityBounded]).toEqual([null, null, false]);
    expect(l.totalDelayS).toBeCloseTo(168, 12);
  });
});
