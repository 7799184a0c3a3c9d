// End to end: the real `mecsim` process (node + tsx), its exit code, its one stderr line, and
// no output file left behind on failure. Spawns run concurrently to keep the suite fast; the
// other bad inputs run in-process in evaluate.test.ts, io.test.ts and scenario-command.test.ts.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeFiles } from './files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const main = join(root, 'src/cli/main.ts');

interface Run { code: number; stdout: string; stderr: string }

function mecsim(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', main, ...args], { cwd: root }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A failure: exit 2, exactly one line on stderr (returned without the newline), nothing on stdout. */
function oneLineFailure(r: Run): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr.trimEnd();
}

const f = makeFiles();

// Each spawn pays ~1 s of start-up (tsx, zod); on a small machine several at once take longer.
const SLOW = { timeout: 60_000 };

describe.concurrent('mecsim scenario', SLOW, () => {
  it('writes the golden default scenario for seed 1, byte for byte', async () => {
    const out = join(f.dir, 'golden.json');
    const r = await mecsim('scenario', '--seed', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}: paper preset, 50 users, 10 servers, 32 layers, seed 1\n`);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'test/scenario/golden/paper-seed1.json'), 'utf8'));
  });
  it('a bad flag: one line, exit 2, no file', async () => {
    const out = join(f.dir, 'bad-flag.json');
    expect(oneLineFailure(await mecsim('scenario', '--users', 'abc', '--out', out)))
      .toBe("mecsim: --users: must be an integer in 1..1000000, got 'abc'");
    expect(existsSync(out)).toBe(false);
  });
});

describe.concurrent('mecsim evaluate', SLOW, () => {
  it('a missing file', async () => {
    const missing = join(f.dir, 'missing.json');
    expect(oneLineFailure(await mecsim('evaluate', missing, f.reference))).toBe(`mecsim: scenario file ${missing}: no such file`);
  });
  it('an infeasible solution lists its violations', async () => {
    const sol = f.solutionWith('cli-infeasible.json', (a) => ({ ...a, association: [99, ...a.association.slice(1)] }));
    const line = oneLineFailure(await mecsim('evaluate', f.scenario, sol));
    expect(line).toMatch(/^mecsim: solution file .* is infeasible for .*, \d violated constraints?: association\[0\]: = 99: must be a server index, an integer in 0\.\.1 \(9c\)/);
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
