/**
 * Input checks before optimising: a scenario that no allocation can satisfy gets one clear
 * message naming the field, instead of NaN further down.
 */
import type { ModelScenario } from '../model/index.ts';

/** The scenario admits no feasible allocation (or none this algorithm can handle). */
export class InfeasibleScenarioError extends Error {
  override readonly name = 'InfeasibleScenarioError';
}

const positive = (x: number): boolean => x > 0 && Number.isFinite(x);

/**
 * Throws `InfeasibleScenarioError` for: a server without bandwidth or GPU frequency (it could not
 * meet (9e)/(9g) for any user it serves), a user with no positive power or frequency budget
 * ((9d), (9f) leave nothing), a user whose channel gain to every server is 0 (no server can
 * reach it, so (9c) cannot hold with a finite cost), or a malformed gain matrix.
 */
export function validateScenario(s: ModelScenario): void {
  const fail = (msg: string): never => {
    throw new InfeasibleScenarioError(`infeasible scenario: ${msg}`);
  };
  if (s.users.length === 0) fail('no users');
  if (s.servers.length === 0) fail('no servers: every user must be associated with one (9c)');
  s.servers.forEach((srv, m) => {
    if (!positive(srv.bandwidthHz))
      fail(
        `servers[${m}].bandwidthHz = ${srv.bandwidthHz}: must be > 0, a server without bandwidth cannot serve a user (9e)`,
      );
    if (!positive(srv.maxFreqHz))
      fail(
        `servers[${m}].maxFreqHz = ${srv.maxFreqHz}: must be > 0, a server without GPU frequency cannot serve a user (9g)`,
      );
  });
  s.users.forEach((u, n) => {
    if (!positive(u.maxPowerW) || u.maxPowerW < s.objective.minPowerW) {
      fail(
        `users[${n}].maxPowerW = ${u.maxPowerW}: must be ≥ objective.minPowerW = ${s.objective.minPowerW} W (9d)`,
      );
    }
    if (!positive(u.maxFreqHz)) fail(`users[${n}].maxFreqHz = ${u.maxFreqHz}: must be > 0 (9f)`);
    const row = s.channelGain[n];
    if (row === undefined || row.length !== s.servers.length)
      fail(`channelGain[${n}] must have one gain per server (${s.servers.length})`);
    if (!(row ?? []).some(positive))
      fail(`user ${n} can reach no server: channelGain[${n}] has no positive finite gain`);
  });
  if (!(s.noisePsdWPerHz > 0)) fail(`noisePsdWPerHz = ${s.noisePsdWPerHz}: must be > 0`);
}
