/**
 * The sweep points of an experiment file: its axes combined as a grid (every combination, the
 * first axis outermost, so rows read like nested loops) or zipped (the i-th value of every axis
 * together; the axes must have equal lengths). Points are counted before they are made, so a
 * sweep of 10^9 points is refused without building it.
 */
import type { Cell } from '../experiment.ts';
import type { SweepFile } from './schema.ts';
import { axisValues, type AxisValue } from './values.ts';

export type Point = Readonly<Record<string, Cell>>;

/** Each axis name with its values, in file order. */
export function axesOf(file: SweepFile): [string, AxisValue[]][] {
  return Object.entries(file.sweep.axes).map(([name, axis]) => [name, axisValues(axis)]);
}

/** The number of points (a zip of unequal axes is the loader's error; here it is the shortest). */
export function pointCount(file: SweepFile): number {
  const lengths = axesOf(file).map(([, v]) => v.length);
  if (lengths.length === 0) return 1;
  return file.sweep.combine === 'zip' ? Math.min(...lengths) : lengths.reduce((a, b) => a * b, 1);
}

export function sweepPoints(file: SweepFile): Point[] {
  const axes = axesOf(file);
  if (file.sweep.combine === 'zip') {
    const n = Math.min(...axes.map(([, v]) => v.length));
    return Array.from({ length: n }, (_, i) => Object.fromEntries(axes.map(([name, v]) => [name, v[i]!])));
  }
  let points: Record<string, Cell>[] = [{}];
  for (const [name, values] of axes) points = points.flatMap((p) => values.map((v) => ({ ...p, [name]: v })));
  return points;
}
