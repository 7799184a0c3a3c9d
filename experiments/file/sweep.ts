/**
 * The sweep points of an experiment file: its axes combined as a grid (every combination, the
 * first axis outermost, so rows read like nested loops) or zipped (the i-th value of every axis
 * together; the axes must have equal lengths). In a grid, `together` groups zip some axes: the
 * group is one dimension of the grid, in the place of its first axis. Points are counted before
 * they are made, so a sweep of 10^9 points is refused without building it. The `within` axes are
 * looped inside each task: the tasks are the points of the other axes, and each task runs the
 * points of the within axes in grid order.
 */
import type { Cell } from '../experiment.ts';
import type { SweepFile } from './schema.ts';
import { axisValues, type AxisValue } from './values.ts';

export type Point = Readonly<Record<string, Cell>>;

/** Each axis name with its values, in file order. */
export function axesOf(file: SweepFile): [string, AxisValue[]][] {
  return Object.entries(file.sweep.axes).map(([name, axis]) => [name, axisValues(axis)]);
}

/** Axes that move together, zipped: the i-th value of each (the shortest's length). */
function zipped(axes: readonly [string, AxisValue[]][]): Point[] {
  const n = Math.min(...axes.map(([, v]) => v.length));
  return Array.from({ length: n }, (_, i) => Object.fromEntries(axes.map(([name, v]) => [name, v[i]!])));
}

/** The dimensions of the sweep: one for a zip, else one per axis or `together` group. */
function dimensions(file: SweepFile): [string, AxisValue[]][][] {
  const axes = axesOf(file);
  if (file.sweep.combine === 'zip') return [axes];
  const groups = file.sweep.together ?? [];
  const dims: [string, AxisValue[]][][] = [];
  for (const axis of axes) {
    const group = groups.find((g) => g.includes(axis[0]));
    if (group === undefined) dims.push([axis]);
    else if (group[0] === axis[0]) dims.push(axes.filter(([name]) => group.includes(name)));
  }
  return dims;
}

/**
 * The first value (or zipped tuple) a dimension of the sweep takes twice — two points that would
 * be the same — with the axes it is of; undefined when every point is distinct.
 */
export function repeatedValue(file: SweepFile): { axes: string[]; value: string } | undefined {
  for (const dim of dimensions(file)) {
    const seen = new Set<string>();
    for (const p of zipped(dim)) {
      const key = JSON.stringify(dim.length === 1 ? p[dim[0]![0]] : Object.values(p));
      if (seen.has(key)) return { axes: dim.map(([name]) => name), value: key };
      seen.add(key);
    }
  }
  return undefined;
}

/** The number of points (unequal zipped axes are the loader's error; here, the shortest). */
export function pointCount(file: SweepFile): number {
  return dimensions(file).reduce((n, dim) => n * Math.min(...dim.map(([, v]) => v.length)), 1);
}

/** Every combination of the dimensions' values, the first outermost. */
function combined(dims: readonly [string, AxisValue[]][][]): Point[] {
  let points: Point[] = [{}];
  for (const dim of dims) {
    const values = zipped(dim);
    points = points.flatMap((p) => values.map((v) => ({ ...p, ...v })));
  }
  return points;
}

/** Whether a dimension is looped inside the tasks (the loader keeps a together group whole). */
const isWithin = (file: SweepFile, dim: readonly [string, AxisValue[]][]): boolean =>
  file.sweep.within?.includes(dim[0]![0]) ?? false;

/** Every point of the sweep, within axes included. */
export function sweepPoints(file: SweepFile): Point[] {
  return combined(dimensions(file));
}

/** The points of the tasks: the sweep without its within axes. */
export function taskPoints(file: SweepFile): Point[] {
  return combined(dimensions(file).filter((dim) => !isWithin(file, dim)));
}

/** The points each task loops over: the within axes only ([{}] without any). */
export function withinPoints(file: SweepFile): Point[] {
  return combined(dimensions(file).filter((dim) => isWithin(file, dim)));
}
