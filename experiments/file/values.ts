/**
 * The values of a sweep axis: a list, or `range` (from, from + step, … up to and including `to`),
 * `linspace` (count values evenly spaced, both ends included) or `logspace` (count values evenly
 * spaced in log10, both ends included). Computed from the endpoints each time (not summed), so
 * `range {from: 0, to: 1, step: 0.1}` ends at exactly 1 and no value drifts.
 */
import type { Axis } from './schema.ts';

export type AxisValue = number | string | boolean;

/** Thrown with the part of the axis that is wrong (`values`, `range.step`, …) and why. */
export class AxisValuesError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_VALUES = 1_000_000;

/** 15 significant digits: 0.1 · 3 is 0.3, not 0.30000000000000004. */
const clean = (x: number): number => Number(x.toPrecision(15));

function rangeValues(from: number, to: number, step: number): number[] {
  if (step === 0) throw new AxisValuesError('range.step', 'must not be 0');
  if ((to - from) / step < 0)
    throw new AxisValuesError('range.step', `goes away from 'to' (${from} to ${to} with step ${step})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_VALUES) throw new AxisValuesError('range', `has ${count} values; at most ${MAX_VALUES}`);
  return Array.from({ length: count }, (_, i) => clean(from + i * step));
}

function linspace(from: number, to: number, count: number): number[] {
  if (count === 1) return [from];
  return Array.from({ length: count }, (_, i) =>
    i === count - 1 ? to : clean(from + ((to - from) * i) / (count - 1)),
  );
}

function logspace(from: number, to: number, count: number): number[] {
  if (!(from > 0 && to > 0))
    throw new AxisValuesError('logspace', `needs from and to above 0, got ${from} and ${to}`);
  const [a, b] = [Math.log10(from), Math.log10(to)];
  return linspace(a, b, count).map((e, i) => (i === 0 ? from : i === count - 1 ? to : clean(10 ** e)));
}

/** The axis's values, in order; exactly one of values, range, linspace, logspace must be given. */
export function axisValues(axis: Axis): AxisValue[] {
  const given = (['values', 'range', 'linspace', 'logspace'] as const).filter((k) => axis[k] !== undefined);
  if (given.length !== 1) {
    throw new AxisValuesError(
      given[1] ?? 'values',
      given.length === 0
        ? 'missing; give values: [...], range: {from, to, step}, linspace: {from, to, count} or logspace: {from, to, count}'
        : `give one of values, range, linspace, logspace, not both ${given[0]} and ${given[1]}`,
    );
  }
  let values: AxisValue[];
  if (axis.values !== undefined) values = axis.values;
  else if (axis.range !== undefined)
    values = rangeValues(axis.range.from, axis.range.to, axis.range.step ?? 1);
  else if (axis.linspace !== undefined)
    values = linspace(axis.linspace.from, axis.linspace.to, axis.linspace.count);
  else values = logspace(axis.logspace!.from, axis.logspace!.to, axis.logspace!.count);
  if (values.length === 0) throw new AxisValuesError(given[0]!, 'is empty: an axis needs at least one value');
  return values;
}
