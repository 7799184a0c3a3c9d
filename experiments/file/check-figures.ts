/**
 * A figure spec checked against its experiment: x, colour and facet name axes (or the `method`
 * of a comparison, the `iteration` of per-iteration rows), y a recorded metric, `where` an axis
 * with one of its values; box plots and CDFs need per-user rows; every axis with more than one
 * value is drawn or filtered, so no mean silently mixes two settings; and each claim names a
 * recorded metric, axes, and methods the file compares.
 */
import { nearestKey } from '../../src/scenario/strict.ts';
import type { ClaimSpec, SweepFile } from './schema.ts';
import { axesOf } from './sweep.ts';
import { fileGroups } from './task-columns.ts';
import type { AxisValue } from './values.ts';

type Fail = (key: string, message: string) => never;

export const suggestKey = (name: string, known: readonly string[]): string => {
  const guess = nearestKey(name, known);
  return guess === undefined ? `known: ${known.join(', ')}` : `did you mean '${guess}'?`;
};

/** What a figure or claim may name: the axes with their values, the method and the iteration
 *  (values undefined: not known before the run). */
function plottable(file: SweepFile): Map<string, readonly AxisValue[] | undefined> {
  const axes = new Map<string, readonly AxisValue[] | undefined>(axesOf(file));
  if (file.optimizer.methods !== undefined) axes.set('method', file.optimizer.methods);
  if (file.record.per === 'iteration') axes.set('iteration', undefined);
  const groups = fileGroups(file);
  return new Map([...axes].filter(([name]) => groups.includes(name)));
}

/** The axes a figure covers: those it draws or filters, with every axis zipped to one of them. */
function covered(file: SweepFile, named: readonly string[]): Set<string> {
  const together =
    file.sweep.combine === 'zip' ? [Object.keys(file.sweep.axes)] : (file.sweep.together ?? []);
  const out = new Set(named);
  for (const group of together) if (group.some((a) => out.has(a))) group.forEach((a) => out.add(a));
  return out;
}

function checkClaimSpec(
  c: ClaimSpec,
  at: string,
  axes: Map<string, readonly AxisValue[] | undefined>,
  metrics: readonly string[],
  fail: Fail,
): void {
  const names = [...axes.keys()];
  const claimed =
    typeof c.metric === 'string'
      ? [[`${at}.metric`, c.metric]]
      : c.metric.map((m, i) => [`${at}.metric[${i}]`, m]);
  for (const [key, m] of claimed)
    if (!metrics.includes(m!)) fail(key!, `'${m}' is not a recorded metric (${suggestKey(m!, metrics)})`);
  if (c.x !== undefined && !axes.has(c.x))
    fail(`${at}.x`, `'${c.x}' is not an axis (${suggestKey(c.x, names)})`);
  for (const name of Object.keys(c.where ?? {}))
    if (!axes.has(name)) fail(`${at}.where.${name}`, `not an axis (${suggestKey(name, names)})`);
  if (!('method' in c) || c.method === undefined) return;
  const methods = axes.get('method');
  if (methods === undefined) fail(`${at}.method`, 'method claims compare optimizer.methods; give that list');
  const named: [string, string][] = [
    ['method', c.method],
    ...('than' in c ? [['than', c.than] as [string, string]] : []),
    ...('among' in c ? c.among.map((m, i): [string, string] => [`among[${i}]`, m]) : []),
    ...('baselines' in c ? c.baselines.map((m, i): [string, string] => [`baselines[${i}]`, m]) : []),
  ];
  for (const [key, m] of named)
    if (!methods!.includes(m))
      fail(`${at}.${key}`, `'${m}' is not one of optimizer.methods (${methods!.join(', ')})`);
}

export function checkFigures(file: SweepFile, metrics: readonly string[], fail: Fail): void {
  const axes = plottable(file);
  const names = [...axes.keys()];
  const seen = new Set<string>();
  file.figures.forEach((f, i) => {
    const at = `figures[${i}]`;
    if (seen.has(f.name)) fail(`${at}.name`, `'${f.name}' names two figures`);
    seen.add(f.name);
    if (!metrics.includes(f.y))
      fail(`${at}.y`, `'${f.y}' is not a recorded metric (${suggestKey(f.y, metrics)})`);
    if (f.kind === 'mean' && f.x === undefined) fail(`${at}.x`, 'missing: a mean figure needs an axis on x');
    if (f.kind !== 'mean' && file.record.per !== 'user')
      fail(`${at}.kind`, `'${f.kind}' draws per-user values: set record.per: user`);
    for (const key of ['x', 'colour', 'facet'] as const) {
      const name = f[key];
      if (name !== undefined && !axes.has(name))
        fail(`${at}.${key}`, `'${name}' is not an axis (${suggestKey(name, names)})`);
    }
    const used = [f.x, f.colour, f.facet].filter((n) => n !== undefined);
    if (new Set(used).size !== used.length) fail(at, 'x, colour and facet must be different axes');
    for (const [name, value] of Object.entries(f.where ?? {})) {
      const values = axes.get(name);
      if (values === undefined) fail(`${at}.where.${name}`, `not an axis (${suggestKey(name, names)})`);
      if (values !== undefined && !values.includes(value))
        fail(`${at}.where.${name}`, `${JSON.stringify(value)} is not one of its values`);
    }
    f.claims.forEach((c, j) => checkClaimSpec(c, `${at}.claims[${j}]`, axes, metrics, fail));
    // Zipped axes move together: drawing one of them draws them all.
    const drawn = covered(file, [...used, ...Object.keys(f.where ?? {})]);
    for (const [name, values] of axes) {
      if ((values?.length ?? 2) > 1 && !drawn.has(name))
        fail(
          at,
          `axis '${name}' has ${values?.length ?? 'several'} values but is not the figure's x, colour, facet or where; its means would mix them`,
        );
    }
  });
}
