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
import { isAlgorithmName, ALGORITHMS, REGISTRY } from '../../src/optimizer/index.ts';
import { issueLine, parseScenario, ValidationError } from '../../src/scenario/parse.ts';
import { nearestKey } from '../../src/scenario/strict.ts';
import { isModulePath } from '../../src/user-policy/index.ts';
import type { BaseConfig, Experiment, ExperimentConfig } from '../experiment.ts';
import { EXPERIMENT_NAMES, experimentNamed } from '../registry.ts';
import { PRESET_NAMES } from '../scenarios.ts';
import { runSeed } from '../batch/tasks.ts';
import type { FileConfig } from './config.ts';
import { fileExperiment } from './experiment.ts';
import { checkFigures } from './check-figures.ts';
import {
  BaseScenarioSchema,
  PaperFileSchema,
  SimulationSchema,
  SweepFileSchema,
  type PaperFile,
  type SweepFile,
} from './schema.ts';
import { OPTIMIZER_KEYS, pointSetup, SETTING_KEYS, SIMULATION_KEYS, targetOf } from './setup.ts';
import { axesOf, pointCount, sweepPoints } from './sweep.ts';
import { pointScenario } from './task.ts';
import { axisValues, AxisValuesError } from './values.ts';
import { fileColumns } from './task-columns.ts';

/** Sweeps above this many tasks are refused unless forced (a typo in a range is the usual cause). */
export const MAX_TASKS = 1_000_000;

export interface LoadOptions {
  readonly runs?: number | undefined;
  readonly seed?: number | undefined;
  readonly quick?: boolean | undefined;
  readonly force?: boolean | undefined;
}

export interface LoadedExperiment {
  readonly experiment: Experiment<BaseConfig>;
  readonly config: BaseConfig;
}

/** Whether a command argument names an experiment file rather than a built-in experiment. */
export function isExperimentFile(arg: string): boolean {
  return /\.(ya?ml|json)$/i.test(arg);
}

export function loadExperimentFile(path: string, o: LoadOptions = {}): LoadedExperiment {
  const where = `experiment file ${path}`;
  const raw = readSettingsFile(path, 'experiment file');
  const fail = (key: string, message: string): never => {
    throw new InputError(`${where}: ${key}: ${message}`);
  };
  const isPaper = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'paper' in raw;
  const parsed = (isPaper ? PaperFileSchema : SweepFileSchema).safeParse(raw);
  if (!parsed.success) throw new InputError(`${where}: ${issueLine(parsed.error, raw).line}`);
  if (isPaper) return paperExperiment(parsed.data as PaperFile, o, fail);
  if (o.quick) fail('--quick', 'is for the paper experiments; an experiment file says its own sizes');
  const file = { ...(parsed.data as SweepFile) };
  const runs = o.runs ?? file.runs;
  const seed = o.seed ?? file.seed;
  const baseScenario = scenarioFile(file, dirname(path), fail);
  checkAxes(file, fail);
  const needsFolder = checkPolicies(file, dirname(path), fail);
  const points = pointCount(file);
  if (points * runs > MAX_TASKS && !(file.force || o.force))
    fail(
      'sweep',
      `${(points * runs).toLocaleString('en-US')} tasks (${points} points × ${runs} runs), above ${MAX_TASKS.toLocaleString('en-US')}; set force: true (or pass --force) to run them`,
    );
  checkRecords(file, fail);
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

function paperExperiment(p: PaperFile, o: LoadOptions, fail: Fail): LoadedExperiment {
  if (!EXPERIMENT_NAMES.includes(p.paper)) {
    const guess = nearestKey(p.paper, EXPERIMENT_NAMES);
    fail(
      'paper',
      `unknown experiment '${p.paper}' (${guess === undefined ? `one of ${EXPERIMENT_NAMES.join(', ')}` : `did you mean '${guess}'?`})`,
    );
  }
  p.presets.forEach((name, i) => {
    if (!(PRESET_NAMES as readonly string[]).includes(name))
      fail(`presets[${i}]`, `must be one of ${PRESET_NAMES.join(', ')}, got '${name}'`);
  });
  const experiment = experimentNamed(p.paper);
  const quick = o.quick ?? p.quick;
  // Key order is the file format of experiment.json, as the command writes it.
  const config: ExperimentConfig = {
    version: 1,
    experiment: p.paper,
    runs: o.runs ?? p.runs ?? (quick ? experiment.defaultRuns.quick : experiment.defaultRuns.full),
    seed: o.seed ?? p.seed,
    quick,
    presets: [...new Set(p.presets)],
    starts: p.starts,
  };
  return { experiment: experiment as Experiment<BaseConfig>, config };
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
    let t;
    try {
      t = targetOf(axis.path);
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
        `'${axis.path}' makes a scenario, but scenario.file gives one; sweep a scenario field instead`,
      );
    const other = byPath.get(axis.path);
    if (other !== undefined)
      fail(`${key}.path`, `'${axis.path}' is also the path of axis '${other}'; one path, one axis`);
    byPath.set(axis.path, name);
    try {
      axisValues(axis);
    } catch (err) {
      if (err instanceof AxisValuesError) fail(`${key}.${err.key}`, err.message);
      throw err;
    }
  }
  if (file.sweep.combine === 'zip') {
    const axes = axesOf(file);
    const [first, firstValues] = axes[0]!;
    for (const [name, values] of axes.slice(1))
      if (values.length !== firstValues.length)
        fail(
          `sweep.axes.${name}`,
          `has ${values.length} values and axis '${first}' ${firstValues.length}; zipped axes need equal lengths`,
        );
  }
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
    file.optimizer.fix !== undefined || axes.some(([, a]) => a.path.startsWith('optimizer.fix.'));
  if (!fixing) return;
  const methodAxis = axes.find(([, a]) => a.path === 'optimizer.method');
  const methods =
    methodAxis === undefined ? [file.optimizer.method ?? 'proposed'] : axisValues(methodAxis[1]);
  const takes = ALGORITHMS.filter((a) => 'step' in REGISTRY[a]);
  for (const m of methods)
    if (!(takes as readonly unknown[]).includes(m))
      fail(
        methodAxis === undefined ? 'optimizer.method' : `sweep.axes.${methodAxis[0]}`,
        `'${String(m)}' fixes its own decisions; optimizer.fix works with ${takes.join(', ')}`,
      );
}

function checkRecords(file: SweepFile, fail: Fail): void {
  const simulates =
    file.simulation !== undefined ||
    Object.values(file.sweep.axes).some((a) => a.path.startsWith('simulation.'));
  for (const kind of ['simulated', 'errors'] as const)
    if (file.record.metrics.includes(kind) && !simulates)
      fail(
        'record.metrics',
        `'${kind}' needs a simulation: add a simulation section (e.g. simulation: {steps: 1}) or a simulation axis`,
      );
  const method = file.optimizer.method;
  if (method !== undefined && !isAlgorithmName(method)) {
    const guess = nearestKey(method, ALGORITHMS);
    fail(
      'optimizer.method',
      `unknown method '${method}' (${guess === undefined ? `one of ${ALGORITHMS.join(', ')}` : `did you mean '${guess}'?`})`,
    );
  }
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
    const path = file.sweep.axes[name]!.path;
    for (const value of values) {
      const point = { ...first, [name]: value };
      const at = `sweep.axes.${name}`;
      const shown = JSON.stringify(value);
      if (path === 'optimizer.method' && !(typeof value === 'string' && isAlgorithmName(value)))
        fail(at, `value ${shown}: not a method (one of ${ALGORITHMS.join(', ')})`);
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
