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
export function pathLossDb(distanceM: number, at1KmDb: number, perDecadeDb: number, minDistanceM: number): number {
  const d = Math.max(distanceM, minDistanceM);
  return at1KmDb + perDecadeDb * Math.log10(d / 1000);
}
