/**
 * Pivot tables of the summary for reports: one line per x value, one column per series, each
 * cell "mean ± ci95".
 */
import type { Cell } from '../experiment.ts';
import { distinct, find, type Summary } from './summary.ts';
import { formatNumber } from './tables.ts';

export function meanCi(mean: number | null, ci95: number | null): string {
  if (mean === null) return '–';
  return ci95 === null ? formatNumber(mean) : `${formatNumber(mean)} ± ${formatNumber(ci95)}`;
}

export interface PivotOptions {
  readonly metric: string;
  readonly rowKey: string;
  readonly columnKey: string;
  /** Filter applied to every cell (e.g. a preset). */
  readonly where?: Readonly<Record<string, Cell>>;
  /** Extra leading columns (name → value for the line), e.g. the preset. */
  readonly lead?: Readonly<Record<string, Cell>>;
}

export function pivot(summary: Summary, o: PivotOptions): { header: string[]; body: string[][] } {
  const where = o.where ?? {};
  const lead = Object.entries(o.lead ?? {});
  const rows = distinct(summary, o.rowKey, where);
  const columns = distinct(summary, o.columnKey, where);
  const header = [...lead.map(([k]) => k), o.rowKey, ...columns.map(String)];
  const body = rows.map((r) => [
    ...lead.map(([, v]) => String(v)),
    String(r),
    ...columns.map((c) => {
      const s = find(summary, o.metric, { ...where, [o.rowKey]: r, [o.columnKey]: c });
      return s === undefined ? '' : meanCi(s.mean, s.ci95);
    }),
  ]);
  return { header, body };
}

/** Several pivots (e.g. one per preset) stacked into one table with the same header. */
export function stack(tables: readonly { header: string[]; body: string[][] }[]): {
  header: string[];
  body: string[][];
} {
  return { header: tables[0]?.header ?? [], body: tables.flatMap((t) => t.body) };
}
