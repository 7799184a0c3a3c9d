/**
 * Stable JSON text for the files mecsim writes: fixed key order (the schema's), two-space indent,
 * a final newline, so the same input gives byte-identical files. JSON has no Infinity or NaN:
 * **[mecsim]** an unbounded value (local-only stability, and the objective it makes infinite) is
 * written as `null`, next to `stabilityBounded: false`.
 */
import type { Metrics, UserMetrics } from '../model/types.ts';
import { withNormalizationRecord } from './normalization.ts';
import { ScenarioSchema, SolutionSchema, type Scenario, type Solution } from './schema.ts';

/** JSON has no Infinity or NaN: an unbounded or undefined value is written as null. */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** One user's metrics in JSON form. */
export interface UserMetricsJson {
  delayS: number | null;
  localDelayS: number | null;
  uplinkDelayS: number | null;
  edgeDelayS: number | null;
  energyJ: number | null;
  localEnergyJ: number | null;
  uplinkEnergyJ: number | null;
  edgeEnergyJ: number | null;
  stability: number | null;
}

/** The metrics contract in JSON form: every non-finite number becomes null. */
export interface MetricsJson {
  objective: number | null;
  totalDelayS: number | null;
  meanDelayS: number | null;
  totalEnergyJ: number | null;
  stability: number | null;
  stabilityBounded: boolean;
  uplinkDelayCounted: boolean;
  terms: { delay: number | null; energy: number | null; stability: number | null };
  perUser: UserMetricsJson[];
}

function userToJson(u: UserMetrics): UserMetricsJson {
  return {
    delayS: finiteOrNull(u.delayS),
    localDelayS: finiteOrNull(u.localDelayS),
    uplinkDelayS: finiteOrNull(u.uplinkDelayS),
    edgeDelayS: finiteOrNull(u.edgeDelayS),
    energyJ: finiteOrNull(u.energyJ),
    localEnergyJ: finiteOrNull(u.localEnergyJ),
    uplinkEnergyJ: finiteOrNull(u.uplinkEnergyJ),
    edgeEnergyJ: finiteOrNull(u.edgeEnergyJ),
    stability: finiteOrNull(u.stability),
  };
}

/** Metrics with Infinity/NaN replaced by null, keys in the contract's order. */
export function metricsToJson(m: Metrics): MetricsJson {
  return {
    objective: finiteOrNull(m.objective),
    totalDelayS: finiteOrNull(m.totalDelayS),
    meanDelayS: finiteOrNull(m.meanDelayS),
    totalEnergyJ: finiteOrNull(m.totalEnergyJ),
    stability: finiteOrNull(m.stability),
    stabilityBounded: m.stabilityBounded,
    uplinkDelayCounted: m.uplinkDelayCounted,
    terms: {
      delay: finiteOrNull(m.terms.delay),
      energy: finiteOrNull(m.terms.energy),
      stability: finiteOrNull(m.terms.stability),
    },
    perUser: m.perUser.map(userToJson),
  };
}

/** JSON text of any value, the house way: two-space indent and a final newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * A scenario file's text; re-validated, which also fixes the key order, and with the record of
 * what its normalisation was computed from (`normalization.from`).
 */
export function formatScenario(s: Scenario): string {
  return toJsonText(withNormalizationRecord(ScenarioSchema.parse(s)));
}

/** A solution file's text, with the metrics of the solution if given. */
export function formatSolution(s: Solution, metrics?: Metrics): string {
  const parsed = SolutionSchema.parse(s);
  const { metrics: _old, ...rest } = parsed;
  return toJsonText(metrics === undefined ? rest : { ...rest, metrics: metricsToJson(metrics) });
}
