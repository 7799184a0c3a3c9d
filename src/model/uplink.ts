/**
 * The FDMA uplink (paper §3.1, eq. (3)): no interference, and the noise power grows with the
 * bandwidth, σ²·b, where σ² is a power spectral density. The rate is written once
 * (`rateFromLn1pBps`); the functions below are the forms its callers need: the model's (gain and
 * noise apart), the optimizer's (g/σ² precomputed) and the optimizer's with the derivatives its
 * first-order conditions use.
 */

/** b·log2(1 + x) from ln(1 + x): the Shannon rate, the one place it is written. */
function rateFromLn1pBps(bandwidthHz: number, ln1pSnr: number): number {
  return (bandwidthHz * ln1pSnr) / Math.LN2;
}

/**
 * r_{n,m} = b·log2(1 + g·p / (σ²·b)).
 *
 * @param bandwidthHz b_{n,m} ≥ 0; the rate tends to 0 as b → 0, and 0 is returned for b = 0
 * @param gain g_{n,m}, linear power gain
 * @param powerW p_n
 * @param noisePsdWPerHz σ²
 * @returns bit/s
 */
export function uplinkRateBps(
  bandwidthHz: number,
  gain: number,
  powerW: number,
  noisePsdWPerHz: number,
): number {
  if (bandwidthHz === 0) return 0;
  // log1p keeps precision at low SNR, where g·p/(σ²·b) ≪ 1 (far users, wide bands).
  return rateFromLn1pBps(bandwidthHz, Math.log1p((gain * powerW) / (noisePsdWPerHz * bandwidthHz)));
}

/**
 * The same rate with k = g/σ² (1/W) precomputed, as the optimizer stores it:
 * b·log2(1 + k·p/b); 0 for b ≤ 0.
 */
export function uplinkRateAtSnrPerWBps(snrPerW: number, powerW: number, bandwidthHz: number): number {
  if (bandwidthHz <= 0) return 0;
  return rateFromLn1pBps(bandwidthHz, Math.log1p((snrPerW * powerW) / bandwidthHz));
}

/** The rate r, its partial derivatives ∂r/∂p, ∂r/∂b and its second derivatives at one (p, b). */
export interface RateTerms {
  rate: number;
  dp: number;
  db: number;
  dpp: number;
  dbb: number;
  dpb: number;
}

/** A reusable scratch record for `uplinkRateTerms`. */
export function newRateTerms(): RateTerms {
  return { rate: 0, dp: 0, db: 0, dpp: 0, dbb: 0, dpb: 0 };
}

/**
 * r = b·log2(1 + x) with x = k·p/b (k = g/σ²), its gradient and curvatures, written into `out`
 * (b > 0). ∂r/∂p = k/((1 + x)·ln 2), ∂r/∂b = (ln(1 + x) − x/(1 + x))/ln 2,
 * ∂²r/∂p² = −k²/(b·(1 + x)²·ln 2), ∂²r/∂b² = −x²/(b·(1 + x)²·ln 2) (both < 0: r is concave in
 * each) and ∂²r/∂p∂b = k·x/(b·(1 + x)²·ln 2).
 */
export function uplinkRateTerms(
  snrPerW: number,
  powerW: number,
  bandwidthHz: number,
  out: RateTerms,
): RateTerms {
  const x = (snrPerW * powerW) / bandwidthHz;
  const l = Math.log1p(x);
  out.rate = rateFromLn1pBps(bandwidthHz, l);
  out.dp = snrPerW / ((1 + x) * Math.LN2);
  // ln(1+x) − x/(1+x) cancels for small x; its series is x²/2 − 2x³/3 + 3x⁴/4.
  out.db = (x < 1e-4 ? x * x * (0.5 - x * (2 / 3 - 0.75 * x)) : l - x / (1 + x)) / Math.LN2;
  const curvature = -1 / (bandwidthHz * (1 + x) * (1 + x) * Math.LN2);
  out.dpp = snrPerW * snrPerW * curvature;
  out.dbb = x * x * curvature;
  out.dpb = -snrPerW * x * curvature;
  return out;
}

/** T_n^up = s_n / r_{n,m}; 0 when nothing is sent, whatever the rate. */
export function uplinkDelayS(bits: number, rateBps: number): number {
  return bits === 0 ? 0 : bits / rateBps;
}

/** Eq. (3): E_n^up = p_n·s_n / r_{n,m}. */
export function uplinkEnergyJ(bits: number, rateBps: number, powerW: number): number {
  return bits === 0 ? 0 : (powerW * bits) / rateBps;
}
