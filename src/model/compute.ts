/**
 * GPU compute delay and energy per transformer layer, paper eqs. (1), (2) for the user's own GPU
 * and (5), (6) for its share of an edge server. Both ends use the same law: throughput
 * f·C·D FLOP/s and power κ·f³ W, so energy per layer = κ·f³ · ψ/(f·C·D) = κ·f²·ψ/(C·D).
 */

/** FLOP/s of a GPU at frequency f with C cores of D FLOPs per cycle each. */
export function gpuFlopsPerS(freqHz: number, gpuCores: number, flopsPerCycle: number): number {
  return freqHz * gpuCores * flopsPerCycle;
}

/** Power κ·f³ of a GPU running at f (paper §3.1). */
export function gpuPowerW(kappa: number, freqHz: number): number {
  return kappa * freqHz * freqHz * freqHz;
}

/**
 * Eq. (1): T_n^loc = ψ / (f_n·C_n^U·D_n^U), time for user n to train one layer.
 * @param flops ψ(d_n), FLOPs of one layer
 */
export function localLayerDelayS(
  flops: number,
  freqHz: number,
  gpuCores: number,
  flopsPerCycle: number,
): number {
  return flops / (freqHz * gpuCores * flopsPerCycle);
}

/** Eq. (2): E_n^loc = κ_1·f_n²·ψ / (C_n^U·D_n^U), energy for user n to train one layer. */
export function localLayerEnergyJ(
  flops: number,
  freqHz: number,
  gpuCores: number,
  flopsPerCycle: number,
  kappa: number,
): number {
  return (kappa * freqHz * freqHz * flops) / (gpuCores * flopsPerCycle);
}

/**
 * Eq. (5): T_{n,m}^edge = ψ / (f_{n,m}·C_m^E·D_m^E), time for server m to train one of user n's
 * layers with the frequency share f_{n,m}.
 */
export function edgeLayerDelayS(
  flops: number,
  freqShareHz: number,
  gpuCores: number,
  flopsPerCycle: number,
): number {
  return flops / (freqShareHz * gpuCores * flopsPerCycle);
}

/** Eq. (6): E_{n,m}^edge = κ_2·f_{n,m}²·ψ / (C_m^E·D_m^E). */
export function edgeLayerEnergyJ(
  flops: number,
  freqShareHz: number,
  gpuCores: number,
  flopsPerCycle: number,
  kappa: number,
): number {
  return (kappa * freqShareHz * freqShareHz * flops) / (gpuCores * flopsPerCycle);
}
