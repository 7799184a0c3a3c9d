/**
 * A figure spec checked against its experiment: x, colour and facet name axes (or `user` on
 * per-user rows), y a recorded metric, `where` an axis with one of its values; box plots and
 * CDFs need per-user rows; and every axis with more than one value is drawn or filtered, so no
 * mean silently mixes two settings.
 */
import { nearestKey } from '../../src/scenario/strict.ts';
import type { SweepFile } from './schema.ts';
import { axesOf } from './sweep.ts';

type Fail = (key: string, message: string) => never;

const suggest = (name: string, known: readonly string[]): string => {
  const guess = nearestKey(name, known);
  return guess === undefined ? `known: ${known.join(', ')}` : `did you mean '${guess}'?`;
};

export function checkFigures(file: SweepFile, metrics: readonly string[], fail: Fail): void {
  const axes = new Map(axesOf(file));
  const names = [...axes.keys()];
  const seen = new Set<string>();
  file.figures.forEach((f, i) => {
    const at = `figures[${i}]`;
    if (seen.has(f.name)) fail(`${at}.name`, `'${f.name}' names two figures`);
    seen.add(f.name);
    if (!metrics.includes(f.y))
      fail(`${at}.y`, `'${f.y}' is not a recorded metric (${suggest(f.y, metrics)})`);
    if (f.kind === 'mean' && f.x === undefined) fail(`${at}.x`, 'missing: a mean figure needs an axis on x');
    if (f.kind !== 'mean' && file.record.per !== 'user')
      fail(`${at}.kind`, `'${f.kind}' draws per-user values: set record.per: user`);
    for (const key of ['x', 'colour', 'facet'] as const) {
      const name = f[key];
      if (name !== undefined && !axes.has(name))
        fail(`${at}.${key}`, `'${name}' is not an axis (${suggest(name, names)})`);
    }
    const used = [f.x, f.colour, f.facet].filter((n) => n !== undefined);
    if (new Set(used).size !== used.length) fail(at, 'x, colour and facet must be different axes');
    for (const [name, value] of Object.entries(f.where ?? {})) {
      const values = axes.get(name);
      if (values === undefined) fail(`${at}.where.${name}`, `not an axis (${suggest(name, names)})`);
      if (!values!.includes(value))
        fail(`${at}.where.${name}`, `${JSON.stringify(value)} is not one of its values`);
    }
    // Zipped axes move together: drawing one of them draws them all.
    const zipped = file.sweep.combine === 'zip' && used.length > 0;
    for (const [name, values] of axes) {
      if (!zipped && values.length > 1 && !used.includes(name) && f.where?.[name] === undefined)
        fail(
          at,
          `axis '${name}' has ${values.length} values but is not the figure's x, colour, facet or where; its means would mix them`,
        );
    }
  });
}
