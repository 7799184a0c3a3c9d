/** The claims an experiment file declares under its figures, checked against the summary. */
import type { ClaimCheck } from '../report/figure.ts';
import {
  belowEverywhere,
  gainShrinks,
  highestEverywhere,
  lowestEverywhere,
  nonDecreasing,
  ratioAtMost,
  statAtMost,
  type Sweep,
} from '../report/claims.ts';
import type { Summary } from '../report/summary.ts';
import type { ClaimSpec } from './schema.ts';

export function checkClaim(c: ClaimSpec, summary: Summary): ClaimCheck {
  const over = {
    summary,
    ...(c.x === undefined ? {} : { xKey: c.x }),
    ...(c.where === undefined ? {} : { where: c.where }),
  };
  if (c.check === 'at-most')
    return statAtMost(over, typeof c.metric === 'string' ? [c.metric] : c.metric, c.stat, c.atMost, c.claim);
  const sw: Sweep = { ...over, metric: c.metric };
  switch (c.check) {
    case 'lowest':
      return lowestEverywhere(sw, c.method, c.among, c.claim);
    case 'highest':
      return highestEverywhere(sw, c.method, c.among, c.claim);
    case 'below':
      return belowEverywhere(sw, c.method, c.than, c.claim);
    case 'gain-shrinks':
      return gainShrinks(sw, c.method, c.baselines, c.claim);
    case 'ratio-at-most':
      return ratioAtMost(sw, c.method, c.than, c.atMost, c.claim);
    case 'non-decreasing':
      return nonDecreasing(sw, c.claim, c.method);
  }
}
