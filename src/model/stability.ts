/**
 * Model stability, paper §3.3 and Theorem 1 (MODEL.md §4).
 */

/**
 * Theorem 1: fine-tuning a share a of the parameters of a model whose loss is L-Lipschitz and
 * strongly convex has average-replace-one stability (8) bounded by β = 2L² / (k·(1 − a)).
 *
 * @param lipschitz L
 * @param datasetSize k, training samples
 * @param localShare a in [0, 1]
 * @returns β; Infinity at a = 1 (everything fine-tuned locally: unbounded)
 */
export function stabilityBound(lipschitz: number, datasetSize: number, localShare: number): number {
  if (localShare >= 1) return Infinity;
  return (2 * lipschitz * lipschitz) / (datasetSize * (1 - localShare));
}

/** AS_n = 2L² / (k_n·(1 − α_n/Υ)): Theorem 1 with a = α_n/Υ. Infinity at α_n = Υ. */
export function userStabilityBound(
  lipschitz: number,
  datasetSize: number,
  localLayers: number,
  layers: number,
): number {
  return stabilityBound(lipschitz, datasetSize, localLayers / layers);
}
