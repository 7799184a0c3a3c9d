/**
 * The experiment file (YAML or JSON): a base scenario, sweep axes, runs and seed, what each task
 * records, and figures. One zod schema is the file format, its validation (strict keys with a did-you-mean) and, through
 * `experimentJsonSchema`, the JSON Schema editors complete against (`mecsim schema experiment`).
 */
import { z } from 'zod';
import { integerIn, RANGES } from '../../src/scenario/ranges.ts';
import { strictObject } from '../../src/scenario/strict.ts';
import { DYNAMICS_NAMES } from '../../sim/dynamics.ts';
import { policyNames } from '../../sim/policies.ts';
import { DEFAULT_POLICY_TIMEOUT_S, isModulePath, MAX_POLICY_TIMEOUT_S } from '../../src/user-policy/index.ts';

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');
const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** Inclusive of `to` when a step lands on it (`{from: 1, to: 8}` is 1, 2, …, 8). */
const RangeSchema = strictObject({ from: finite(), to: finite(), step: finite().optional() });
const SpaceSchema = strictObject({
  from: finite(),
  to: finite(),
  count: integerIn({ min: 1, max: 1_000_000 }),
});

export const AxisSchema = strictObject({
  /** `scenario.PATH` (a setting or a `--set` path), `optimizer.OPTION` or `simulation.OPTION`;
   *  `{NAME}` in it stands for the point's value of axis NAME (`scenario.weights.{weight}`).
   *  Without a path the axis is a label: a column of the rows that sets nothing itself. */
  path: z.string().min(1, 'must name a path, e.g. scenario.users[*].flopsPerCycle').optional(),
  values: z.array(scalar).optional(),
  range: RangeSchema.optional(),
  linspace: SpaceSchema.optional(),
  /** Geometrically spaced from `from` to `to` (both > 0), `count` values. */
  logspace: SpaceSchema.optional(),
});
export type Axis = z.infer<typeof AxisSchema>;

/** The base scenario: a preset or profiles with overrides, or a scenario file. */
export const BaseScenarioSchema = strictObject({
  preset: z.string().optional(),
  users: integerIn(RANGES.users).optional(),
  servers: integerIn(RANGES.servers).optional(),
  layers: integerIn(RANGES.layers).optional(),
  phones: z.string().optional(),
  edgeGpus: z.string().optional(),
  llm: z.string().optional(),
  finetune: z.string().optional(),
  precision: z.string().optional(),
  radio: z.string().optional(),
  /** A scenario file, relative to the experiment file's folder; runs then vary the seeds only. */
  file: z.string().min(1).optional(),
  /** `PATH: VALUE` overrides, as `--set PATH=VALUE`. */
  set: z.record(z.string(), z.unknown()).optional(),
});

const perUserOr = <T extends z.ZodType>(one: T) => z.union([one, z.array(z.number())]);

export const OptimizerSchema = strictObject({
  method: z.string().optional(),
  /** Each task solves its scenario with every one of these methods: one row each, a `method`
   *  column after `run` (the paper's comparisons: the same scenario for every method). */
  methods: z.array(z.string()).min(1).optional(),
  starts: integerIn(RANGES.starts).optional(),
  /** Decisions held fixed (as `optimize --fix`); the method (proposed or ao) optimises the rest. */
  fix: strictObject({
    /** α_n in 1..Υ−1: one for every user, or one per user. */
    localLayers: perUserOr(z.number()).optional(),
    /** A rule (greedy, random, highest-gain), a server index, or one per user. */
    association: perUserOr(z.union([z.string(), z.number()])).optional(),
  }).optional(),
});

export const SimulationSchema = strictObject({
  /** A named case of sim/dynamics.ts (fading, mobility or edge-GPU mode, as the validation
   *  experiment runs it); the options below are laid over it. */
  dynamics: z.enum(DYNAMICS_NAMES).optional(),
  fading: z.enum(['static', 'rayleigh', 'rician']).optional(),
  coherenceS: z.number().positive().optional(),
  ricianK: z.number().min(0).optional(),
  mobility: z.enum(['none', 'random-waypoint', 'gauss-markov']).optional(),
  edgeGpu: z.enum(['dedicated', 'processor-sharing']).optional(),
  gradientDownload: z.boolean().optional(),
  durationS: z.number().positive().optional(),
  steps: integerIn(RANGES.steps).optional(),
  epochS: z.number().positive().optional(),
  /** A policy decides at t = 0 and at every epoch instead of the point's method: a name (`mecsim
   *  simulate --policy NAME`) or a module (`./my-policy.ts`, against the experiment file's folder);
   *  without it (and policyCmd) the method's solution is kept, or re-optimised with epochS. */
  policy: z
    .string()
    .refine((v) => policyNames().includes(v) || isModulePath(v), {
      error: () => `must be one of ${policyNames().join(', ')}, or a module path such as ./my-policy.ts`,
    })
    .describe("a policy name, or a module path against this file's folder (./my-policy.ts)")
    .optional(),
  /** A policy process (`--policy-cmd`): a shell command run in the experiment file's folder, one
   *  process per task, each answer within policyTimeoutS seconds. */
  policyCmd: z
    .string()
    .refine((c) => c.trim() !== '', 'must be a command, got an empty string')
    .describe("a policy process (as --policy-cmd), run in this file's folder, e.g. python3 agent.py")
    .optional(),
  policyTimeoutS: z
    .number()
    .positive()
    .max(MAX_POLICY_TIMEOUT_S)
    .describe(`seconds the policyCmd process may take for each answer (default ${DEFAULT_POLICY_TIMEOUT_S})`)
    .optional(),
  /** Re-planning costs (sim/replan.ts), as `--solve-time` (fixed seconds only: batches stay
   *  reproducible), `--migration` and `--handover`. */
  solveS: z.number().min(0).optional(),
  migration: z.boolean().optional(),
  handoverS: z.number().min(0).optional(),
});

export const RECORDS = ['analytic', 'simulated', 'errors', 'iterations', 'time'] as const;
export type RecordKind = (typeof RECORDS)[number];

const claimBase = {
  /** The claim in words, as the report prints it beside its verdict. */
  claim: z.string().min(1),
  /** A summarised metric. */
  metric: z.string(),
  /** The axis the claim runs along (every value a case); without it, one case per panel. */
  x: z.string().optional(),
  /** Only the points with these axis values. */
  where: z.record(z.string(), scalar).optional(),
};
const ofMethods = <S extends z.core.$ZodLooseShape>(extra: S) =>
  strictObject({ ...claimBase, method: z.string(), ...extra });

/**
 * A claim checked against the summary (experiments/report/claims.ts), per value of the `preset`
 * axis when there is one. Method claims compare the `method` column (optimizer.methods).
 */
export const ClaimSchema = z.discriminatedUnion('check', [
  /** `method` has the lowest mean of `among` at every case (ties hold). */
  ofMethods({ check: z.literal('lowest'), among: z.array(z.string()).min(2) }),
  ofMethods({ check: z.literal('highest'), among: z.array(z.string()).min(2) }),
  /** `method`'s mean is at most `than`'s at every case. */
  ofMethods({ check: z.literal('below'), than: z.string() }),
  /** The gain of `method` over the mean of `baselines` is smaller at x's last value than its first. */
  ofMethods({ check: z.literal('gain-shrinks'), x: z.string(), baselines: z.array(z.string()).min(1) }),
  /** `method`'s mean over `than`'s is at most `atMost` at every case. */
  ofMethods({ check: z.literal('ratio-at-most'), than: z.string(), atMost: finite() }),
  /** In every group, `stat` of the metric (of each metric listed) is at most `atMost`: max bounds
   *  every run's (or user's) value, p95 all but the worst 5%. */
  strictObject({
    ...claimBase,
    check: z.literal('at-most'),
    metric: z.union([z.string(), z.array(z.string()).min(1)]),
    stat: z.enum(['max', 'p95', 'median', 'mean']).default('max'),
    atMost: finite(),
  }),
  /** The mean does not decrease along x. */
  strictObject({
    ...claimBase,
    check: z.literal('non-decreasing'),
    x: z.string(),
    method: z.string().optional(),
  }),
]);
export type ClaimSpec = z.infer<typeof ClaimSchema>;

export const FigureSchema = strictObject({
  /** File stem: figures/NAME.svg. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  title: z.string().optional(),
  /** mean: means ± 95% CI against x; box and cdf: the per-user distribution (record per: user). */
  kind: z.enum(['mean', 'box', 'cdf']).default('mean'),
  x: z.string().optional(),
  y: z.string(),
  colour: z.string().optional(),
  facet: z.string().optional(),
  /** auto: a log axis when the values span more than two decades. */
  logX: z.union([z.boolean(), z.literal('auto')]).default('auto'),
  logY: z.union([z.boolean(), z.literal('auto')]).default('auto'),
  xTitle: z.string().optional(),
  yTitle: z.string().optional(),
  /** Only the points with these axis values. */
  where: z.record(z.string(), scalar).optional(),
  /** Claims about what the figure shows, checked and reported under it. */
  claims: z.array(ClaimSchema).default([]),
});
export type FigureSpec = z.infer<typeof FigureSchema>;

export const SweepFileSchema = strictObject({
  version: z.literal(1).default(1),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  title: z.string().optional(),
  description: z.string().optional(),
  scenario: BaseScenarioSchema.default({}),
  optimizer: OptimizerSchema.default({}),
  /** Present: every task also simulates the optimised allocation. */
  simulation: SimulationSchema.optional(),
  sweep: strictObject({
    combine: z.enum(['grid', 'zip']).default('grid'),
    /** Axis name (its column in the rows) → path and values. */
    axes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a plain name'), AxisSchema),
    /** In a grid, groups of axes that move together (zipped, equal lengths), each group in the
     *  place of its first axis: `[[weight, value]]` sweeps listed (weight, value) pairs. */
    together: z.array(z.array(z.string()).min(2)).optional(),
    /** Axes looped inside each task rather than across tasks (innermost, in file order): the
     *  task builds its scenario and draws its seed once, and every within-point shares them —
     *  fewer, longer tasks, as when one scenario is tried under several dynamics. */
    within: z.array(z.string()).min(1).optional(),
  }),
  runs: integerIn(RANGES.runs).default(1),
  seed: integerIn(RANGES.seed).default(1),
  record: strictObject({
    /** task: one row per task; user: one row per user of each task (for box plots and CDFs);
     *  iteration: one row per outer iteration of the optimizer (its objective history). */
    per: z.enum(['task', 'user', 'iteration']).default('task'),
    metrics: z.array(z.enum(RECORDS)).default(['analytic']),
    /** per: iteration: at least this many rows per task, a run that stopped earlier keeping its
     *  final objective, so every curve averages the same runs. */
    iterations: integerIn({ min: 1, max: 10_000 }).optional(),
    /** Only these recorded columns, in this order (default: every column of the kinds). */
    columns: z.array(z.string()).min(1).optional(),
  }).default({ per: 'task', metrics: ['analytic'] }),
  /** summary.csv: its groups (default: every axis, the method, the iteration; an axis with one
   *  value may be left out) and its metrics, in order (default: every recorded metric). */
  summary: strictObject({
    by: z.array(z.string()).min(1).optional(),
    metrics: z.array(z.string()).min(1).optional(),
  }).optional(),
  figures: z.array(FigureSchema).default([]),
  /** What `--quick` changes: fewer runs, scenario settings (a smaller network), fewer axis values. */
  quick: strictObject({
    runs: integerIn(RANGES.runs).optional(),
    scenario: BaseScenarioSchema.omit({ file: true, set: true }).optional(),
    /** Axis name → the values it takes instead. */
    axes: z.record(z.string(), z.array(scalar).min(1)).optional(),
    /** Simulation options laid over the simulation section (fewer steps). */
    simulation: SimulationSchema.optional(),
  }).optional(),
  /** Run more than 10^6 tasks (refused otherwise). */
  force: z.boolean().default(false),
});
export type SweepFile = z.infer<typeof SweepFileSchema>;

/** JSON Schema of the experiment file, for editors. */
export function experimentJsonSchema(): unknown {
  return z.toJSONSchema(SweepFileSchema, {
    io: 'input',
    unrepresentable: 'any',
  });
}
