/**
 * First-order facts of the relaxed problem (MODEL.md §6, "useful facts for a fast solver"; derived,
 * not stated in the paper). An optimizer may use them as its solver or to check one.
 */

/**
 * [mecsim] The user frequency chosen, as a fraction of f^max, when the delay weight ω_t is 0: the
 * energy then falls as f → 0 and (9f)'s 0 < f has no minimiser (as the uplink power has none
 * without `objective.minPowerW`); this makes that legal weight give a feasible plan.
 */
export const MIN_USER_FREQ_SHARE = 1e-3;

/**
 * The user frequency that minimises A_n(f) = ω_t·ψ/(f·C·D) + ω_e·κ·f²·ψ/(C·D):
 * dA/df = 0 gives f³ = ω_t / (2·ω_e·κ); then clipped to f^max (MIN_USER_FREQ_SHARE·f^max when
 * ω_t = 0). Independent of ψ, C, D and α_n.
 */
export function optimalUserFreqHz(
  delayPerS: number,
  energyPerJ: number,
  kappa: number,
  maxFreqHz: number,
): number {
  if (energyPerJ === 0 || kappa === 0) return maxFreqHz;
  if (delayPerS === 0) return MIN_USER_FREQ_SHARE * maxFreqHz;
  return Math.min(maxFreqHz, Math.cbrt(delayPerS / (2 * energyPerJ * kappa)));
}

/**
 * The relaxed optimal split α_n* in [1, Υ] for fixed per-layer costs A_n (local) and B_{n,m} (edge):
 * minimising α·A + (Υ − α)·B + ω_s·2L²/(k·(1 − α/Υ)) gives 1 if A ≥ B, else
 * clip(Υ·(1 − sqrt(ω_s·2L² / (k·Υ·(B − A)))), 1, Υ).
 *
 * @param localLayerCost A_n, eq. (14)
 * @param edgeLayerCost B_{n,m}, eq. (15)
 * @param stabilityWeight ω_s
 */
export function relaxedOptimalLocalLayers(
  localLayerCost: number,
  edgeLayerCost: number,
  stabilityWeight: number,
  lipschitz: number,
  datasetSize: number,
  layers: number,
): number {
  if (localLayerCost >= edgeLayerCost) return 1;
  const gap = edgeLayerCost - localLayerCost;
  const alpha =
    layers * (1 - Math.sqrt((stabilityWeight * 2 * lipschitz * lipschitz) / (datasetSize * layers * gap)));
  return Math.min(layers, Math.max(1, alpha));
}
