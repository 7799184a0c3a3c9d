/**
 * One user's delay and energy for one training step (MODEL.md §3):
 *
 *     delay_n  = α_n·T_n^loc + T_n^up + (Υ − α_n)·T_{n,m}^edge
 *     energy_n = α_n·E_n^loc + E_n^up + (Υ − α_n)·E_{n,m}^edge
 *
 * α_n = Υ sends nothing and uses no server whatever its association says; α_n = 0 (the edge-only
 * baseline) sends its token ids (B·d_n·tokenIdBits) instead of activations. Written to an output
 * object so an optimizer can call it in a loop without allocating.
 */
import { edgeLayerDelayS, edgeLayerEnergyJ, localLayerDelayS, localLayerEnergyJ } from './compute.ts';
import { tokenIdBits, userLayerFlops } from './flops.ts';
import { userStabilityBound } from './stability.ts';
import type { Allocation, Network, UserMetrics } from './types.ts';
import { uplinkDelayS, uplinkEnergyJ, uplinkRateBps } from './uplink.ts';

/** A zeroed per-user record. */
export function newUserMetrics(): UserMetrics {
  return {
    delayS: 0,
    localDelayS: 0,
    uplinkDelayS: 0,
    edgeDelayS: 0,
    energyJ: 0,
    localEnergyJ: 0,
    uplinkEnergyJ: 0,
    edgeEnergyJ: 0,
    stability: 0,
  };
}

/**
 * Bits sent for a split of α of Υ layers: the activations s_n, the token ids at α = 0 (the
 * edge-only baseline), nothing at α = Υ.
 */
export function splitBits(
  layers: number,
  localLayers: number,
  activationBits: number,
  tokenIdBits: number,
): number {
  if (localLayers >= layers) return 0;
  return localLayers === 0 ? tokenIdBits : activationBits;
}

/** The bits user n of a network sends for a split of α layers (see `splitBits`). */
export function sentBits(net: Network, n: number, localLayers: number): number {
  const user = net.users[n];
  if (user === undefined) throw new RangeError(`no user ${n}`);
  return splitBits(
    net.llm.layers,
    localLayers,
    user.activationBits,
    tokenIdBits(user.tokens, net.llm.batchSize, net.llm.tokenIdBits),
  );
}

/**
 * Delay, energy and stability bound of user n under an allocation, written into `out`.
 * Assumes a feasible allocation (see `checkSolution`): a zero frequency or bandwidth for a part
 * that runs gives Infinity.
 */
export function userMetrics(
  net: Network,
  alloc: Allocation,
  n: number,
  out: UserMetrics = newUserMetrics(),
): UserMetrics {
  const user = net.users[n];
  const alpha = alloc.localLayers[n];
  const m = alloc.association[n];
  if (user === undefined || alpha === undefined || m === undefined) throw new RangeError(`no user ${n}`);
  const layers = net.llm.layers;
  const psi = userLayerFlops(net.llm, user.tokens);

  // α = 0 runs nothing locally: skip, so an unused zero frequency does not give 0·∞.
  if (alpha > 0) {
    const f = alloc.userFreqHz[n] ?? NaN;
    out.localDelayS = alpha * localLayerDelayS(psi, f, user.gpuCores, user.flopsPerCycle);
    out.localEnergyJ = alpha * localLayerEnergyJ(psi, f, user.gpuCores, user.flopsPerCycle, user.kappa);
  } else {
    out.localDelayS = 0;
    out.localEnergyJ = 0;
  }

  if (alpha < layers) {
    const server = net.servers[m];
    const gain = net.channelGain[n]?.[m];
    if (server === undefined || gain === undefined)
      throw new RangeError(`association[${n}] = ${m}: no such server`);
    const p = alloc.powerW[n] ?? NaN;
    const rate = uplinkRateBps(alloc.bandwidthHz[n] ?? NaN, gain, p, net.noisePsdWPerHz);
    const bits = sentBits(net, n, alpha);
    out.uplinkDelayS = uplinkDelayS(bits, rate);
    out.uplinkEnergyJ = uplinkEnergyJ(bits, rate, p);
    const share = alloc.edgeFreqHz[n] ?? NaN;
    const edgeLayers = layers - alpha;
    out.edgeDelayS = edgeLayers * edgeLayerDelayS(psi, share, server.gpuCores, server.flopsPerCycle);
    out.edgeEnergyJ =
      edgeLayers * edgeLayerEnergyJ(psi, share, server.gpuCores, server.flopsPerCycle, server.kappa);
  } else {
    out.uplinkDelayS = 0;
    out.uplinkEnergyJ = 0;
    out.edgeDelayS = 0;
    out.edgeEnergyJ = 0;
  }

  out.delayS = out.localDelayS + out.uplinkDelayS + out.edgeDelayS;
  out.energyJ = out.localEnergyJ + out.uplinkEnergyJ + out.edgeEnergyJ;
  out.stability = userStabilityBound(net.stability.lipschitz, user.datasetSize, alpha, layers);
  return out;
}
