// Interrupts and lost output (issue 12), on real processes: SIGTERM and SIGINT during a traced
// `simulate`, an `optimize` and an `experiment` leave no temporary file and exit 143 / 130 with one line
// saying what was kept; a stdout whose reader has gone makes a non-zero exit and one line.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScenario } from '../../src/scenario/format.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { tempDir } from './files.ts';
import { root } from './spawn.ts';

const main = join(root, 'src/cli/main.ts');
const CODES = { SIGTERM: 143, SIGINT: 130 } as const;

/** Every file under `dir`, as paths relative to it. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tree(p, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** Starts mecsim, waits until `ready()` holds, sends `signal`, and returns exit code and stderr. */
async function interrupted(
  args: string[],
  ready: () => boolean,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill(signal);
  return { code: await exited, stderr };
}

describe.concurrent('interrupts and lost output', { timeout: 120_000 }, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} during a traced simulate: no temporary file, exit ${CODES[signal]}`, async () => {
      const dir = tempDir();
      const s = join(dir, 's.json');
      writeFileSync(s, formatScenario(generateScenario({ seed: 1, users: 20, servers: 4 })));
      // About 20 MB of trace per simulated second: minutes of work, killed once the trace is growing.
      const args = [
        'simulate',
        s,
        '--duration',
        '1e5',
        '--fading',
        'rayleigh',
        '--coherence',
        '0.01',
        '--no-progress',
      ];
      const r = await interrupted(
        [...args, '--trace', join(dir, 't.jsonl'), '--out', join(dir, 'r.json')],
        () => readdirSync(dir).some((f) => f.endsWith('.tmp')),
        signal,
      );
      expect(r.code).toBe(CODES[signal]);
      expect(r.stderr).toBe('mecsim: interrupted; no results written\n');
      expect(readdirSync(dir)).toEqual(['s.json']);
    });

    it(`${signal} during optimize: handled between outer iterations, no solution file, exit ${CODES[signal]}`, async () => {
      const dir = tempDir();
      const s = join(dir, 's.json');
      // About 20 s of proposed on 2 cores: without a turn of the event loop between iterations the
      // signal would wait for the end, and the run would exit 0 with its file written.
      writeFileSync(s, formatScenario(generateScenario({ seed: 1, users: 5000, servers: 100 })));
      const started = Date.now();
      const r = await interrupted(
        ['optimize', s, '--no-progress', '--out', join(dir, 'sol.json')],
        () => Date.now() - started > 4000,
        signal,
      );
      expect(r.code).toBe(CODES[signal]);
      expect(r.stderr).toBe('mecsim: interrupted; no results written\n');
      expect(readdirSync(dir)).toEqual(['s.json']);
    });

    it(`${signal} during an experiment: finished tasks kept, no temporary file, exit ${CODES[signal]}`, async () => {
      const out = join(tempDir(), 'weights');
      const runs = join(out, 'runs');
      const args = ['experiment', 'weights', '--quick', '--workers', '1', '--no-progress', '--out', out];
      const r = await interrupted(
        args,
        () => existsSync(runs) && readdirSync(runs).some((f) => f.startsWith('task-')),
        signal,
      );
      expect(r.code).toBe(CODES[signal]);
      expect(r.stderr).toBe(
        `mecsim: interrupted; finished tasks are kept in ${out}, continue with the same command and --resume\n`,
      );
      const files = tree(out);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(files.filter((f) => f.startsWith('runs/task-')).length).toBeGreaterThan(0);
    });
  }

  it('a stdout whose reader has gone: exit 1 and one line, not 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'scenario', '--users', '2000'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader closes the pipe before the scenario is printed
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? sig)));
    expect(code).toBe(1);
    expect(stderr).toBe(
      'mecsim: cannot write to stdout (the reader closed the pipe): the output is lost or incomplete\n',
    );
  });
});
