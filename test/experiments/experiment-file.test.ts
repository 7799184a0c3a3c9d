// Experiment files: values, sweeps, and every wrong input as one line naming the key (the CLI
// prints it with exit 2 and writes nothing: checked end to end in experiment-file-batch.test.ts).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/files/index.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { experimentJsonSchema, SweepFileSchema } from '../../experiments/file/schema.ts';
import { sweepPoints } from '../../experiments/file/sweep.ts';
import { pointSetup } from '../../experiments/file/setup.ts';
import { axisValues } from '../../experiments/file/values.ts';
import { oneLineError } from '../one-line-error.ts';
import { expectFileError, fileWriter } from './experiment-files.ts';

const write = fileWriter('experiment-file');

const BASE = {
  name: 'tiny',
  scenario: { preset: 'contested', users: 4, servers: 2 },
  sweep: { axes: { users: { path: 'scenario.users', values: [3, 4] } } },
};

describe('axis values', () => {
  const axis = (a: object) => axisValues({ path: 'scenario.users', ...a });
  it('range includes its end and does not drift', () => {
    expect(axis({ range: { from: 1, to: 8 } })).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(axis({ range: { from: 0, to: 1, step: 0.1 } })).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
    expect(axis({ range: { from: 10, to: 1, step: -4 } })).toEqual([10, 6, 2]);
  });
  it('linspace and logspace include both ends', () => {
    expect(axis({ linspace: { from: 0, to: 1, count: 5 } })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(axis({ logspace: { from: 1e9, to: 1e12, count: 4 } })).toEqual([1e9, 1e10, 1e11, 1e12]);
  });
});

describe('sweeps', () => {
  const file = (combine: 'grid' | 'zip') =>
    SweepFileSchema.parse({
      ...BASE,
      sweep: {
        combine,
        axes: {
          a: { path: 'scenario.users', values: [1, 2] },
          b: { path: 'optimizer.method', values: ['x', 'y'] },
        },
      },
    });
  it('grid: every combination, the first axis outermost', () => {
    expect(sweepPoints(file('grid'))).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });
  it('together: a zipped group is one dimension of the grid, in the place of its first axis', () => {
    const f = SweepFileSchema.parse({
      ...BASE,
      sweep: {
        axes: {
          w: { values: ['e', 'd', 'e'] },
          p: { path: 'scenario.preset', values: ['paper', 'contested'] },
          v: { path: 'scenario.weights.{w}', values: [1, 1, 2] },
        },
        together: [['w', 'v']],
      },
    });
    expect(sweepPoints(f)).toEqual([
      { w: 'e', v: 1, p: 'paper' },
      { w: 'e', v: 1, p: 'contested' },
      { w: 'd', v: 1, p: 'paper' },
      { w: 'd', v: 1, p: 'contested' },
      { w: 'e', v: 2, p: 'paper' },
      { w: 'e', v: 2, p: 'contested' },
    ]);
  });
  it('{NAME} in a path is the value of that axis at the point; a label axis sets nothing', () => {
    const f = SweepFileSchema.parse({
      ...BASE,
      sweep: {
        axes: { w: { values: ['energy', 'delay'] }, v: { path: 'scenario.weights.{w}', values: [7] } },
      },
    });
    expect(pointSetup(f, { w: 'delay', v: 7 }).sets).toEqual(['weights.delay=7']);
  });
  it('zip: the i-th values together', () => {
    expect(sweepPoints(file('zip'))).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });
});

describe('a valid file', () => {
  it('loads, from YAML or JSON, into a configuration with the defaults filled in', () => {
    const a = loadExperimentFile(write(BASE));
    const b = loadExperimentFile(write(BASE, 'json'));
    expect(a.config).toEqual(b.config);
    expect(a.config).toMatchObject({ version: 1, experiment: 'tiny', runs: 1, seed: 1 });
    expect(a.experiment.columns.slice(0, 3)).toEqual(['users', 'run', 'objective']);
  });
  it('takes --runs and --seed over the file', () => {
    expect(loadExperimentFile(write({ ...BASE, runs: 3 }), { runs: 5, seed: 9 }).config).toMatchObject({
      runs: 5,
      seed: 9,
    });
  });
  it('exports a JSON Schema that names the keys', () => {
    const text = JSON.stringify(experimentJsonSchema());
    for (const key of ['sweep', 'axes', 'within', 'linspace', 'logspace', 'figures', 'record', 'dynamics'])
      expect(text).toContain(`"${key}"`);
  });
});

describe('wrong input: one line naming the key', () => {
  const cases: [string, unknown, RegExp][] = [
    ['an unknown key', { ...BASE, sweeps: {} }, /unknown key 'sweeps' \(did you mean 'sweep'\?\)/],
    [
      'an unknown axis path',
      { ...BASE, sweep: { axes: { f: { path: 'scenario.users[*].flopsPerCycel', values: [1] } } } },
      /sweep\.axes\.f: value 1: scenario\.users\[\*\]\.flopsPerCycel: unknown field 'flopsPerCycel' in users\[0\] \(did you mean 'flopsPerCycle'\?\)/,
    ],
    [
      'an unknown section',
      { ...BASE, sweep: { axes: { f: { path: 'scenery.users', values: [1] } } } },
      /sweep\.axes\.f\.path: must start with scenario\., optimizer\., simulation\./,
    ],
    [
      'an unknown simulation option',
      { ...BASE, sweep: { axes: { f: { path: 'simulation.fadeing', values: ['rayleigh'] } } } },
      /sweep\.axes\.f\.path: unknown simulation option 'fadeing' \(did you mean 'simulation\.fading'\?\)/,
    ],
    ['an empty sweep', { ...BASE, sweep: { axes: {} } }, /sweep\.axes: is empty/],
    [
      'an axis without values',
      { ...BASE, sweep: { axes: { u: { path: 'scenario.users', values: [] } } } },
      /sweep\.axes\.u\.values: is empty/,
    ],
    [
      'two axes on one path',
      {
        ...BASE,
        sweep: {
          axes: { a: { path: 'scenario.users', values: [3] }, b: { path: 'scenario.users', values: [4] } },
        },
      },
      /sweep\.axes\.b\.path: 'scenario\.users' is also the path of axis 'a'/,
    ],
    [
      'zipped axes of unequal lengths',
      {
        ...BASE,
        sweep: {
          combine: 'zip',
          axes: {
            a: { path: 'scenario.users', values: [3, 4] },
            b: { path: 'scenario.servers', values: [1] },
          },
        },
      },
      /sweep\.axes\.b: has 1 values and axis 'a' 2; zipped axes need equal lengths/,
    ],
    [
      'more than 10^6 tasks',
      {
        ...BASE,
        runs: 1000,
        sweep: { axes: { w: { path: 'scenario.weights.energy', range: { from: 1, to: 2000 } } } },
      },
      /sweep: 2,000,000 tasks \(2000 points × 1000 runs\), above 1,000,000; set force: true/,
    ],
    [
      'a bad axis value',
      { ...BASE, sweep: { axes: { p: { path: 'simulation.fading', values: ['rain'] } } } },
      /sweep\.axes\.p: value "rain": /,
    ],
    [
      'an unknown method',
      { ...BASE, optimizer: { method: 'propsed' } },
      /optimizer\.method: unknown method 'propsed' \(did you mean 'proposed'\?\)/,
    ],
    [
      'a figure of an unrecorded metric',
      { ...BASE, figures: [{ name: 'e', x: 'users', y: 'simMeanDelayS' }] },
      /figures\[0\]\.y: 'simMeanDelayS' is not a recorded metric/,
    ],
    [
      'a figure on a missing axis',
      { ...BASE, figures: [{ name: 'e', x: 'user', y: 'totalEnergyJ' }] },
      /figures\[0\]\.x: 'user' is not an axis \(did you mean 'users'\?\)/,
    ],
    [
      'a box plot of per-task rows',
      { ...BASE, figures: [{ name: 'e', kind: 'box', x: 'users', y: 'totalEnergyJ' }] },
      /figures\[0\]\.kind: 'box' draws per-user values: set record\.per: user/,
    ],
    [
      'a figure that mixes an axis',
      {
        ...BASE,
        sweep: {
          axes: {
            users: { path: 'scenario.users', values: [3, 4] },
            m: { path: 'optimizer.method', values: ['proposed', 'greedy'] },
          },
        },
        figures: [{ name: 'e', x: 'users', y: 'totalEnergyJ' }],
      },
      /figures\[0\]: axis 'm' has 2 values but is not the figure's x, colour, facet or where/,
    ],
    [
      'a scenario file that does not exist',
      { ...BASE, scenario: { file: 'nowhere/s.json' } },
      /scenario\.file: 'nowhere\/s\.json' does not exist \(resolved against the experiment file's folder to .*nowhere\/s\.json\)/,
    ],
    [
      'a policy module that does not exist',
      { ...BASE, simulation: { epochS: 60, policy: './nowhere/policy.ts' } },
      /simulation\.policy: '\.\/nowhere\/policy\.ts' does not exist \(resolved against the experiment file's folder to .*nowhere\/policy\.ts\)/,
    ],
    [
      'a policy module axis value that does not exist',
      { ...BASE, sweep: { axes: { p: { path: 'simulation.policy', values: ['reference', 'nowhere.ts'] } } } },
      /sweep\.axes\.p: 'nowhere\.ts' does not exist \(resolved against the experiment file's folder/,
    ],
    [
      'an empty policy command',
      { ...BASE, simulation: { policyCmd: '  ' } },
      /simulation\.policyCmd: must be a command, got an empty string/,
    ],
    [
      'an empty policy command as an axis value',
      { ...BASE, sweep: { axes: { c: { path: 'simulation.policyCmd', values: ['python3 a.py', ''] } } } },
      /sweep\.axes\.c: value "": .*must be a command, got an empty string/,
    ],
    [
      'a policy and a policy command',
      {
        ...BASE,
        simulation: { policy: 'reference' },
        sweep: { axes: { c: { path: 'simulation.policyCmd', values: ['python3 a.py'] } } },
      },
      /simulation\.policyCmd: give simulation\.policy or simulation\.policyCmd, not both/,
    ],
    [
      'a policy time-out without a command',
      { ...BASE, simulation: { policy: 'reference', policyTimeoutS: 5 } },
      /simulation\.policyTimeoutS: only with simulation\.policyCmd/,
    ],
    [
      'simulated metrics without a simulation',
      { ...BASE, record: { metrics: ['simulated'] } },
      /record\.metrics: 'simulated' needs a simulation/,
    ],
    [
      'a wrong profile name',
      {
        ...BASE,
        scenario: { preset: 'realistic', users: 4, servers: 2 },
        sweep: { axes: { p: { path: 'scenario.phones', values: ['a15', 'nokia'] } } },
      },
      /sweep\.axes\.p: value "nokia": /,
    ],
    [
      'a held split outside 1..Υ−1',
      { ...BASE, sweep: { axes: { s: { path: 'optimizer.fix.localLayers', values: [1, 40] } } } },
      /sweep\.axes\.s: value 40: a split must be an integer in 1\.\.31 \(1\.\.Υ−1\) for every user/,
    ],
    [
      'a held split under a method that fixes its own',
      {
        ...BASE,
        optimizer: { method: 'greedy' },
        sweep: { axes: { s: { path: 'optimizer.fix.localLayers', values: [1, 2] } } },
      },
      /optimizer\.method: 'greedy' fixes its own decisions; optimizer\.fix works with proposed, ao/,
    ],
    [
      'a path naming an axis that does not exist',
      { ...BASE, sweep: { axes: { v: { path: 'scenario.weights.{wieght}', values: [1] } } } },
      /sweep\.axes\.v\.path: \{wieght\} must name another axis \(v\)/,
    ],
    [
      'a path whose axis value makes an unknown field',
      {
        ...BASE,
        sweep: {
          axes: {
            w: { values: ['energy', 'enrgy'] },
            v: { path: 'scenario.weights.{w}', values: [2] },
          },
        },
      },
      /sweep\.axes\.v: value 2: scenario\.weights\.enrgy: unknown field 'enrgy'/,
    ],
    [
      'together with an axis that does not exist',
      { ...BASE, sweep: { ...BASE.sweep, together: [['users', 'usres']] } },
      /sweep\.together\[0\]: 'usres' is not an axis \(did you mean 'users'\?\)/,
    ],
    [
      'together with unequal lengths',
      {
        ...BASE,
        sweep: {
          axes: {
            users: { path: 'scenario.users', values: [3, 4] },
            w: { path: 'scenario.weights.energy', values: [1] },
          },
          together: [['users', 'w']],
        },
      },
      /sweep\.axes\.w: has 1 values and axis 'users' 2; zipped axes need equal lengths/,
    ],
    [
      'together repeating a pair',
      {
        ...BASE,
        sweep: {
          axes: {
            users: { path: 'scenario.users', values: [3, 3] },
            w: { path: 'scenario.weights.energy', values: [1, 1] },
          },
          together: [['users', 'w']],
        },
      },
      /sweep\.axes\.users\.values: \(users, w\) take \[3,1\] twice/,
    ],
    [
      'an unknown method among the compared',
      { ...BASE, optimizer: { methods: ['proposed', 'greedyy'] } },
      /optimizer\.methods\[1\]: unknown method 'greedyy' \(did you mean 'greedy'\?\)/,
    ],
    [
      'methods compared and a method axis',
      {
        ...BASE,
        optimizer: { methods: ['proposed', 'greedy'] },
        sweep: { axes: { ...BASE.sweep.axes, m: { path: 'optimizer.method', values: ['ao'] } } },
      },
      /sweep\.axes\.m: sweeps optimizer\.method, but optimizer\.methods compares methods in every task/,
    ],
    [
      'a recorded column no kind gives',
      { ...BASE, record: { columns: ['objective', 'simSteps'] } },
      /record\.columns\[1\]: 'simSteps' is not a column of the recorded kinds/,
    ],
    [
      'a summary that leaves out an axis of several values',
      { ...BASE, summary: { by: ['run'] } },
      /summary\.by\[0\]: 'run' is not an axis/,
    ],
    [
      'a summary grouping that mixes settings',
      {
        ...BASE,
        optimizer: { methods: ['proposed', 'greedy'] },
        summary: { by: ['users'] },
      },
      /summary\.by: leaves out 'method', which takes several values; its means would mix them/,
    ],
    [
      'per-iteration rows of simulated metrics',
      { ...BASE, simulation: { steps: 1 }, record: { per: 'iteration', metrics: ['simulated'] } },
      /record\.metrics: 'simulated' is per task or per user, not per: iteration/,
    ],
    [
      'a claim about a method not compared',
      {
        ...BASE,
        optimizer: { methods: ['proposed', 'greedy'] },
        figures: [
          {
            name: 'e',
            x: 'users',
            y: 'totalEnergyJ',
            colour: 'method',
            claims: [
              { claim: 'c', check: 'below', metric: 'totalEnergyJ', method: 'proposed', than: 'random' },
            ],
          },
        ],
      },
      /figures\[0\]\.claims\[0\]\.than: 'random' is not one of optimizer\.methods \(proposed, greedy\)/,
    ],
    [
      'a claim of an unknown check',
      {
        ...BASE,
        figures: [
          {
            name: 'e',
            x: 'users',
            y: 'totalEnergyJ',
            claims: [{ claim: 'c', check: 'lowestt', metric: 'x' }],
          },
        ],
      },
      /figures\[0\]\.claims\[0\]\.check/,
    ],
    [
      'a claim on a metric not summarised',
      {
        ...BASE,
        figures: [
          {
            name: 'e',
            x: 'users',
            y: 'totalEnergyJ',
            claims: [{ claim: 'c', check: 'at-most', metric: 'totalEnergyj', atMost: 1 }],
          },
        ],
      },
      /figures\[0\]\.claims\[0\]\.metric: 'totalEnergyj' is not a recorded metric \(did you mean 'totalEnergyJ'\?\)/,
    ],
  ];
  for (const [what, doc, line] of cases) it(what, () => expectFileError(write(doc), line));
  it('--quick on a file without a quick section', () => {
    const path = write(BASE);
    expect(oneLineError(() => loadExperimentFile(path, { quick: true }), InputError)).toMatch(
      /: --quick: this experiment file has no quick section$/,
    );
  });
  it('a quick value for an axis that does not exist', () => {
    const path = write({ ...BASE, quick: { axes: { usres: [2] } } });
    expect(oneLineError(() => loadExperimentFile(path, { quick: true }), InputError)).toMatch(
      /: quick\.axes\.usres: not an axis \(did you mean 'users'\?\)$/,
    );
  });
  it('the retired reference to a built-in experiment (paper: NAME) is an unknown key', () => {
    const path = write({ ...BASE, paper: 'collaborative' });
    expect(oneLineError(() => loadExperimentFile(path), InputError)).toMatch(
      /: unknown key 'paper' \(known: /,
    );
  });
});
