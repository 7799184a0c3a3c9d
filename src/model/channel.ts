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

/** The paper's log-distance law (`pathLoss` in the file, the default). */
export interface LogDistanceLaw {
  readonly at1KmDb: number;
  readonly perDecadeDb: number;
  readonly minDistanceM: number;
}

/**
 * **[mecsim]** 3GPP TR 38.901 Table 7.4.1-1 (as implemented in ns-3's
 * `three-gpp-propagation-loss-model.cc`): urban micro street canyon (`umi`) or urban macro (`uma`),
 * line of sight or not, at a carrier frequency and antenna heights. No shadow fading (the paper's
 * channel is deterministic; `simulate --fading` adds small-scale fading on top).
 */
export interface Tr38901Law {
  readonly model: 'umi' | 'uma';
  readonly los: boolean;
  readonly carrierHz: number;
  readonly bsHeightM: number;
  readonly utHeightM: number;
  /** 2-D distances below this are clamped to it (the formulas hold from 10 m). */
  readonly minDistanceM: number;
}

/** The path-loss law of a scenario (`pathLoss` in the file). */
export type PathLossLaw = LogDistanceLaw | Tr38901Law;

const SPEED_OF_LIGHT_M_PER_S = 299_792_458;

/** TR 38.901's loss in dB at a 2-D distance (clamped at `minDistanceM`). */
export function tr38901LossDb(distance2dM: number, law: Tr38901Law): number {
  const d2d = Math.max(distance2dM, law.minDistanceM);
  const dh = law.bsHeightM - law.utHeightM;
  const d3d = Math.hypot(d2d, dh);
  const fcGHz = law.carrierHz / 1e9;
  // Breakpoint d'BP = 4·h'BS·h'UT·fc/c with effective heights h' = h − 1 m (UMa: hE = 1 m for
  // hUT < 13 m, where TR 38.901's C(d2D, hUT) is 0).
  const breakpointM =
    (4 * (law.bsHeightM - 1) * (law.utHeightM - 1) * law.carrierHz) / SPEED_OF_LIGHT_M_PER_S;
  const umi = law.model === 'umi';
  const los =
    d2d <= breakpointM
      ? (umi ? 32.4 : 28.0) + (umi ? 21 : 22) * Math.log10(d3d) + 20 * Math.log10(fcGHz)
      : (umi ? 32.4 : 28.0) +
        40 * Math.log10(d3d) +
        20 * Math.log10(fcGHz) -
        (umi ? 9.5 : 9) * Math.log10(breakpointM * breakpointM + dh * dh);
  if (law.los) return los;
  const nlos = umi
    ? 22.4 + 35.3 * Math.log10(d3d) + 21.3 * Math.log10(fcGHz) - 0.3 * (law.utHeightM - 1.5)
    : 13.54 + 39.08 * Math.log10(d3d) + 20 * Math.log10(fcGHz) - 0.6 * (law.utHeightM - 1.5);
  return Math.max(los, nlos);
}

/** The loss of either law at a distance, in dB. */
export function lawLossDb(distanceM: number, law: PathLossLaw): number {
  if ('model' in law) return tr38901LossDb(distanceM, law);
  return pathLossDb(distanceM, law.at1KmDb, law.perDecadeDb, law.minDistanceM);
}

/** The linear power gain the law leaves at a distance (no fading: MODEL.md §1). */
export function pathGainAtDistance(distanceM: number, law: PathLossLaw): number {
  return lossDbToGain(lawLossDb(distanceM, law));
}

/** The same between two points of the plane (a user and a server), in metres. */
export function pathGainBetween(
  a: { readonly xM: number; readonly yM: number },
  b: { readonly xM: number; readonly yM: number },
  law: PathLossLaw,
): number {
  return pathGainAtDistance(Math.hypot(a.xM - b.xM, a.yM - b.yM), law);
}
