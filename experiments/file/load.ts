/**
 * Reading an experiment file: parsed strictly (unknown keys get a did-you-mean), then checked as
 * a whole before anything runs — every axis path names something, every axis value builds a
 * valid scenario or option, no two axes share a path, zipped axes have equal lengths, the task
 * count is at most 10^6 (unless forced), figures name axes and recorded metrics, a relative
 * scenario file or policy module exists. Any problem is one InputError line naming the key.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { existsSync } from 'node:fs';
import { InputError, readJsonFile, readSettingsFile } from '../../src/files/index.ts';
import { ALGORITHMS, REGISTRY } from '../../src/optimizer/index.ts';
import { issueLine, parseScenario, ValidationError } from '../../src/scenario/parse.ts';
import { nearestKey } from '../../src/scenario/strict.ts';
import { isModulePath } from '../../src/user-policy/index.ts';
import type { BaseConfig, Experiment } from '../experiment.ts';
import { runSeed } from '../batch/tasks.ts';
import { isMethod, METHODS } from '../methods.ts';
import type { FileConfig } from './config.ts';
import { fileExperiment } from './experiment.ts';
import { checkFigures, suggestKey } from './check-figures.ts';
import { BaseScenarioSchema, SimulationSchema, SweepFileSchema, type SweepFile } from './schema.ts';
import {
  OPTIMIZER_KEYS,
  pathReferences,
  pointPath,
  pointSetup,
  SETTING_KEYS,
  SIMULATION_KEYS,
  targetOf,
  type Target,
} from './setup.ts';
import { axesOf, pointCount, repeatedValue, sweepPoints } from './sweep.ts';
import { pointScenario } from './task.ts';
import { axisValues, AxisValuesError, type AxisValue } from './values.ts';
import { fileColumns, groupColumns, recordedColumns } from './task-columns.ts';

/** Sweeps above this many tasks are refused unless forced (a typo in a range is the usual cause). */
export const MAX_TASKS = 1_000_000;

export interface LoadOptions {
  readonly runs?: number | undefined;
  readonly seed?: number | undefined;
  readonly quick?: boolean | undefined;
  readonly force?: boolean | undefined;
  /** `--preset a,b`: the values of the axis on scenario.preset. */
  readonly presets?: readonly string[] | undefined;
  /** `--starts N`: optimizer.starts. */
  readonly starts?: number | undefined;
}

export interface LoadedExperiment {
  readonly experiment: Experiment<BaseConfig>;
  readonly config: BaseConfig;
}

/** Whether a command argument is an experiment file's path rather than a paper experiment's name. */
export function isExperimentFile(arg: string): boolean {
  return /\.(ya?ml|json)$/i.test(arg);
}

export function loadExperimentFile(path: string, o: LoadOptions = {}): LoadedExperiment {
  const where = `experiment file ${path}`;
  const raw = readSettingsFile(path, 'experiment file');
  const fail = (key: string, message: string): never => {
    throw new InputError(`${where}: ${key}: ${message}`);
  };
  const parsed = SweepFileSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(`${where}: ${issueLine(parsed.error, raw).line}`);
  const file = withFlags(o.quick ? quickFile(parsed.data, fail) : { ...parsed.data }, o, fail);
  const runs = o.runs ?? file.runs;
  const seed = o.seed ?? file.seed;
  const baseScenario = scenarioFile(file, dirname(path), fail);
  checkAxes(file, fail);
  checkWithin(file, fail);
  checkReference(file, fail);
  const needsFolder = checkPolicies(file, dirname(path), fail);
  const points = pointCount(file);
  if (points * runs > MAX_TASKS && !(file.force || o.force))
    fail(
      'sweep',
      `${(points * runs).toLocaleString('en-US')} tasks (${points} points × ${runs} runs), above ${MAX_TASKS.toLocaleString('en-US')}; set force: true (or pass --force) to run them`,
    );
  checkRecords(file, fail);
  checkTables(file, fail);
  checkFixable(file, fail);
  checkFigures(file, fileColumns(file).metrics, fail);
  const config: FileConfig = {
    version: 1,
    experiment: file.name,
    runs,
    seed,
    file: { ...file, runs, seed },
    ...(baseScenario === undefined ? {} : { baseScenario }),
    ...(needsFolder ? { folder: fromWorkingFolder(dirname(path)) } : {}),
  };
  checkValues(config, fail);
  return { experiment: fileExperiment(config) as Experiment<BaseConfig>, config };
}

type Fail = (key: string, message: string) => never;

/** The file with `--preset` and `--starts` laid over it (after its quick section). */
function withFlags(file: SweepFile, o: LoadOptions, fail: Fail): SweepFile {
  const axes = Object.entries(file.sweep.axes);
  let out = file;
  if (o.presets !== undefined) {
    const axis = axes.find(([, a]) => a.path === 'scenario.preset');
    if (axis === undefined)
      fail('--preset', 'this experiment file has no axis on scenario.preset to choose from');
    out = {
      ...out,
      sweep: {
        ...out.sweep,
        axes: { ...out.sweep.axes, [axis![0]]: { path: 'scenario.preset', values: [...o.presets] } },
      },
    };
  }
  if (o.starts !== undefined) {
    const axis = axes.find(([, a]) => a.path === 'optimizer.starts');
    if (axis !== undefined)
      fail('--starts', `this experiment file sweeps optimizer.starts (axis '${axis[0]}')`);
    out = { ...out, optimizer: { ...out.optimizer, starts: o.starts } };
  }
  return out;
}

/** The scenario of `scenario.file`, resolved against the experiment file's folder. */
function scenarioFile(file: SweepFile, folder: string, fail: Fail): unknown {
  const rel = file.scenario.file;
  if (rel === undefined) return undefined;
  const settings = SETTING_KEYS.filter((k) => file.scenario[k as keyof SweepFile['scenario']] !== undefined);
  if (settings.length > 0)
    fail(`scenario.${settings[0]}`, 'makes a scenario, but scenario.file gives one; use one or the other');
  const at = resolve(folder, rel);
  if (!existsSync(at))
    fail('scenario.file', `'${rel}' does not exist (resolved against the experiment file's folder to ${at})`);
  const json = readJsonFile(at, 'scenario file');
  try {
    parseScenario(json, `scenario file ${at}`);
  } catch (err) {
    if (err instanceof ValidationError) fail('scenario.file', err.message);
    throw err;
  }
  return json;
}

/** `folder` as a path from the working folder, '/'-separated: the same wherever the tree is. */
const fromWorkingFolder = (folder: string): string =>
  relative(process.cwd(), resolve(folder)).split(sep).join('/') || '.';

/**
 * The policy keys: `simulation.policy` or `simulation.policyCmd`, not both (in the section or as
 * axes); `policyTimeoutS` only with a command; every module path names a file, against the
 * experiment file's folder. Returns whether the tasks need that folder (a module or a command).
 */
function checkPolicies(file: SweepFile, folder: string, fail: Fail): boolean {
  const axes = Object.entries(file.sweep.axes);
  const section: Record<string, unknown> = { ...file.simulation };
  const given = (key: string): boolean =>
    section[key] !== undefined || axes.some(([, a]) => a.path === `simulation.${key}`);
  if (given('policy') && given('policyCmd'))
    fail('simulation.policyCmd', 'give simulation.policy or simulation.policyCmd, not both');
  if (given('policyTimeoutS') && !given('policyCmd'))
    fail('simulation.policyTimeoutS', 'only with simulation.policyCmd');
  const policies: [string, unknown[]][] = [
    ['simulation.policy', [section['policy']]],
    ...axes
      .filter(([, a]) => a.path === 'simulation.policy')
      .map(([name, a]): [string, unknown[]] => [`sweep.axes.${name}`, axisValues(a)]),
  ];
  let modules = false;
  for (const [key, values] of policies) {
    for (const v of values) {
      if (typeof v !== 'string' || !isModulePath(v)) continue;
      modules = true;
      const at = resolve(folder, v);
      if (!existsSync(at))
        fail(key, `'${v}' does not exist (resolved against the experiment file's folder to ${at})`);
    }
  }
  return modules || given('policyCmd');
}

/**
 * The points of the axes an axis's path refers to (`{weight}`), every combination: the paths it
 * takes. One empty point for a plain path.
 */
function referencedPoints(file: SweepFile, name: string, fail: Fail): Record<string, AxisValue>[] {
  let points: Record<string, AxisValue>[] = [{}];
  for (const ref of pathReferences(file.sweep.axes[name]!.path ?? '')) {
    const axis = file.sweep.axes[ref];
    if (axis === undefined || ref === name)
      fail(
        `sweep.axes.${name}.path`,
        `{${ref}} must name another axis (${Object.keys(file.sweep.axes).join(', ')})`,
      );
    points = points.flatMap((p) => axisValues(axis!).map((v) => ({ ...p, [ref]: v })));
  }
  return points;
}

/** The target of an axis's path at a point, or the loader's error naming the axis. */
function checkedTarget(file: SweepFile, name: string, path: string, fail: Fail): Target {
  const key = `sweep.axes.${name}`;
  let t: Target;
  try {
    t = targetOf(path);
  } catch (err) {
    return fail(`${key}.path`, (err as Error).message);
  }
  const known =
    t.section === 'optimizer' ? OPTIMIZER_KEYS : t.section === 'simulation' ? SIMULATION_KEYS : undefined;
  if (known !== undefined && !known.includes(t.key)) {
    const guess = nearestKey(t.key, known);
    fail(
      `${key}.path`,
      `unknown ${t.section} option '${t.key}' (${guess === undefined ? `known: ${known.join(', ')}` : `did you mean '${t.section}.${guess}'?`})`,
    );
  }
  if (t.section === 'scenario' && !t.override && file.scenario.file !== undefined)
    fail(
      `${key}.path`,
      `'${path}' makes a scenario, but scenario.file gives one; sweep a scenario field instead`,
    );
  return t;
}

function checkAxes(file: SweepFile, fail: Fail): void {
  const names = Object.keys(file.sweep.axes);
  if (names.length === 0)
    fail(
      'sweep.axes',
      'is empty: give at least one axis, e.g. users: {path: scenario.users, values: [10, 20]}',
    );
  const byPath = new Map<string, string>();
  for (const [name, axis] of Object.entries(file.sweep.axes)) {
    const key = `sweep.axes.${name}`;
    try {
      axisValues(axis);
    } catch (err) {
      if (err instanceof AxisValuesError) fail(`${key}.${err.key}`, err.message);
      throw err;
    }
    if (axis.path === undefined) continue;
    for (const refs of referencedPoints(file, name, fail)) {
      const path = pointPath(axis.path, refs)!;
      checkedTarget(file, name, path, fail);
      const other = byPath.get(path);
      if (other !== undefined && other !== name)
        fail(`${key}.path`, `'${path}' is also the path of axis '${other}'; one path, one axis`);
      byPath.set(path, name);
    }
  }
  const zips = file.sweep.combine === 'zip' ? [names] : (file.sweep.together ?? []);
  if (file.sweep.together !== undefined && file.sweep.combine === 'zip')
    fail('sweep.together', 'zips axes within a grid; with combine: zip every axis moves together already');
  const grouped = new Set<string>();
  zips.forEach((group, g) => {
    for (const name of group) {
      if (!names.includes(name))
        fail(`sweep.together[${g}]`, `'${name}' is not an axis (${suggestKey(name, names)})`);
      if (grouped.has(name)) fail(`sweep.together[${g}]`, `'${name}' is in two groups`);
      grouped.add(name);
    }
    const [first, ...rest] = group.map((name) => [name, axisValues(file.sweep.axes[name]!)] as const);
    for (const [name, values] of rest)
      if (values.length !== first![1].length)
        fail(
          `sweep.axes.${name}`,
          `has ${values.length} values and axis '${first![0]}' ${first![1].length}; zipped axes need equal lengths`,
        );
  });
  const repeated = repeatedValue(file);
  if (repeated !== undefined)
    fail(
      `sweep.axes.${repeated.axes[0]}.values`,
      repeated.axes.length === 1
        ? `has ${repeated.value} twice`
        : `(${repeated.axes.join(', ')}) take ${repeated.value} twice`,
    );
}

/**
 * sweep.within names axes, each once, in a grid (a zip has one dimension: nothing to loop
 * inside), with a together group wholly inside or outside. Every axis inside is allowed: then
 * each run is one task.
 */
function checkWithin(file: SweepFile, fail: Fail): void {
  const within = file.sweep.within;
  if (within === undefined) return;
  const names = Object.keys(file.sweep.axes);
  if (file.sweep.combine === 'zip')
    fail('sweep.within', 'loops axes inside a task of a grid; with combine: zip there is one dimension');
  within.forEach((name, i) => {
    if (!names.includes(name))
      fail(`sweep.within[${i}]`, `'${name}' is not an axis (${suggestKey(name, names)})`);
    if (within.indexOf(name) !== i) fail(`sweep.within[${i}]`, `'${name}' is listed twice`);
  });
  for (const group of file.sweep.together ?? []) {
    const inside = group.filter((name) => within.includes(name));
    if (inside.length > 0 && inside.length < group.length)
      fail(
        'sweep.within',
        `axes ${group.join(', ')} move together; list all of them or none (missing: ${group.filter((n) => !within.includes(n)).join(', ')})`,
      );
  }
}

/**
 * The methods the tasks run, each with the key that names it: a method axis's values, else
 * optimizer.methods, else optimizer.method (default proposed).
 */
function methodsRun(file: SweepFile): [string, unknown][] {
  const methodAxis = Object.entries(file.sweep.axes).find(([, a]) => a.path === 'optimizer.method');
  const { method, methods } = file.optimizer;
  if (methodAxis !== undefined)
    return axisValues(methodAxis[1]).map((m) => [`sweep.axes.${methodAxis[0]}`, m]);
  if (methods !== undefined) return methods.map((m, i) => [`optimizer.methods[${i}]`, m]);
  return [['optimizer.method', method ?? 'proposed']];
}

/** The reference allocation is not a method the simulation could re-run at its epochs. */
function checkReference(file: SweepFile, fail: Fail): void {
  const axes = Object.values(file.sweep.axes);
  const epochs = file.simulation?.epochS !== undefined || axes.some((a) => a.path === 'simulation.epochS');
  const policy =
    file.simulation?.policy !== undefined ||
    file.simulation?.policyCmd !== undefined ||
    axes.some((a) => a.path === 'simulation.policy' || a.path === 'simulation.policyCmd');
  if (methodsRun(file).some(([, m]) => m === 'reference') && epochs && !policy)
    fail(
      'simulation.epochS',
      "re-optimises at every epoch, but the method 'reference' is an allocation, not an optimizer; give simulation.policy or drop epochS",
    );
}

/** record.columns among the recorded kinds' columns; summary.by among the groups, leaving out
 *  only axes of one value (else its means would mix settings); summary.metrics recorded. */
function checkTables(file: SweepFile, fail: Fail): void {
  const available = recordedColumns(file);
  const columns = file.record.columns ?? [];
  columns.forEach((c, i) => {
    if (!available.includes(c))
      fail(
        `record.columns[${i}]`,
        `'${c}' is not a column of the recorded kinds (${suggestKey(c, available)})`,
      );
    if (columns.indexOf(c) !== i) fail(`record.columns[${i}]`, `'${c}' is listed twice`);
  });
  const groups = groupColumns(file);
  const by = file.summary?.by;
  by?.forEach((g, i) => {
    if (!groups.includes(g)) fail(`summary.by[${i}]`, `'${g}' is not an axis (${suggestKey(g, groups)})`);
  });
  if (by !== undefined) {
    const values = new Map(axesOf(file));
    for (const g of groups)
      if (!by.includes(g) && (values.get(g)?.length ?? 2) > 1)
        fail('summary.by', `leaves out '${g}', which takes several values; its means would mix them`);
  }
  const recorded = file.record.columns ?? available;
  file.summary?.metrics?.forEach((m, i) => {
    if (!recorded.includes(m))
      fail(`summary.metrics[${i}]`, `'${m}' is not a recorded column (${suggestKey(m, recorded)})`);
  });
}

/** A held split is in 1..Υ−1 for every user (Υ is local-only, 0 edge-only: `optimize --fix`). */
function checkSplit(value: unknown, layers: number, at: string, fail: Fail): void {
  const ok = (a: unknown) => Number.isInteger(a) && (a as number) >= 1 && (a as number) <= layers - 1;
  if (!(Array.isArray(value) ? value.every(ok) : ok(value)))
    fail(
      at,
      `value ${JSON.stringify(value)}: a split must be an integer in 1..${layers - 1} (1..Υ−1) for every user`,
    );
}

/** Fixed decisions are taken by the methods with a resource step of their own (proposed, ao). */
function checkFixable(file: SweepFile, fail: Fail): void {
  const axes = Object.entries(file.sweep.axes);
  const fixing =
    file.optimizer.fix !== undefined || axes.some(([, a]) => a.path?.startsWith('optimizer.fix.'));
  if (!fixing) return;
  const takes = ALGORITHMS.filter((a) => 'step' in REGISTRY[a]);
  for (const [key, m] of methodsRun(file))
    if (!(takes as readonly unknown[]).includes(m))
      fail(key, `'${String(m)}' fixes its own decisions; optimizer.fix works with ${takes.join(', ')}`);
}

function checkRecords(file: SweepFile, fail: Fail): void {
  const simulates =
    file.simulation !== undefined ||
    Object.values(file.sweep.axes).some((a) => a.path?.startsWith('simulation.'));
  for (const kind of ['simulated', 'errors'] as const)
    if (file.record.metrics.includes(kind) && !simulates)
      fail(
        'record.metrics',
        `'${kind}' needs a simulation: add a simulation section (e.g. simulation: {steps: 1}) or a simulation axis`,
      );
  if (file.record.per === 'iteration')
    for (const kind of ['simulated', 'errors'] as const)
      if (file.record.metrics.includes(kind))
        fail('record.metrics', `'${kind}' is per task or per user, not per: iteration`);
  if (file.record.iterations !== undefined && file.record.per !== 'iteration')
    fail('record.iterations', 'only with per: iteration');
  const { method, methods } = file.optimizer;
  const named: [string, string | undefined][] = [
    ['optimizer.method', method],
    ...(methods ?? []).map((m, i): [string, string] => [`optimizer.methods[${i}]`, m]),
  ];
  for (const [key, m] of named)
    if (m !== undefined && !isMethod(m)) {
      const guess = nearestKey(m, METHODS);
      fail(
        key,
        `unknown method '${m}' (${guess === undefined ? `one of ${METHODS.join(', ')}` : `did you mean '${guess}'?`})`,
      );
    }
  if (methods !== undefined) {
    if (method !== undefined)
      fail('optimizer.methods', 'give optimizer.method or optimizer.methods, not both');
    const axis = Object.entries(file.sweep.axes).find(([, a]) => a.path === 'optimizer.method');
    if (axis !== undefined)
      fail(
        `sweep.axes.${axis[0]}`,
        'sweeps optimizer.method, but optimizer.methods compares methods in every task',
      );
    if ('method' in file.sweep.axes)
      fail('sweep.axes.method', 'is the column of optimizer.methods; name the axis otherwise');
    if (new Set(methods).size !== methods.length) fail('optimizer.methods', 'lists a method twice');
  }
}

/** The file with its quick section laid over it (`--quick`): fewer runs, a smaller network, fewer values. */
function quickFile(file: SweepFile, fail: Fail): SweepFile {
  const q = file.quick;
  if (q === undefined) return fail('--quick', 'this experiment file has no quick section');
  const axes = { ...file.sweep.axes };
  for (const [name, values] of Object.entries(q.axes ?? {})) {
    const axis = axes[name];
    if (axis === undefined)
      fail(`quick.axes.${name}`, `not an axis (${suggestKey(name, Object.keys(axes))})`);
    axes[name] = { ...(axis!.path === undefined ? {} : { path: axis!.path }), values };
  }
  if (q.simulation !== undefined && file.simulation === undefined)
    fail('quick.simulation', 'changes the simulation section, but this file has none');
  return {
    ...file,
    runs: q.runs ?? file.runs,
    scenario: { ...file.scenario, ...q.scenario },
    ...(file.simulation === undefined ? {} : { simulation: { ...file.simulation, ...q.simulation } }),
    sweep: { ...file.sweep, axes },
  };
}

/**
 * Every value of every axis, laid over the first point, makes a valid scenario and valid options
 * (a wrong profile name, a field that does not exist, a negative power): found now, not in task
 * 9,000. Combinations of values are not built here; their tasks fail with the point named.
 */
function checkValues(config: FileConfig, fail: Fail): void {
  const file = config.file;
  const first = sweepPoints({ ...file, sweep: { ...file.sweep, combine: 'zip' } })[0]!;
  const seed = runSeed(config.seed, config.experiment, 0);
  for (const [name, values] of axesOf(file)) {
    const refs = referencedPoints(file, name, fail);
    for (const point of values.flatMap((value) => refs.map((r) => ({ ...first, ...r, [name]: value })))) {
      const value = point[name]!;
      const path = pointPath(file.sweep.axes[name]!.path, point);
      if (path === undefined) continue;
      const at = `sweep.axes.${name}`;
      const shown = JSON.stringify(value);
      if (path === 'optimizer.method' && !(typeof value === 'string' && isMethod(value)))
        fail(at, `value ${shown}: not a method (one of ${METHODS.join(', ')})`);
      if (
        path === 'optimizer.starts' &&
        !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 1000)
      )
        fail(at, `value ${shown}: must be an integer in 1..1000`);
      const t = targetOf(path);
      if (t.section === 'scenario' && !t.override) {
        const r = BaseScenarioSchema.shape[t.key as keyof typeof BaseScenarioSchema.shape].safeParse(value);
        if (!r.success) fail(at, `value ${shown}: ${issueLine(r.error, value).line}`);
      }
      if (t.section === 'simulation') {
        const options = { ...file.simulation, [t.key]: value };
        const r = SimulationSchema.safeParse(options);
        if (!r.success) fail(at, `value ${shown}: ${issueLine(r.error, options).line}`);
      }
      try {
        const scenario = pointScenario(config, pointSetup(file, point), seed);
        if (path === 'optimizer.fix.localLayers') checkSplit(value, scenario.llm.layers, at, fail);
      } catch (err) {
        if (err instanceof ValidationError || err instanceof InputError)
          fail(at, `value ${shown}: ${err.message.replace(/^--set /, 'scenario.')}`);
        throw err;
      }
    }
  }
}
