/**
 * Text forms of rows and summaries. Numbers are written with JavaScript's shortest round-trip
 * form (String(x)), the same in every process, so outputs compare byte for byte.
 */
import type { Cell, Row } from '../experiment.ts';
import type { Summary } from './summary.ts';

function csvCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}

/** One JSON object per line, keys in column order. */
export function toJsonl(columns: readonly string[], rows: readonly Row[]): string {
  return rows
    .map((row) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))}\n`)
    .join('');
}

const STAT_COLUMNS = ['n', 'omitted', 'mean', 'ci95', 'sd', 'min', 'median', 'p95', 'max'] as const;

/** The summary as flat rows: the group columns, `metric`, then the statistics. */
export function summaryRows(
  summary: Summary,
  groupBy: readonly string[],
): { columns: string[]; rows: Row[] } {
  const columns = [...groupBy, 'metric', ...STAT_COLUMNS];
  const rows = summary.map((s): Row => ({
    ...s.group,
    metric: s.metric,
    ...Object.fromEntries(STAT_COLUMNS.map((k) => [k, s[k]])),
  }));
  return { columns, rows };
}

/** A number for people: 4 significant digits, exponent form outside [1e-3, 1e6). */
export function formatNumber(x: number | null): string {
  if (x === null) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

/** A GitHub Markdown table. */
export function markdownTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}
