/** Tables and numbers for people, on stdout: the one table printer of every command. */

/** Six significant digits, exponent form for very large or small values, 'unbounded' for ∞. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : 'unbounded';
  const a = Math.abs(x);
  if (x !== 0 && (a >= 1e7 || a < 1e-3)) return x.toExponential(4);
  return Number(x.toPrecision(6)).toString();
}

export interface TableOptions {
  /** Columns from the left that are text and align left (names); the rest are numbers, right. */
  readonly textColumns?: number;
}

/** Aligned columns two spaces apart, a header line first; no trailing newline. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  o: TableOptions = {},
): string {
  const text = o.textColumns ?? 0;
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((s, c) => (c < text ? s.padEnd(widths[c] ?? 0) : s.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
