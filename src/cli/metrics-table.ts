/** Human-readable metrics: a summary and one row per user, for stdout. */
import type { Allocation, Metrics } from '../model/types.ts';
import { formatNumber, formatTable } from './table.ts';

/** The summary lines and the per-user table. */
export function formatMetricsTable(m: Metrics, alloc: Allocation): string {
  const f = formatNumber;
  const summary = [
    `objective        ${f(m.objective)}  (delay ${f(m.terms.delay)} + energy ${f(m.terms.energy)} + stability ${f(m.terms.stability)}; ` +
      `uplink delay ${m.uplinkDelayCounted ? 'counted' : 'not counted, as in the paper'})`,
    `total delay      ${f(m.totalDelayS)} s  (mean ${f(m.meanDelayS)} s per user)`,
    `total energy     ${f(m.totalEnergyJ)} J`,
    `stability Σ AS   ${f(m.stability)}${m.stabilityBounded ? '' : '  (some user trains every layer locally)'}`,
  ];
  const header = [
    'user',
    'server',
    'layers',
    'delay s',
    'local s',
    'uplink s',
    'edge s',
    'energy J',
    'local J',
    'uplink J',
    'edge J',
    'AS',
  ];
  const rows = m.perUser.map((u, n) => [
    String(n),
    String(alloc.association[n]),
    String(alloc.localLayers[n]),
    f(u.delayS),
    f(u.localDelayS),
    f(u.uplinkDelayS),
    f(u.edgeDelayS),
    f(u.energyJ),
    f(u.localEnergyJ),
    f(u.uplinkEnergyJ),
    f(u.edgeEnergyJ),
    f(u.stability),
  ]);
  return `${summary.join('\n')}\n\n${formatTable(header, rows)}\n`;
}
