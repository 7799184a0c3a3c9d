/**
 * Checks of the paper's comparative claims against the summary: which method has the lowest mean
 * at each sweep point, whether one method beats another (or stays within a factor of it), whether
 * a gain shrinks along the sweep, whether a mean grows along it, whether every run stays under a
 * bound. Each check counts the cases where the claim holds and names the ones where it does not,
 * with the numbers, per preset when the summary has presets. Means closer than TIE_REL are ties,
 * and a tie counts as holding ("lowest or equal").
 */
import type { Cell } from '../experiment.ts';
import { verdictOf, type ClaimCheck } from './figure.ts';
import { distinct, find, select, type Summary } from './summary.ts';
import { formatNumber } from './tables.ts';

const TIE_REL = 1e-6;

/** The sweep a claim is checked over: a metric, its x column, and a filter (e.g. a weight kind). */
export interface Sweep {
  readonly summary: Summary;
  readonly metric: string;
  /** Every value a case; without it, one case per preset. */
  readonly xKey?: string;
  readonly where?: Readonly<Record<string, Cell>>;
}

/** The column reported separately: a null value means the summary has none. */
const PANEL = 'preset';

/** The summary filter of a case: the sweep's where, its preset and its x value (when present). */
const caseWhere = (sw: Sweep, preset: Cell, x?: Cell): Record<string, Cell> => ({
  ...sw.where,
  ...(preset === null ? {} : { [PANEL]: preset }),
  ...(sw.xKey === undefined || x === undefined ? {} : { [sw.xKey]: x }),
});

/** The x values of a sweep at a preset, in summary order ([null]: one case). */
const xsOf = (sw: Sweep, preset: Cell): Cell[] =>
  sw.xKey === undefined ? [null] : distinct(sw.summary, sw.xKey, caseWhere(sw, preset));

/** `paper: ` before a preset's part of a detail, or nothing when the summary has no presets. */
const presetLabel = (preset: Cell): string => (preset === null ? '' : `${String(preset)}: `);

/** `x=3 ` before a miss, or nothing for a sweep without x. */
const atX = (sw: Sweep, x: Cell): string => (sw.xKey === undefined ? '' : `${sw.xKey}=${String(x)} `);

interface Tally {
  held: number;
  cases: number;
  ties: number;
  misses: string[];
}

const meanOf = (sw: Sweep, preset: Cell, x: Cell, method?: string): number | null =>
  find(sw.summary, sw.metric, { ...caseWhere(sw, preset, x), ...(method === undefined ? {} : { method }) })
    ?.mean ?? null;

const notAbove = (a: number, b: number): boolean => a <= b + TIE_REL * Math.abs(b);
const tied = (a: number, b: number): boolean =>
  Math.abs(a - b) <= TIE_REL * Math.max(Math.abs(a), Math.abs(b));

/** Runs `check` at every (preset, x) of the sweep and reports per preset. */
function tallyPerPreset(
  sw: Sweep,
  check: (preset: Cell, x: Cell, t: Tally) => void,
): { total: Tally; detail: string } {
  const total: Tally = { held: 0, cases: 0, ties: 0, misses: [] };
  const parts: string[] = [];
  for (const preset of distinct(sw.summary, PANEL)) {
    const t: Tally = { held: 0, cases: 0, ties: 0, misses: [] };
    for (const x of xsOf(sw, preset)) check(preset, x, t);
    total.held += t.held;
    total.cases += t.cases;
    const ties = t.ties > 0 ? `, ${t.ties} of them ties` : '';
    const misses =
      t.misses.length > 0
        ? `; not at ${t.misses.slice(0, 4).join('; ')}${t.misses.length > 4 ? '; …' : ''}`
        : '';
    parts.push(`${presetLabel(preset)}${t.held}/${t.cases}${ties}${misses}`);
  }
  return { total, detail: parts.join(' — ') };
}

/** `method` has the lowest mean of `methods` at every point. */
export function lowestEverywhere(
  sw: Sweep,
  method: string,
  methods: readonly string[],
  claim: string,
): ClaimCheck {
  const { total, detail } = tallyPerPreset(sw, (preset, x, t) => {
    const mine = meanOf(sw, preset, x, method);
    const others = methods.filter((m) => m !== method).map((m) => ({ m, v: meanOf(sw, preset, x, m) }));
    if (mine === null || others.some((o) => o.v === null)) return;
    t.cases++;
    const best = others.reduce((a, b) => (b.v! < a.v! ? b : a));
    if (notAbove(mine, best.v!)) {
      t.held++;
      if (tied(mine, best.v!)) t.ties++;
    } else
      t.misses.push(`${atX(sw, x)}(${best.m} ${formatNumber(best.v)} < ${method} ${formatNumber(mine)})`);
  });
  return {
    claim,
    verdict: verdictOf(total.held, total.cases),
    detail: `${method} lowest ${sw.metric} at ${detail}`,
  };
}

/** `lower`'s mean is at most `higher`'s at every point. */
export function belowEverywhere(sw: Sweep, lower: string, higher: string, claim: string): ClaimCheck {
  const { total, detail } = tallyPerPreset(sw, (preset, x, t) => {
    const a = meanOf(sw, preset, x, lower);
    const b = meanOf(sw, preset, x, higher);
    if (a === null || b === null) return;
    t.cases++;
    if (notAbove(a, b)) {
      t.held++;
      if (tied(a, b)) t.ties++;
    } else t.misses.push(`${atX(sw, x)}(${lower} ${formatNumber(a)} > ${higher} ${formatNumber(b)})`);
  });
  return {
    claim,
    verdict: verdictOf(total.held, total.cases),
    detail: `${lower} ≤ ${higher} in ${sw.metric} at ${detail}`,
  };
}

/** `method`'s mean is the highest of `methods` at every point. */
export function highestEverywhere(
  sw: Sweep,
  method: string,
  methods: readonly string[],
  claim: string,
): ClaimCheck {
  const checks = methods.filter((m) => m !== method).map((m) => belowEverywhere(sw, m, method, claim));
  const held = checks.filter((c) => c.verdict === 'holds').length;
  return { claim, verdict: verdictOf(held, checks.length), detail: checks.map((c) => c.detail).join('; ') };
}

/**
 * The relative gain of `method` over the mean of the `baselines` is smaller at the sweep's last
 * point than at its first.
 */
export function gainShrinks(
  sw: Sweep,
  method: string,
  baselines: readonly string[],
  claim: string,
): ClaimCheck {
  const gainAt = (preset: Cell, x: Cell): number | null => {
    const mine = meanOf(sw, preset, x, method);
    const others = baselines.map((m) => meanOf(sw, preset, x, m));
    if (mine === null || others.some((v) => v === null)) return null;
    const base = (others as number[]).reduce((a, b) => a + b, 0) / others.length;
    return (base - mine) / base;
  };
  const parts: string[] = [];
  let held = 0;
  let cases = 0;
  for (const preset of distinct(sw.summary, PANEL)) {
    const xs = xsOf(sw, preset);
    const first = gainAt(preset, xs[0] ?? null);
    const last = gainAt(preset, xs[xs.length - 1] ?? null);
    if (first === null || last === null) continue;
    cases++;
    if (last < first) held++;
    parts.push(
      `${presetLabel(preset)}${formatNumber(100 * first)}% at ${atX(sw, xs[0] ?? null)}→ ${formatNumber(100 * last)}% at ${atX(sw, xs[xs.length - 1] ?? null).trimEnd()}`,
    );
  }
  return {
    claim,
    verdict: verdictOf(held, cases),
    detail: `gain of ${method} in ${sw.metric} over the mean of ${baselines.join(', ')}: ${parts.join('; ')}`,
  };
}

/** `method`'s mean over `of`'s is at most `atMost` at every point ("within 2× of edge-only"). */
export function ratioAtMost(
  sw: Sweep,
  method: string,
  of: string,
  atMost: number,
  claim: string,
): ClaimCheck {
  const { total, detail } = tallyPerPreset(sw, (preset, x, t) => {
    const a = meanOf(sw, preset, x, method);
    const b = meanOf(sw, preset, x, of);
    if (a === null || b === null) return;
    t.cases++;
    if (a / b <= atMost) t.held++;
    else t.misses.push(`${atX(sw, x)}(${formatNumber(a / b)}×)`);
  });
  return {
    claim,
    verdict: verdictOf(total.held, total.cases),
    detail: `${method} ≤ ${formatNumber(atMost)}× ${of} in ${sw.metric} at ${detail}`,
  };
}

/** The mean does not decrease along x, at each preset (of `method` when given). */
export function nonDecreasing(sw: Sweep, claim: string, method?: string): ClaimCheck {
  const parts: string[] = [];
  let held = 0;
  const presets = distinct(sw.summary, PANEL);
  for (const preset of presets) {
    const means = xsOf(sw, preset).map((x) => meanOf(sw, preset, x, method) ?? NaN);
    const ok = means.every((v, i) => i === 0 || means[i - 1]! <= v);
    if (ok) held++;
    parts.push(`${presetLabel(preset)}${means.map(formatNumber).join(' → ')}`);
  }
  return {
    claim,
    verdict: verdictOf(held, presets.length),
    detail: `mean ${sw.metric} along ${sw.xKey ?? 'the sweep'}${method === undefined ? '' : ` (${method})`}: ${parts.join('; ')}`,
  };
}

/** A statistic of a group's values, as summary.csv has it. */
export type GroupStat = 'max' | 'p95' | 'median' | 'mean';

/** Groups listed one by one in a detail; beyond this, only the ones over the bound and the worst. */
const LISTED_GROUPS = 8;

/**
 * In every group, `stat` of each of `metrics` is at most `atMost` (max: every run's value; p95:
 * all but the worst 5%). A group without the statistic (no values) counts as over the bound.
 */
export function statAtMost(
  sw: Omit<Sweep, 'metric'>,
  metrics: readonly string[],
  stat: GroupStat,
  atMost: number,
  claim: string,
): ClaimCheck {
  const filtered = new Set(Object.keys(sw.where ?? {}));
  const several = metrics.length > 1;
  const groups = metrics.flatMap((metric) =>
    select(sw.summary, metric, sw.where).map((g) => ({
      metric,
      label: [
        ...(several ? [metric] : []),
        ...Object.entries(g.group)
          .filter(([k]) => !filtered.has(k))
          .map(([k, v]) => `${k}=${String(v)}`),
      ].join(', '),
      mean: g.mean,
      value: g[stat],
    })),
  );
  const over = groups.filter((g) => !((g.value ?? Infinity) <= atMost));
  const shown = (gs: typeof groups): string =>
    gs
      .map((g) =>
        stat === 'mean'
          ? `${g.label}: mean ${formatNumber(g.mean)}`
          : `${g.label}: mean ${formatNumber(g.mean)}, ${stat} ${formatNumber(g.value)}`,
      )
      .join('; ');
  const worst = groups.reduce<(typeof groups)[number] | undefined>(
    (w, g) => (w === undefined || (g.value ?? Infinity) > (w.value ?? Infinity) ? g : w),
    undefined,
  );
  const listed =
    groups.length <= LISTED_GROUPS
      ? shown(groups)
      : `${over.length === 0 ? '' : `over: ${shown(over.slice(0, 4))}${over.length > 4 ? '; …' : ''}; `}worst: ${shown(worst === undefined ? [] : [worst])}`;
  return {
    claim,
    verdict: verdictOf(groups.length - over.length, groups.length),
    detail: `${metrics.join(', ')} ${stat === 'max' ? '' : `${stat} `}at most ${formatNumber(atMost)} in ${groups.length - over.length} of ${groups.length} groups (${listed})`,
  };
}
