// Policies and re-planning costs in experiment files: `simulation.policy` (a named policy or a
// module, also as a sweep axis), `simulation.policyCmd` (a policy process) and
// `simulation.solveS`, `migration`, `handoverS` flow into the run as the simulate flags do; a
// wrong name is one line naming the key. A module and a command give the same bytes on 1 and 2
// workers, and the same rows as each other; a policy that fails in a task ends the run with exit
// 3, and the processes of the tasks still running are killed.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/files/index.ts';
import { runExperiment } from '../../experiments/batch/runner.ts';
import type { FileConfig } from '../../experiments/file/config.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { pointSetup } from '../../experiments/file/setup.ts';
import { runFileTask } from '../../experiments/file/task.ts';
import { mecsim, oneLineFailure, root } from '../cli/spawn.ts';
import { oneLineError } from '../one-line-error.ts';
import { readTree } from './tree.ts';
import { processGone } from '../process-gone.ts';

const dir = mkdtempSync(join(tmpdir(), 'mecsim-experiment-policy-'));
let n = 0;
const write = (doc: unknown): string => {
  const path = join(dir, `e${n++}.yaml`);
  writeFileSync(path, stringify(doc));
  return path;
};

const FILE = {
  name: 'policies',
  scenario: { preset: 'contested', users: 4, servers: 2 },
  simulation: {
    durationS: 40_000,
    epochS: 10_000,
    fading: 'rayleigh',
    coherenceS: 900,
    handoverS: 5,
    solveS: 30,
  },
  sweep: { axes: { policy: { path: 'simulation.policy', values: ['reference', 'greedy'] } } },
  record: { metrics: ['analytic', 'simulated'] },
};

describe('policies in experiment files', () => {
  it('simulation.policy and the re-planning costs reach the simulation', async () => {
    const { config } = loadExperimentFile(write(FILE));
    const fileConfig = config as FileConfig;
    const setup = pointSetup(fileConfig.file, { policy: 'reference' });
    expect(setup.policy).toBe('reference');
    expect(setup.simulation?.replan).toEqual({ solveS: 30, migration: false, handoverS: 5 });
    const [reference, greedy] = await Promise.all(
      ['reference', 'greedy'].map((policy) =>
        runFileTask({ point: { policy }, run: 0 } as never, 3, fileConfig),
      ),
    );
    expect(reference![0]).toMatchObject({ policy: 'reference' });
    // Two policies, two different runs (the analytic columns are the method's, the same for both).
    expect(reference![0]!['simObjective']).not.toBe(greedy![0]!['simObjective']);
  });

  it('files without them run as before: no costs, the method decides', () => {
    const plain = {
      ...FILE,
      simulation: { durationS: 100 },
      sweep: { axes: { u: { path: 'scenario.users', values: [3] } } },
    };
    const setup = pointSetup((loadExperimentFile(write(plain)).config as FileConfig).file, { u: 3 });
    expect(setup.policy).toBeUndefined();
    expect(setup.simulation?.replan).toEqual({ solveS: 0, migration: false, handoverS: 0 });
  });

  it('an unknown policy name: one line naming the key and the names', () => {
    const bad = {
      ...FILE,
      sweep: { axes: { u: { path: 'scenario.users', values: [3] } } },
      simulation: { policy: 'oracle' },
    };
    expect(oneLineError(() => loadExperimentFile(write(bad)), InputError)).toMatch(
      /simulation\.policy: must be one of reference, .*greedy/,
    );
  });
});

// The threshold example as a module beside the file, and the Python agent copied beside it (so
// `python3 threshold_agent.py` works only if the command runs in the file's folder).
writeFileSync(
  join(dir, 'threshold.ts'),
  `export { default } from ${JSON.stringify(join(root, 'experiments/policies/threshold.ts'))};\n`,
);
copyFileSync(join(root, 'experiments/policies/threshold_agent.py'), join(dir, 'threshold_agent.py'));

const THRESHOLD = {
  name: 'threshold',
  scenario: { preset: 'contested', users: 4, servers: 2 },
  simulation: { durationS: 40_000, epochS: 10_000, fading: 'rayleigh', coherenceS: 900, handoverS: 5 },
  sweep: { axes: { users: { path: 'scenario.users', values: [3, 4] } } },
  runs: 2,
  record: { per: 'user', metrics: ['simulated'] },
};
const withPolicy = (policy: Record<string, unknown>) => ({
  ...THRESHOLD,
  simulation: { ...THRESHOLD.simulation, ...policy },
});

/** The outputs of `file` run on `workers` workers. */
async function outputs(file: string, workers: number): Promise<Record<string, string>> {
  const { experiment, config } = loadExperimentFile(file);
  const outDir = mkdtempSync(join(tmpdir(), 'mecsim-policy-out-'));
  await runExperiment({ experiment, config, outDir, workers, shard: { index: 0, count: 1 }, resume: false });
  return readTree(outDir);
}

/** Up to four policy processes and two worker threads at once on shared cores take their time. */
const LOADED = { timeout: 240_000 };

describe('a policy module or command in an experiment file', LOADED, () => {
  const moduleFile = write(withPolicy({ policy: './threshold.ts' }));
  const commandFile = write(withPolicy({ policyCmd: 'python3 threshold_agent.py', policyTimeoutS: 120 }));

  it('stores the folder from the working folder, not an absolute path', () => {
    const config = loadExperimentFile(moduleFile).config as FileConfig;
    expect(config.folder).toBe(relative(process.cwd(), dir));
    expect(config.file.simulation?.policy).toBe('./threshold.ts');
    // Files with neither keep their stored configuration as it was.
    expect('folder' in loadExperimentFile(write(THRESHOLD)).config).toBe(false);
  });

  it('module and command: the same bytes on 1 and 2 workers, and the same rows as each other', async () => {
    const [module1, module2, command1, command2] = await Promise.all([
      outputs(moduleFile, 1),
      outputs(moduleFile, 2),
      outputs(commandFile, 1),
      outputs(commandFile, 2),
    ]);
    expect(module2).toEqual(module1);
    expect(command2).toEqual(command1);
    // The threshold rule in TypeScript and in Python: only the stored configuration differs.
    const { ['experiment.json']: _m, ...moduleRest } = module1;
    const { ['experiment.json']: _c, ...commandRest } = command1;
    expect(commandRest).toEqual(moduleRest);
    expect(Object.keys(moduleRest).filter((k) => k.startsWith('runs/'))).toHaveLength(4);
    expect(module1['rows.csv']!.split('\n')[0]).toBe('users,run,user,simSteps,simDelayS,simEnergyJ');
  });

  it('a policy that fails in a task: exit 3, one line naming the task; the other tasks’ processes are killed', async () => {
    // Reads nothing, once it has written its pid: only a kill ends it within a minute.
    writeFileSync(
      join(dir, 'sleepy.py'),
      'import os, time\nopen("sleepy.pid.tmp", "w").write(str(os.getpid()))\nos.rename("sleepy.pid.tmp", "sleepy.pid")\ntime.sleep(60)\n',
    );
    // Fails once the other task's process is up, so that one is running when the run ends.
    writeFileSync(
      join(dir, 'crash.py'),
      'import os, sys, time\nwhile not os.path.exists("sleepy.pid"): time.sleep(0.05)\nsys.stderr.write("boom\\n")\nsys.exit(1)\n',
    );
    const file = write({
      ...withPolicy({ policyTimeoutS: 120 }),
      runs: 1,
      sweep: {
        axes: { agent: { path: 'simulation.policyCmd', values: ['python3 sleepy.py', 'python3 crash.py'] } },
      },
    });
    const out = join(dir, 'failed');
    const line = oneLineFailure(
      await mecsim('experiment', file, '--workers', '2', '--out', out, '--no-progress'),
      3,
    );
    expect(line).toMatch(
      /^mecsim: threshold task 1 \(run 0, \{"agent":"python3 crash\.py"\}, seed \d+\): policy crash at t = 0 s \(epoch 0\): exited with code 1 before it answered \(stderr: boom\)$/,
    );
    const pid = Number(readFileSync(join(dir, 'sleepy.pid'), 'utf8'));
    expect(processGone(pid)).toBe(true);
  });

  it('a module path that does not exist: one line naming the key, exit 2, nothing written', async () => {
    const file = write(withPolicy({ policy: './nowhere.ts' }));
    const out = join(dir, 'never');
    expect(oneLineFailure(await mecsim('experiment', file, '--out', out))).toMatch(
      /^mecsim: experiment file .*: simulation\.policy: '\.\/nowhere\.ts' does not exist \(resolved against the experiment file's folder to .*nowhere\.ts\)$/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
