/** Human-readable metrics: a summary and one row per user, for stdout. */
import type { Allocation, Metrics } from '../model/types.ts';

/** Six significant digits, exponent form for very large or small values, 'unbounded' for ∞. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : 'unbounded';
  const a = Math.abs(x);
  if (x !== 0 && (a >= 1e7 || a < 1e-3)) return x.toExponential(4);
  return Number(x.toPrecision(6)).toString();
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((s, c) => s.padStart(widths[c] ?? 0)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** The summary lines and the per-user table. */
export function formatMetricsTable(m: Metrics, alloc: Allocation): string {
  const f = formatNumber;
  const summary = [
    `objective        ${f(m.objective)}  (delay ${f(m.terms.delay)} + energy ${f(m.terms.energy)} + stability ${f(m.terms.stability)}; `
      + `uplink delay ${m.uplinkDelayCounted ? 'counted' : 'not counted, as in the paper'})`,
    `total delay      ${f(m.totalDelayS)} s  (mean ${f(m.meanDelayS)} s per user)`,
    `total energy     ${f(m.totalEnergyJ)} J`,
    `stability Σ AS   ${f(m.stability)}${m.stabilityBounded ? '' : '  (some user trains every layer locally)'}`,
  ];
  const header = ['user', 'server', 'layers', 'delay s', 'local s', 'uplink s', 'edge s', 'energy J', 'local J', 'uplink J', 'edge J', 'AS'];
  const rows = m.perUser.map((u, n) => [
    String(n), String(alloc.association[n]), String(alloc.localLayers[n]),
    f(u.delayS), f(u.localDelayS), f(u.uplinkDelayS), f(u.edgeDelayS),
    f(u.energyJ), f(u.localEnergyJ), f(u.uplinkEnergyJ), f(u.edgeEnergyJ), f(u.stability),
  ]);
  return `${summary.join('\n')}\n\n${table(header, rows)}\n`;
}
