/**
 * Series a reader cannot tell apart: two series whose means agree at every plotted x draw one line
 * over the other, so the figure says so in words rather than leave one of them looking missing.
 */
import type { Cell } from '../experiment.ts';

/** Relative difference under which two means are one point on the plot (and in any table). */
export const COINCIDE_RELATIVE = 1e-9;

export interface SeriesPoint {
  readonly x: Cell;
  readonly series: Cell;
  readonly facet: Cell;
  readonly mean: number;
}

const same = (a: number, b: number): boolean =>
  a === b || Math.abs(a - b) <= COINCIDE_RELATIVE * Math.max(Math.abs(a), Math.abs(b));

/** Whether two series of one panel are plotted at the same x values with the same means there. */
function coincide(a: ReadonlyMap<Cell, number>, b: ReadonlyMap<Cell, number>): boolean {
  if (a.size !== b.size) return false;
  return [...a].every(([x, mean]) => b.has(x) && same(mean, b.get(x)!));
}

/** Per panel, the series split into groups that coincide (each group in series order). */
function groupsOfPanel(points: readonly SeriesPoint[]): Cell[][] {
  const bySeries = new Map<Cell, Map<Cell, number>>();
  for (const p of points) {
    if (!bySeries.has(p.series)) bySeries.set(p.series, new Map());
    bySeries.get(p.series)!.set(p.x, p.mean);
  }
  const groups: Cell[][] = [];
  for (const [series, means] of bySeries) {
    const group = groups.find((g) => coincide(bySeries.get(g[0]!)!, means));
    if (group === undefined) groups.push([series]);
    else group.push(series);
  }
  return groups.filter((g) => g.length > 1);
}

const names = (series: readonly Cell[]): string => {
  const all = series.map(String);
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]!}`;
};

/**
 * "ao and proposed coincide (within 1e-9) in every panel" for each group of series that coincide,
 * naming the panels unless it is all of them; undefined when no two series coincide.
 */
export function coincideNote(points: readonly SeriesPoint[], facetTitle: string): string | undefined {
  const facets = [...new Set(points.map((p) => p.facet))];
  const panelsOf = new Map<string, Cell[]>();
  for (const facet of facets) {
    for (const group of groupsOfPanel(points.filter((p) => p.facet === facet))) {
      const key = names(group);
      panelsOf.set(key, [...(panelsOf.get(key) ?? []), facet]);
    }
  }
  if (panelsOf.size === 0) return undefined;
  const where = (panels: readonly Cell[]): string => {
    if (facets.length === 1) return '';
    if (panels.length === facets.length) return ' in every panel';
    const label = facetTitle === '' ? '' : `${facetTitle} `;
    return ` in ${label}${panels.map(String).join(', ')}`;
  };
  return [...panelsOf]
    .map(([group, panels]) => `${group} coincide (within ${COINCIDE_RELATIVE})${where(panels)}`)
    .join('; ');
}
