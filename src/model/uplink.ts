/**
 * The FDMA uplink (paper §3.1, eq. (3)): no interference, and the noise power grows with the
 * bandwidth, σ²·b, where σ² is a power spectral density.
 */

/**
 * r_{n,m} = b·log2(1 + g·p / (σ²·b)).
 *
 * @param bandwidthHz b_{n,m} ≥ 0; the rate tends to 0 as b → 0, and 0 is returned for b = 0
 * @param gain g_{n,m}, linear power gain
 * @param powerW p_n
 * @param noisePsdWPerHz σ²
 * @returns bit/s
 */
export function uplinkRateBps(bandwidthHz: number, gain: number, powerW: number, noisePsdWPerHz: number): number {
  if (bandwidthHz === 0) return 0;
  // log1p keeps precision at low SNR, where g·p/(σ²·b) ≪ 1 (far users, wide bands).
  return (bandwidthHz * Math.log1p((gain * powerW) / (noisePsdWPerHz * bandwidthHz))) / Math.LN2;
}

/** T_n^up = s_n / r_{n,m}; 0 when nothing is sent, whatever the rate. */
export function uplinkDelayS(bits: number, rateBps: number): number {
  return bits === 0 ? 0 : bits / rateBps;
}

/** Eq. (3): E_n^up = p_n·s_n / r_{n,m}. */
export function uplinkEnergyJ(bits: number, rateBps: number, powerW: number): number {
  return bits === 0 ? 0 : (powerW * bits) / rateBps;
}
