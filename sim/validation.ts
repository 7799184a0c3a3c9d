/**
 * Analytic vs simulated: per user and in total, the relative error of the simulated per-step mean
 * delay and energy against the closed form of MODEL.md §3. In static mode with dedicated shares
 * the two agree to round-off; fading, mobility, processor sharing and epochs show where the
 * closed form stops describing the system.
 */
import type { Metrics } from '../src/model/index.ts';
import type { SimMetrics } from './metrics.ts';

export interface Comparison {
  analytic: number;
  simulated: number;
  /** (simulated − analytic) / analytic; NaN when no step completed. */
  relError: number;
}

export interface UserComparison {
  user: number;
  steps: number;
  delayS: Comparison;
  energyJ: Comparison;
}

export interface ValidationReport {
  perUser: UserComparison[];
  totalDelayS: Comparison;
  totalEnergyJ: Comparison;
  /** Largest |relError| over users' delay and energy. */
  maxAbsRelError: number;
}

function compare(analytic: number, simulated: number): Comparison {
  const relError = analytic === 0 ? (simulated === 0 ? 0 : Infinity) : (simulated - analytic) / analytic;
  return { analytic, simulated, relError };
}

export function compareWithAnalytic(analytic: Metrics, simulated: SimMetrics): ValidationReport {
  const perUser = simulated.perUser.map((u, n): UserComparison => ({
    user: n,
    steps: u.steps,
    delayS: compare(analytic.perUser[n]!.delayS, u.delayS),
    energyJ: compare(analytic.perUser[n]!.energyJ, u.energyJ),
  }));
  let maxAbsRelError = 0;
  for (const u of perUser)
    maxAbsRelError = Math.max(maxAbsRelError, Math.abs(u.delayS.relError), Math.abs(u.energyJ.relError));
  return {
    perUser,
    totalDelayS: compare(analytic.totalDelayS, simulated.totalDelayS),
    totalEnergyJ: compare(analytic.totalEnergyJ, simulated.totalEnergyJ),
    maxAbsRelError: Number.isNaN(maxAbsRelError) ? NaN : maxAbsRelError,
  };
}
