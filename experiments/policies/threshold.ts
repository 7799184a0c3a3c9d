/**
 * An example of a user's policy module (`mecsim simulate s.json --policy
 * experiments/policies/threshold.ts`), the same rule as the Python agent `threshold_agent.py`:
 * each user joins its highest-gain server, and later moves only when another server's gain
 * exceeds its current one by the factor `HYSTERESIS` (a threshold that avoids handovers on every
 * fading dip); every server splits its bandwidth and GPU frequency equally among its users that
 * send; power and user frequency at their maximum; the split stays at one local layer. After the
 * first decision it answers with a partial update (association and the two shares only).
 */
import type { AllocationUpdate, Decision, Observation, Policy } from '../../sim/policy.ts';

/** Move to another server only when its gain is this many times the current server's. */
export const HYSTERESIS = 2;

export function thresholdDecision(o: Observation): Decision {
  const { scenario, allocation } = o;
  const gains = scenario.channelGain;
  const layers = scenario.llm.layers;
  const association = scenario.users.map((_, n) => {
    const row = gains[n]!;
    let best = 0;
    for (let m = 1; m < row.length; m++) if (row[m]! > row[best]!) best = m;
    const current = allocation?.association[n];
    return current === undefined || row[best]! > HYSTERESIS * row[current]! ? best : current;
  });
  const localLayers = allocation?.localLayers ?? scenario.users.map(() => 1);
  const senders = scenario.servers.map(() => 0);
  association.forEach((m, n) => {
    if (localLayers[n]! < layers) senders[m]! += 1;
  });
  const share = (n: number, budget: (m: number) => number): number => {
    const m = association[n]!;
    return localLayers[n]! < layers ? budget(m) / senders[m]! : 0;
  };
  const shares: AllocationUpdate = {
    association,
    bandwidthHz: association.map((_, n) => share(n, (m) => scenario.servers[m]!.bandwidthHz)),
    edgeFreqHz: association.map((_, n) => share(n, (m) => scenario.servers[m]!.maxFreqHz)),
  };
  if (allocation !== null) return shares;
  return {
    ...shares,
    localLayers,
    powerW: scenario.users.map((u) => u.maxPowerW),
    userFreqHz: scenario.users.map((u) => u.maxFreqHz),
  };
}

const threshold: Policy = { name: 'threshold', decide: thresholdDecision };
export default threshold;
