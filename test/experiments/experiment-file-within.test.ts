// Experiment files, the validation features: sweep.within (axes looped inside a task: the same
// rows as without it, one solve per task where only the simulation changes), simulation.dynamics
// (a named case of sim/dynamics.ts under the explicit options), method 'reference', the
// quick.simulation override, per-user errors columns, and their wrong inputs as one line naming
// the key. Tasks run in-process on tiny scenarios (3–4 users, 2 servers, one simulated step).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/files/index.ts';
import { runSeed } from '../../experiments/batch/tasks.ts';
import type { Row } from '../../experiments/experiment.ts';
import type { FileConfig } from '../../experiments/file/config.ts';
import { loadExperimentFile, type LoadedExperiment } from '../../experiments/file/load.ts';
import { SweepFileSchema } from '../../experiments/file/schema.ts';
import { pointSetup } from '../../experiments/file/setup.ts';
import { sweepPoints, taskPoints, withinPoints } from '../../experiments/file/sweep.ts';
import * as methods from '../../experiments/methods.ts';
import { DEFAULT_SIM_CONFIG } from '../../sim/config.ts';
import { DYNAMICS_NAMES } from '../../sim/dynamics.ts';
import { oneLineError } from '../one-line-error.ts';
import { expectFileError, fileWriter } from './experiment-files.ts';

const write = fileWriter('experiment-file-within');

const BASE = {
  name: 'tiny',
  scenario: { preset: 'contested', users: 4, servers: 2 },
  sweep: { axes: { users: { path: 'scenario.users', values: [3, 4] } } },
};

/** The rows of every task of run 0 whose point matches `where`, concatenated in task order. */
async function runRows(
  { experiment, config }: LoadedExperiment,
  where: (point: Readonly<Record<string, unknown>>) => boolean = () => true,
): Promise<Row[]> {
  const seed = runSeed(config.seed, config.experiment, 0);
  const rows: Row[] = [];
  for (const [index, point] of experiment.points(config).entries())
    if (where(point)) rows.push(...(await experiment.runTask({ index, run: 0, point }, seed, config)));
  return rows;
}

describe('task points and within points', () => {
  const file = SweepFileSchema.parse({
    ...BASE,
    sweep: {
      axes: {
        a: { path: 'scenario.users', values: [3, 4] },
        b: { path: 'optimizer.method', values: ['proposed', 'greedy'] },
        c: { path: 'simulation.dynamics', values: ['static', 'rayleigh-100s', 'processor-sharing'] },
      },
      within: ['b', 'c'],
    },
  });
  it('tasks are the points of the other axes; each task loops the within axes in grid order', () => {
    expect(taskPoints(file)).toEqual([{ a: 3 }, { a: 4 }]);
    expect(withinPoints(file)).toEqual([
      { b: 'proposed', c: 'static' },
      { b: 'proposed', c: 'rayleigh-100s' },
      { b: 'proposed', c: 'processor-sharing' },
      { b: 'greedy', c: 'static' },
      { b: 'greedy', c: 'rayleigh-100s' },
      { b: 'greedy', c: 'processor-sharing' },
    ]);
    // Every point, within axes included, as without within.
    const all = sweepPoints(file);
    expect(all).toEqual(sweepPoints({ ...file, sweep: { ...file.sweep, within: undefined } }));
    expect(all).toHaveLength(12);
    expect(all[0]).toEqual({ a: 3, b: 'proposed', c: 'static' });
    expect(all[11]).toEqual({ a: 4, b: 'greedy', c: 'processor-sharing' });
  });
  it('without within: one within point (empty), and the tasks are every point', () => {
    const plain = { ...file, sweep: { ...file.sweep, within: undefined } };
    expect(withinPoints(plain)).toEqual([{}]);
    expect(taskPoints(plain)).toEqual(sweepPoints(plain));
  });
  it('a within axis in the middle of the file: the tasks keep the order of the others', () => {
    const f = { ...file, sweep: { ...file.sweep, within: ['a'] } };
    expect(taskPoints(f)).toHaveLength(6);
    expect(taskPoints(f)[0]).toEqual({ b: 'proposed', c: 'static' });
    expect(withinPoints(f)).toEqual([{ a: 3 }, { a: 4 }]);
  });
});

describe('a file with within axes, run in-process', () => {
  const AXES = {
    users: { path: 'scenario.users', values: [3, 4] },
    method: { path: 'optimizer.method', values: ['reference', 'proposed'] },
    dynamics: { path: 'simulation.dynamics', values: ['static', 'processor-sharing'] },
  };
  const FILE = {
    name: 'within',
    scenario: { preset: 'contested', users: 4, servers: 2 },
    simulation: { steps: 1 },
    sweep: { axes: AXES, within: ['method', 'dynamics'] },
    record: { per: 'user', metrics: ['errors'] },
  };
  const within = loadExperimentFile(write(FILE));
  // The same sweep with every axis across tasks (same name: the same run seeds).
  const across = loadExperimentFile(write({ ...FILE, sweep: { axes: AXES } }));

  it('one task per users value, with the per-user errors columns', () => {
    expect(within.experiment.points(within.config)).toEqual([{ users: 3 }, { users: 4 }]);
    expect(across.experiment.points(across.config)).toHaveLength(8);
    const columns = [
      'users',
      'method',
      'dynamics',
      'run',
      'user',
      'steps',
      'analyticDelayS',
      'simDelayS',
      'analyticEnergyJ',
      'simEnergyJ',
      'delayRelErr',
      'energyRelErr',
      'absDelayRelErr',
      'absEnergyRelErr',
    ];
    expect(within.experiment.columns).toEqual(columns);
    expect(across.experiment.columns).toEqual(columns);
  });

  it('rows: method outer, dynamics inner, the users within; static exact; the same rows as without within', async () => {
    const [point] = within.experiment.points(within.config);
    const seed = runSeed(within.config.seed, within.config.experiment, 0);
    const rows = await within.experiment.runTask({ index: 0, run: 0, point: point! }, seed, within.config);
    expect(rows.map((r) => [r['method'], r['dynamics'], r['user']])).toEqual(
      ['reference', 'proposed'].flatMap((m) =>
        ['static', 'processor-sharing'].flatMap((d) => [0, 1, 2].map((u) => [m, d, u])),
      ),
    );
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(within.experiment.columns);
      expect(r).toMatchObject({ users: 3, run: 0, steps: 1 });
      expect(r['absDelayRelErr']).toBe(Math.abs(r['delayRelErr'] as number));
      expect(r['absEnergyRelErr']).toBe(Math.abs(r['energyRelErr'] as number));
      expect(r['delayRelErr']).toBeCloseTo(
        ((r['simDelayS'] as number) - (r['analyticDelayS'] as number)) / (r['analyticDelayS'] as number),
        9,
      );
    }
    const statics = rows.filter((r) => r['dynamics'] === 'static');
    expect(statics).toHaveLength(6);
    for (const r of statics) {
      expect(Math.abs(r['delayRelErr'] as number)).toBeLessThan(1e-9);
      expect(Math.abs(r['energyRelErr'] as number)).toBeLessThan(1e-9);
    }
    // The closed form is the same for a user under both dynamics (one allocation per method).
    for (const r of rows.filter((x) => x['dynamics'] === 'processor-sharing')) {
      const twin = statics.find((s) => s['method'] === r['method'] && s['user'] === r['user'])!;
      expect(r['analyticDelayS']).toBe(twin['analyticDelayS']);
      expect(r['analyticEnergyJ']).toBe(twin['analyticEnergyJ']);
    }

    // within changes how tasks are cut, not the rows: the same cells, in the same order.
    const acrossRows = await runRows(across, (p) => p['users'] === 3);
    expect(acrossRows).toHaveLength(12);
    expect(JSON.stringify(rows)).toBe(JSON.stringify(acrossRows));
  });

  it('every task: the rows of the file without within, concatenated in task order', async () => {
    const a = await runRows(within);
    const b = await runRows(across);
    expect(a).toHaveLength(2 * 2 * (3 + 4));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('the solve cache of a task', () => {
  afterEach(() => vi.restoreAllMocks());
  const file = (within: string[] | undefined) =>
    loadExperimentFile(
      write({
        ...BASE,
        name: 'cache',
        simulation: { steps: 1 },
        sweep: {
          axes: {
            users: { path: 'scenario.users', values: [3, 4] },
            dynamics: {
              path: 'simulation.dynamics',
              values: ['static', 'rayleigh-100s', 'processor-sharing'],
            },
          },
          ...(within === undefined ? {} : { within }),
        },
        record: { metrics: ['analytic', 'iterations', 'simulated'] },
      }),
    );

  it('within over the dynamics only: the proposed method solves once per task, every row has its solution', async () => {
    // vi.spyOn on the namespace of experiments/methods.ts: task.ts calls solve through it.
    const solve = vi.spyOn(methods, 'solve');
    const loaded = file(['dynamics']);
    const rows = await runRows(loaded);
    expect(loaded.experiment.points(loaded.config)).toEqual([{ users: 3 }, { users: 4 }]);
    expect(solve).toHaveBeenCalledTimes(2);
    expect(solve.mock.calls.map(([, method]) => method)).toEqual(['proposed', 'proposed']);
    expect(rows.map((r) => [r['users'], r['dynamics']])).toEqual(
      [3, 4].flatMap((u) => ['static', 'rayleigh-100s', 'processor-sharing'].map((d) => [u, d])),
    );
    // The analytic cells (and the solve's counts) are those of the one solution under every dynamics.
    const analytic = ['objective', 'totalEnergyJ', 'meanDelayS', 'iterations', 'lpSolves'];
    for (const users of [3, 4]) {
      const [first, ...rest] = rows.filter((r) => r['users'] === users);
      for (const c of analytic) expect(first![c]).not.toBeUndefined();
      for (const r of rest) for (const c of analytic) expect(r[c]).toBe(first![c]);
    }
    // …while the simulation differs: Rayleigh fading slows the uplink of a static allocation.
    const sim = (users: number, d: string) =>
      rows.find((r) => r['users'] === users && r['dynamics'] === d)!['simMeanDelayS'];
    expect(sim(3, 'rayleigh-100s')).not.toBe(sim(3, 'static'));
  });

  it('a within axis that changes the scenario solves again (the key holds the settings)', async () => {
    const solve = vi.spyOn(methods, 'solve');
    const rows = await runRows(file(['users', 'dynamics']));
    expect(rows).toHaveLength(6);
    expect(solve).toHaveBeenCalledTimes(2);
  });

  it('without within, every task solves', async () => {
    const solve = vi.spyOn(methods, 'solve');
    const rows = await runRows(file(undefined));
    expect(rows).toHaveLength(6);
    expect(solve).toHaveBeenCalledTimes(6);
  });
});

describe('simulation.dynamics', () => {
  const simOf = (simulation: object, point: Record<string, string> = {}, axes: object = BASE.sweep.axes) =>
    pointSetup(SweepFileSchema.parse({ ...BASE, simulation, sweep: { axes } }), { users: 3, ...point })
      .simulation!;

  it('names the cases of sim/dynamics.ts', () => {
    expect(DYNAMICS_NAMES).toEqual([
      'static',
      'rayleigh-100s',
      'rayleigh-1000s',
      'rician-100s',
      'random-waypoint',
      'gauss-markov',
      'processor-sharing',
    ]);
  });
  it('a named case over the defaults; the explicit options over it', () => {
    expect(simOf({ steps: 1 }).fading).toEqual(DEFAULT_SIM_CONFIG.fading);
    expect(simOf({ steps: 1, dynamics: 'rayleigh-100s' }).fading).toEqual({
      kind: 'rayleigh',
      coherenceS: 100,
      ricianK: 3,
    });
    expect(simOf({ steps: 1, dynamics: 'rayleigh-100s', coherenceS: 50 }).fading).toEqual({
      kind: 'rayleigh',
      coherenceS: 50,
      ricianK: 3,
    });
    expect(simOf({ dynamics: 'rician-100s', ricianK: 7 }).fading).toEqual({
      kind: 'rician',
      coherenceS: 100,
      ricianK: 7,
    });
    const shared = simOf({ steps: 1, dynamics: 'processor-sharing' });
    expect(shared.edgeGpu).toBe('processor-sharing');
    expect(DEFAULT_SIM_CONFIG.edgeGpu).not.toBe('processor-sharing');
    expect(shared.fading).toEqual(DEFAULT_SIM_CONFIG.fading);
    expect(shared.maxStepsPerUser).toBe(1);
    // An explicit edge GPU mode wins over the case's.
    expect(simOf({ dynamics: 'processor-sharing', edgeGpu: DEFAULT_SIM_CONFIG.edgeGpu }).edgeGpu).toBe(
      DEFAULT_SIM_CONFIG.edgeGpu,
    );
    const walking = simOf({ dynamics: 'gauss-markov' });
    expect(walking.mobility?.kind).toBe('gauss-markov');
    expect(walking.fading?.coherenceS).toBe(100);
  });
  it('as an axis: each point its case, under the section', () => {
    const axes = {
      ...BASE.sweep.axes,
      d: { path: 'simulation.dynamics', values: ['static', 'rayleigh-1000s'] },
    };
    expect(simOf({ ricianK: 5 }, { d: 'rayleigh-1000s' }, axes).fading).toEqual({
      kind: 'rayleigh',
      coherenceS: 1000,
      ricianK: 5,
    });
    expect(simOf({}, { d: 'static' }, axes).fading).toEqual(DEFAULT_SIM_CONFIG.fading);
  });
  it('an unknown name: one line naming simulation.dynamics', () => {
    const path = write({ ...BASE, simulation: { dynamics: 'rayleigh-10s' } });
    const message = oneLineError(() => loadExperimentFile(path), InputError);
    expect(message).toMatch(new RegExp(`^experiment file ${path.replaceAll('.', '\\.')}: `));
    expect(message).toMatch(/simulation\.dynamics/);
  });
  it('an unknown name as an axis value: one line naming the axis', () => {
    const path = write({
      ...BASE,
      sweep: { axes: { ...BASE.sweep.axes, d: { path: 'simulation.dynamics', values: ['static', 'fog'] } } },
    });
    expect(oneLineError(() => loadExperimentFile(path), InputError)).toMatch(/sweep\.axes\.d: value "fog": /);
  });
});

describe('quick.simulation', () => {
  it('under --quick, laid over the simulation section; without --quick, the section as written', () => {
    const path = write({
      ...BASE,
      simulation: { steps: 3, dynamics: 'rayleigh-100s' },
      quick: { runs: 1, simulation: { steps: 1 } },
    });
    const quick = loadExperimentFile(path, { quick: true }).config as FileConfig;
    expect(quick.file.simulation).toEqual({ steps: 1, dynamics: 'rayleigh-100s' });
    expect(pointSetup(quick.file, { users: 3 }).simulation!.maxStepsPerUser).toBe(1);
    const full = loadExperimentFile(path).config as FileConfig;
    expect(full.file.simulation).toEqual({ steps: 3, dynamics: 'rayleigh-100s' });
  });
  it('a quick section without simulation keeps the simulation section', () => {
    const path = write({ ...BASE, simulation: { steps: 3 }, quick: { runs: 1 } });
    expect((loadExperimentFile(path, { quick: true }).config as FileConfig).file.simulation).toEqual({
      steps: 3,
    });
  });
  it('refused in a file without a simulation section', () => {
    const path = write({ ...BASE, quick: { simulation: { steps: 1 } } });
    expect(oneLineError(() => loadExperimentFile(path, { quick: true }), InputError)).toMatch(
      /: quick\.simulation: changes the simulation section, but this file has none$/,
    );
  });
});

describe('method reference', () => {
  const compared = {
    ...BASE,
    name: 'reference',
    optimizer: { methods: ['proposed', 'reference'] },
    record: { metrics: ['analytic', 'iterations'] },
  };
  it('compared with proposed: a row each; the allocation evaluated, not optimised', async () => {
    const rows = await runRows(loadExperimentFile(write(compared)));
    expect(rows.map((r) => [r['users'], r['method']])).toEqual([
      [3, 'proposed'],
      [3, 'reference'],
      [4, 'proposed'],
      [4, 'reference'],
    ]);
    for (const r of rows.filter((x) => x['method'] === 'reference')) {
      expect(r['iterations']).toBe(1);
      expect(r['lpSolves']).toBe(0);
    }
    for (const r of rows.filter((x) => x['method'] === 'proposed')) {
      expect(r['lpSolves'] as number).toBeGreaterThan(0);
      // The optimizer does no worse than the allocation it is measured against.
      const ref = rows.find((x) => x['method'] === 'reference' && x['users'] === r['users'])!;
      expect(r['objective'] as number).toBeLessThanOrEqual((ref['objective'] as number) * (1 + 1e-9));
    }
  });
  it('as optimizer.method and as a method axis value', async () => {
    const single = await runRows(
      loadExperimentFile(
        write({ ...BASE, optimizer: { method: 'reference' }, record: { metrics: ['iterations'] } }),
      ),
    );
    expect(single).toEqual([
      { users: 3, run: 0, iterations: 1, lpSolves: 0 },
      { users: 4, run: 0, iterations: 1, lpSolves: 0 },
    ]);
    const axis = loadExperimentFile(
      write({
        ...BASE,
        sweep: {
          axes: { ...BASE.sweep.axes, m: { path: 'optimizer.method', values: ['reference', 'greedy'] } },
        },
      }),
    );
    expect(axis.experiment.points(axis.config)).toHaveLength(4);
  });
  it('per iteration: one iteration, its objective the final', async () => {
    const rows = await runRows(
      loadExperimentFile(
        write({
          ...BASE,
          optimizer: { method: 'reference' },
          record: { per: 'iteration', metrics: ['analytic', 'iterations'] },
        }),
      ),
    );
    expect(
      rows.map((r) => [r['users'], r['iteration'], r['gapToFinal'], r['iterations'], r['lpSolves']]),
    ).toEqual([
      [3, 1, 0, 1, 0],
      [4, 1, 0, 1, 0],
    ]);
  });
});

describe('wrong input: one line naming the key', () => {
  const GRID = {
    users: { path: 'scenario.users', values: [3, 4] },
    d: { path: 'simulation.dynamics', values: ['static', 'processor-sharing'] },
  };
  const cases: [string, unknown, RegExp][] = [
    [
      'within in a zip',
      { ...BASE, sweep: { combine: 'zip', axes: GRID, within: ['d'] } },
      /: sweep\.within: loops axes inside a task of a grid; with combine: zip there is one dimension$/,
    ],
    [
      'within naming an axis that does not exist',
      { ...BASE, sweep: { axes: GRID, within: ['d', 'usres'] } },
      /: sweep\.within\[1\]: 'usres' is not an axis \(did you mean 'users'\?\)$/,
    ],
    [
      'within naming an axis twice',
      { ...BASE, sweep: { axes: GRID, within: ['d', 'users', 'd'] } },
      /: sweep\.within\[2\]: 'd' is listed twice$/,
    ],
    [
      'within holding part of a together group',
      {
        ...BASE,
        sweep: {
          axes: { ...GRID, w: { path: 'scenario.weights.energy', values: [1, 2] } },
          together: [['users', 'w']],
          within: ['w', 'd'],
        },
      },
      /: sweep\.within: axes users, w move together; list all of them or none \(missing: users\)$/,
    ],
    ['an empty within', { ...BASE, sweep: { axes: GRID, within: [] } }, /sweep\.within/],
    [
      'method reference re-optimised at epochs',
      { ...BASE, optimizer: { method: 'reference' }, simulation: { epochS: 60 } },
      /: simulation\.epochS: re-optimises at every epoch, but the method 'reference' is an allocation, not an optimizer; give simulation\.policy or drop epochS$/,
    ],
    [
      'method reference among the compared, with an epoch axis',
      {
        ...BASE,
        optimizer: { methods: ['proposed', 'reference'] },
        sweep: { axes: { ...BASE.sweep.axes, e: { path: 'simulation.epochS', values: [60, 600] } } },
      },
      /: simulation\.epochS: re-optimises at every epoch, but the method 'reference'/,
    ],
    [
      'method reference on a method axis, with epochs',
      {
        ...BASE,
        simulation: { epochS: 60 },
        sweep: {
          axes: { ...BASE.sweep.axes, m: { path: 'optimizer.method', values: ['proposed', 'reference'] } },
        },
      },
      /: simulation\.epochS: re-optimises at every epoch, but the method 'reference'/,
    ],
    [
      'method reference with fixed decisions',
      { ...BASE, optimizer: { method: 'reference', fix: { localLayers: 2 } } },
      /: optimizer\.method: 'reference' fixes its own decisions; optimizer\.fix works with proposed, ao$/,
    ],
    [
      'method reference on a method axis, with a held split',
      {
        ...BASE,
        sweep: {
          axes: {
            ...BASE.sweep.axes,
            m: { path: 'optimizer.method', values: ['proposed', 'reference'] },
            s: { path: 'optimizer.fix.localLayers', values: [1, 2] },
          },
        },
      },
      /: sweep\.axes\.m: 'reference' fixes its own decisions; optimizer\.fix works with proposed, ao$/,
    ],
    [
      'a misspelt reference',
      { ...BASE, optimizer: { method: 'refrence' } },
      /: optimizer\.method: unknown method 'refrence' \(did you mean 'reference'\?\)$/,
    ],
  ];
  for (const [what, doc, line] of cases) it(what, () => expectFileError(write(doc), line));
  // Every compared method must take the fix, or its rows would silently ignore it.
  it('method reference among the compared, with fixed decisions', () => {
    const path = write({
      ...BASE,
      optimizer: { methods: ['proposed', 'reference'], fix: { localLayers: 2 } },
    });
    expect(oneLineError(() => loadExperimentFile(path), InputError)).toMatch(
      /: optimizer\.methods\[1\]: 'reference' fixes its own decisions; optimizer\.fix works with proposed, ao$/,
    );
  });
  it('accepted: within with a whole together group, every axis within, reference at epochs with a policy', () => {
    const together = {
      ...BASE,
      sweep: {
        axes: { ...GRID, w: { path: 'scenario.weights.energy', values: [1, 2] } },
        together: [['users', 'w']],
        within: ['users', 'w'],
      },
    };
    const a = loadExperimentFile(write(together));
    expect(a.experiment.points(a.config)).toEqual([{ d: 'static' }, { d: 'processor-sharing' }]);
    const every = loadExperimentFile(write({ ...BASE, sweep: { axes: GRID, within: ['users', 'd'] } }));
    expect(every.experiment.points(every.config)).toEqual([{}]);
    expect(() =>
      loadExperimentFile(
        write({
          ...BASE,
          optimizer: { method: 'reference' },
          simulation: { epochS: 60, durationS: 600, policy: 'reference' },
        }),
      ),
    ).not.toThrow();
  });
});
