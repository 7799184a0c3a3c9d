/**
 * What a sweep point asks for: the scenario settings and `--set` overrides, the optimizer options
 * and the simulation configuration, from the file's fixed sections with the point's axis values
 * laid over them. An axis path is `scenario.SETTING` (preset, users, phones, …), `scenario.PATH`
 * (any field of the scenario, as `--set PATH=VALUE`: `scenario.users[*].flopsPerCycle`),
 * `optimizer.OPTION` or `simulation.OPTION`; `{NAME}` in a path is the point's value of axis NAME,
 * and an axis without a path is a label (a column only).
 */
import type { FixedDecisions } from '../../src/optimizer/index.ts';
import type { ScenarioSettings } from '../../src/scenario/build.ts';
import { DEFAULT_SIM_CONFIG, type SimConfig } from '../../sim/config.ts';
import { dynamicsConfig } from '../../sim/dynamics.ts';
import type { Cell } from '../experiment.ts';
import type { Method } from '../methods.ts';
import type { SweepFile } from './schema.ts';
import { BaseScenarioSchema, SimulationSchema } from './schema.ts';

export const SECTIONS = ['scenario', 'optimizer', 'simulation'] as const;
export type Section = (typeof SECTIONS)[number];

/** Scenario keys that are settings of the generator or composition rather than scenario fields. */
export const SETTING_KEYS = Object.keys(BaseScenarioSchema.shape).filter((k) => k !== 'file' && k !== 'set');
/** `fix.localLayers` and `fix.association` are axis paths of their own. */
export const OPTIMIZER_KEYS = ['method', 'starts', 'fix.localLayers', 'fix.association'];
export const SIMULATION_KEYS = Object.keys(SimulationSchema.shape);

export interface Target {
  readonly section: Section;
  /** The option or setting name, or the scenario path for an override. */
  readonly key: string;
  /** A scenario field set as `--set` (not a generator setting). */
  readonly override: boolean;
}

/** Splits an axis path; throws a plain Error (the loader names the axis) when it names nothing. */
export function targetOf(path: string): Target {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const key = dot < 0 ? '' : path.slice(dot + 1);
  if (!(SECTIONS as readonly string[]).includes(head) || key === '')
    throw new Error(`must start with ${SECTIONS.map((s) => `${s}.`).join(', ')}, got '${path}'`);
  const section = head as Section;
  if (section === 'scenario') return { section, key, override: !SETTING_KEYS.includes(key) };
  return { section, key, override: false };
}

/** `{NAME}` in an axis path: the point's value of axis NAME. */
const TEMPLATE = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The axes a path's `{NAME}`s refer to. */
export function pathReferences(path: string): string[] {
  return [...path.matchAll(TEMPLATE)].map((m) => m[1]!);
}

/** An axis path with its `{NAME}`s replaced by the point's values; undefined for a label axis. */
export function pointPath(
  path: string | undefined,
  point: Readonly<Record<string, Cell>>,
): string | undefined {
  return path?.replace(TEMPLATE, (_, name: string) => String(point[name]));
}

export interface PointSetup {
  readonly settings: Omit<ScenarioSettings, 'seed'>;
  readonly sets: readonly string[];
  readonly method: Method;
  /** optimizer.methods: every task solves with each (rows get a method column); else [method]. */
  readonly methods: readonly Method[] | undefined;
  readonly starts: number;
  readonly fix: FixedDecisions | undefined;
  /** Undefined: the task does not simulate. */
  readonly simulation: Partial<SimConfig> | undefined;
  /** Re-optimise every this many simulated seconds (Infinity: a fixed allocation). */
  readonly epochS: number;
  /** A policy that decides instead of the method: a name or a module path (`simulation.policy`). */
  readonly policy: string | undefined;
  /** A policy process's command and its time limit per answer (`simulation.policyCmd`, `policyTimeoutS`). */
  readonly policyCmd: string | undefined;
  readonly policyTimeoutS: number | undefined;
}

/** Starting associations when the file does not say (the experiments' default, as the paper's five). */
export const DEFAULT_STARTS = 1;

/** The simulation options over the named dynamics (if any) over the defaults. */
function simConfigOf(s: NonNullable<SweepFile['simulation']>): Partial<SimConfig> {
  const named = s.dynamics === undefined ? {} : dynamicsConfig(s.dynamics)!;
  const d: SimConfig = { ...DEFAULT_SIM_CONFIG, ...named };
  return {
    durationS: s.durationS ?? Infinity,
    maxStepsPerUser: s.steps ?? (s.durationS === undefined ? 1 : Infinity),
    edgeGpu: s.edgeGpu ?? d.edgeGpu,
    gradientDownload: s.gradientDownload ?? d.gradientDownload,
    fading: {
      kind: s.fading ?? d.fading.kind,
      coherenceS: s.coherenceS ?? d.fading.coherenceS,
      ricianK: s.ricianK ?? d.fading.ricianK,
    },
    mobility: { ...d.mobility, kind: s.mobility ?? d.mobility.kind },
    epoch: { everyS: s.epochS ?? Infinity, rateChange: Infinity },
    replan: { solveS: s.solveS ?? 0, migration: s.migration ?? false, handoverS: s.handoverS ?? 0 },
  };
}

/** The setup of a point (axis name → value). */
export function pointSetup(file: SweepFile, point: Readonly<Record<string, Cell>>): PointSetup {
  const { file: _file, set, ...settings } = file.scenario;
  const sets = Object.entries(set ?? {}).map(([path, v]) => `${path}=${JSON.stringify(v)}`);
  const scenario: Record<string, unknown> = { ...settings };
  const optimizer: Record<string, unknown> = { ...file.optimizer };
  const fix: Record<string, unknown> = { ...file.optimizer.fix };
  const simulation: Record<string, unknown> = { ...file.simulation };
  let simulates = file.simulation !== undefined;
  for (const [name, axis] of Object.entries(file.sweep.axes)) {
    const path = pointPath(axis.path, point);
    if (path === undefined) continue;
    const t = targetOf(path);
    const value = point[name];
    if (t.section === 'scenario') {
      if (t.override) sets.push(`${t.key}=${JSON.stringify(value)}`);
      else scenario[t.key] = value;
    } else if (t.section === 'optimizer') {
      if (t.key.startsWith('fix.')) fix[t.key.slice('fix.'.length)] = value;
      else optimizer[t.key] = value;
    } else {
      simulates = true;
      simulation[t.key] = value;
    }
  }
  const sim = SimulationSchema.parse(simulation);
  return {
    settings: scenario as Omit<ScenarioSettings, 'seed'>,
    sets,
    method: (optimizer['method'] ?? 'proposed') as Method,
    methods: file.optimizer.methods as Method[] | undefined,
    starts: (optimizer['starts'] ?? DEFAULT_STARTS) as number,
    fix: Object.keys(fix).length > 0 ? (fix as FixedDecisions) : undefined,
    simulation: simulates ? simConfigOf(sim) : undefined,
    epochS: sim.epochS ?? Infinity,
    policy: sim.policy,
    policyCmd: sim.policyCmd,
    policyTimeoutS: sim.policyTimeoutS,
  };
}
