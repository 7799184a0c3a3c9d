/**
 * Path loss and unit conversions at the boundary (paper §5, MODEL.md §1).
 */

/** Power in dBm to watts. */
export function dbmToW(dbm: number): number {
  return 10 ** ((dbm - 30) / 10);
}

/** A noise density in dBm/Hz to W/Hz (−134 dBm/Hz → 3.98e-17 W/Hz). */
export function dbmPerHzToWPerHz(dbmPerHz: number): number {
  return dbmToW(dbmPerHz);
}

/** A loss in dB to the linear power gain it leaves, 10^(−dB/10). */
export function lossDbToGain(lossDb: number): number {
  return 10 ** (-lossDb / 10);
}

/**
 * The paper's path loss, `at1KmDb + perDecadeDb·log10(d / 1 km)` dB (128.1 + 37.6·log10 d_km).
 * **[mecsim]** distances below `minDistanceM` are clamped to it (10 m by default), since the law
 * is not meant for a user standing on the server.
 */
export function pathLossDb(
  distanceM: number,
  at1KmDb: number,
  perDecadeDb: number,
  minDistanceM: number,
): number {
  const d = Math.max(distanceM, minDistanceM);
  return at1KmDb + perDecadeDb * Math.log10(d / 1000);
}

/** The path-loss law of a scenario (`pathLoss` in the file). */
export interface PathLossLaw {
  readonly at1KmDb: number;
  readonly perDecadeDb: number;
  readonly minDistanceM: number;
}

/** The linear power gain the law leaves at a distance (no fading: MODEL.md §1). */
export function pathGainAtDistance(distanceM: number, law: PathLossLaw): number {
  return lossDbToGain(pathLossDb(distanceM, law.at1KmDb, law.perDecadeDb, law.minDistanceM));
}

/** The same between two points of the plane (a user and a server), in metres. */
export function pathGainBetween(
  a: { readonly xM: number; readonly yM: number },
  b: { readonly xM: number; readonly yM: number },
  law: PathLossLaw,
): number {
  return pathGainAtDistance(Math.hypot(a.xM - b.xM, a.yM - b.yM), law);
}
