/**
 * Quantitative axes every figure shares: when a scale is logarithmic (values spanning more than two
 * decades, unless the figure says), and its ticks — one at every power of ten the values span, so a
 * reader can read magnitudes off any log axis, including the symmetric-log ones that show a zero.
 */

/** A figure's log setting: always, never, or when its values span more than two decades. */
export type LogSetting = boolean | 'auto';

/** Powers of ten between the values' extremes are decades; more than two of them span. */
const SPAN = 100;

/** More than two decades between the smallest and largest positive value; zeros are drawn at 0 of a
 *  symmetric-log axis, but a negative value (a signed error) keeps the axis linear. */
export function spansDecades(values: readonly number[]): boolean {
  const finite = values.filter(Number.isFinite);
  if (finite.some((v) => v < 0)) return false;
  const positive = finite.filter((v) => v > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) > SPAN;
}

export const wantsLog = (setting: LogSetting, values: readonly number[]): boolean =>
  setting === 'auto' ? spansDecades(values) : setting;

/** 10^k parsed from its decimal form, so it is the double nearest the decade (10 ** -k is not). */
const decade = (k: number): number => Number(`1e${k}`);

/** The exponent of the largest decade at or below v > 0 (log10 alone may be off by one ulp). */
function exponentBelow(v: number): number {
  let k = Math.floor(Math.log10(v));
  if (decade(k) > v) k -= 1;
  if (decade(k + 1) <= v) k += 1;
  return k;
}

/** Decades from the one at or below the smallest magnitude to the one at or above the largest. */
function decadesSpanning(magnitudes: readonly number[]): number[] {
  if (magnitudes.length === 0) return [];
  const low = exponentBelow(Math.min(...magnitudes));
  const max = Math.max(...magnitudes);
  const below = exponentBelow(max);
  const high = decade(below) === max ? below : below + 1;
  return Array.from({ length: high - low + 1 }, (_, i) => decade(low + i));
}

/**
 * Tick values of a log axis over the values: every decade they span, negated decades for negative
 * values and 0 between them when any value is not positive (a symmetric-log axis). Ticks outside a
 * panel's domain are not drawn, so one list serves every panel of a faceted figure.
 */
export function decadeTicks(values: readonly number[]): number[] {
  const finite = values.filter(Number.isFinite);
  const negative = decadesSpanning(finite.filter((v) => v < 0).map((v) => -v));
  const positive = decadesSpanning(finite.filter((v) => v > 0));
  const zero = finite.some((v) => v <= 0) ? [0] : [];
  return [...negative.reverse().map((v) => -v), ...zero, ...positive];
}

/** `1e6`, `1e-16`, `0`: one label form on every log axis, short at any magnitude. */
const DECADE_LABEL = "datum.value === 0 ? '0' : replace(format(datum.value, '.0e'), '+', '')";

export interface QuantitativeScale {
  readonly scale: Record<string, unknown>;
  readonly axis?: Record<string, unknown>;
}

/**
 * The scale and axis of a quantitative channel over these values: linear (not forced to include
 * zero), or log with decade ticks — symmetric log when a value is not positive, since a log axis
 * cannot place a zero (local-only's edge energy) or an interval reaching below it. The symmetric
 * log is linear within its constant of zero: the constant at the smallest positive value's decade
 * puts 0 next to the lowest decade instead of below many empty ones (the default constant is 1).
 */
export function quantitativeScale(values: readonly number[], log: boolean): QuantitativeScale {
  if (!log) return { scale: { zero: false } };
  const finite = values.filter(Number.isFinite);
  const positive = finite.filter((v) => v > 0);
  // A tick and grid line at every decade; labels that would overlap (17 decades of round-off on
  // 200 px) are thinned, never the ticks.
  const axis = {
    values: decadeTicks(finite),
    labelExpr: DECADE_LABEL,
    labelOverlap: 'greedy',
    labelSeparation: 2,
  };
  if (positive.length === finite.length) return { scale: { type: 'log' }, axis };
  const constant = positive.length === 0 ? 1 : decade(exponentBelow(Math.min(...positive)));
  return { scale: { type: 'symlog', constant }, axis };
}
