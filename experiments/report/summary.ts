/**
 * The summary table: rows grouped by the experiment's group columns (groups in order of first
 * appearance, which is task order, so the table is the same whatever ran where), and each metric
 * summarised over the group's rows.
 */
import type { Cell, Row } from '../experiment.ts';
import { summarize, type Stats } from './stats.ts';

export interface SummaryRow extends Stats {
  readonly group: Readonly<Record<string, Cell>>;
  readonly metric: string;
}

export type Summary = readonly SummaryRow[];

export function summarizeRows(
  rows: readonly Row[],
  groupBy: readonly string[],
  metrics: readonly string[],
): SummaryRow[] {
  const groups = new Map<string, { group: Record<string, Cell>; rows: Row[] }>();
  for (const row of rows) {
    const group = Object.fromEntries(groupBy.map((c) => [c, row[c] ?? null]));
    const key = JSON.stringify(groupBy.map((c) => group[c]));
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { group, rows: [] }));
    g.rows.push(row);
  }
  const out: SummaryRow[] = [];
  for (const { group, rows: members } of groups.values()) {
    for (const metric of metrics) {
      const values = members.map((r) => {
        const v = r[metric];
        return typeof v === 'number' ? v : null;
      });
      out.push({ group, metric, ...summarize(values) });
    }
  }
  return out;
}

/** The summary rows of one metric whose group matches every given column value. */
export function select(
  summary: Summary,
  metric: string,
  where: Readonly<Record<string, Cell>> = {},
): SummaryRow[] {
  return summary.filter(
    (s) => s.metric === metric && Object.entries(where).every(([k, v]) => s.group[k] === v),
  );
}

/** The one summary row of a metric at a group, or undefined. */
export function find(
  summary: Summary,
  metric: string,
  where: Readonly<Record<string, Cell>>,
): SummaryRow | undefined {
  return select(summary, metric, where)[0];
}

/** Distinct values of a group column, in summary order. */
export function distinct(
  summary: Summary,
  column: string,
  where: Readonly<Record<string, Cell>> = {},
): Cell[] {
  const seen: Cell[] = [];
  for (const s of summary) {
    if (!Object.entries(where).every(([k, v]) => s.group[k] === v)) continue;
    const v = s.group[column] ?? null;
    if (!seen.includes(v)) seen.push(v);
  }
  return seen;
}
