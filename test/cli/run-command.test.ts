// `mecsim run`, the default job behind `npm start`, end to end in fresh temporary folders.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './files.ts';
import { oneLineFailure, root, type Run } from './spawn.ts';

const bin = join(root, 'src/cli/bin.mjs');

/** The `mecsim` bin run from another folder, as a newcomer's `npx mecsim` would. */
function mecsimIn(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr });
    });
  });
}

describe.concurrent('mecsim run', { timeout: 180_000 }, () => {
  it('the default job (what npm start runs) writes the summary, solutions, chart and trace under results/', async () => {
    const dir = tempDir();
    const r = await mecsimIn(dir, 'run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^method +objective/);
    for (const method of [
      'proposed',
      'ao',
      'layers-only',
      'resources-only',
      'greedy',
      'random',
      'local-only',
      'edge-only',
    ]) {
      expect(r.stdout).toContain(method);
      expect(existsSync(join(dir, 'results', `solution-${method}.json`))).toBe(true);
    }
    const files = readdirSync(join(dir, 'results')).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'methods.svg',
        'scenario.json',
        'summary.csv',
        'summary.json',
        'trace-proposed.json',
      ]),
    );
    const summary = JSON.parse(readFileSync(join(dir, 'results', 'summary.json'), 'utf8'));
    const proposed = summary.methods.find((m: { method: string }) => m.method === 'proposed');
    expect(proposed.maxSimRelError).toBeLessThan(1e-9);
    expect(readFileSync(join(dir, 'results', 'methods.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('a YAML config file, with flags on top, and --json', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'job.yaml'),
      'preset: contested\nusers: 40\nservers: 2\nlayers: 8\nseed: 3\nmethods: [proposed]\nout: from-config\n',
    );
    const r = await mecsimIn(
      dir,
      'run',
      '--config',
      'job.yaml',
      '--users',
      '6',
      '--methods',
      'proposed,greedy',
      '--json',
      '--no-trace',
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.methods.map((m: { method: string }) => m.method)).toEqual(['proposed', 'greedy']);
    const scenario = JSON.parse(readFileSync(join(dir, 'from-config', 'scenario.json'), 'utf8'));
    expect([scenario.preset, scenario.users.length, scenario.servers.length, scenario.seed]).toEqual([
      'contested',
      6,
      2,
      3,
    ]);
    expect(existsSync(join(dir, 'from-config', 'trace-proposed.json'))).toBe(false);
  });

  it('bad settings get one line naming the field, and no output folder content', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'typo.json'), '{"usres": 5}');
    writeFileSync(join(dir, 'bad.yaml'), 'users: [1, 2\n');
    expect(oneLineFailure(await mecsimIn(dir, 'run', '--config', 'typo.json'))).toMatch(
      /^mecsim: config file typo.json: .*usres/,
    );
    expect(oneLineFailure(await mecsimIn(dir, 'run', '--config', 'bad.yaml'))).toMatch(
      /^mecsim: config file bad.yaml: invalid YAML/,
    );
    expect(oneLineFailure(await mecsimIn(dir, 'run', '--methods', 'proposed,oracle'))).toMatch(
      /^mecsim: --methods: /,
    );
    expect(oneLineFailure(await mecsimIn(dir, 'run', '--users', '0'))).toMatch(/^mecsim: --users: /);
    expect(oneLineFailure(await mecsimIn(dir, 'run', '--preset', 'fantasy'))).toMatch(/^mecsim: --preset: /);
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'typo.json']);
  });

  it('SIGINT mid-run leaves no partial results', async () => {
    const dir = tempDir();
    // The paper-size job: the first method's progress line comes seconds before the last method.
    const child = spawn(process.execPath, [bin, 'run', '--methods', 'greedy,proposed,ao'], { cwd: dir });
    let stderr = '';
    const started = new Promise<void>((resolve) =>
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('optimise + simulate: 1/3')) resolve();
      }),
    );
    const exited = new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
    await started;
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted; no results written/);
    expect(existsSync(join(dir, 'results')) ? readdirSync(join(dir, 'results')) : []).toEqual([]);
  });
});
