/**
 * Scenarios composed from profiles (src/scenario/profiles): a mix of phones, a mix of edge GPUs,
 * an LLM shape, a fine-tuning method, an activation precision and a radio. Devices are given out
 * in proportion to the mix (user n of N takes the profile whose cumulative share first exceeds
 * (n + ½)/N, so the counts are exact and need no draw); every other draw comes from the same
 * named streams as the generator's: `user` n (tokens, dataset size, maximum power, in that
 * order) and the placements.
 */
import { RandomStreams } from '../random/index.ts';
import { activationBits } from '../model/flops.ts';
import { dbmPerHzToWPerHz, pathGainBetween, type PathLossLaw } from '../model/channel.ts';
import { normalizationOf } from '../model/reference.ts';
import {
  areaSideM,
  edgeDevice,
  edgeGpuNamed,
  finetuneText,
  layerFlopsLaw,
  llmNamed,
  mixText,
  phoneDevice,
  phoneNamed,
  precisionNamed,
  radioNamed,
  receiverNoiseDbmPerHz,
  type FinetuneChoice,
  type Mix,
  type RadioProfile,
} from './profiles/index.ts';
import type { Range } from './presets.ts';
import { DEFAULT_SERVER_TX_POWER_W, DEFAULT_TOKEN_ID_BITS, type Scenario } from './schema.ts';
import { ValidationError } from './parse.ts';

/** What a profile-built scenario is made of; the `realistic` preset is one. */
export interface ProfileRecipe {
  readonly name: string;
  readonly description: string;
  readonly users: number;
  readonly servers: number;
  readonly phones: Mix;
  readonly edgeGpus: Mix;
  readonly llm: string;
  readonly finetune: FinetuneChoice;
  readonly precision: string;
  readonly radio: string;
  /** B, samples per batch. */
  readonly batchSize: number;
  /** d_n, tokens per sample, drawn per user. */
  readonly tokens: Range;
  /** k_n, drawn per user. */
  readonly datasetSize: Range;
  readonly lipschitz: number;
  readonly weights: { readonly delay: number; readonly energy: number; readonly stability: number };
  readonly objective: { readonly uplinkDelay: boolean; readonly minPowerW: number };
}

export interface ComposeOptions {
  readonly users?: number;
  readonly servers?: number;
  readonly seed?: number;
  readonly uplinkDelay?: boolean;
}

/** The profile name of entity i of `count` under `mix` (exact proportions, no draw). */
function apportioned(mix: Mix, i: number, count: number): string {
  const at = (i + 0.5) / count;
  let cumulative = 0;
  for (const [name, share] of mix) {
    cumulative += share;
    if (at < cumulative) return name;
  }
  return mix[mix.length - 1]![0];
}

function lawOf(radio: RadioProfile): PathLossLaw {
  const p = radio.pathLoss;
  if (p.model === 'paper') {
    return { at1KmDb: p.at1KmDb.value, perDecadeDb: p.perDecadeDb.value, minDistanceM: p.minDistanceM.value };
  }
  return {
    model: p.model,
    los: p.los,
    carrierHz: p.carrierHz.value,
    bsHeightM: p.bsHeightM.value,
    utHeightM: p.utHeightM.value,
    minDistanceM: p.minDistanceM.value,
  };
}

/** A complete scenario from a recipe, the same for the same recipe and options. */
export function composeScenario(recipe: ProfileRecipe, options: ComposeOptions = {}): Scenario {
  const nUsers = options.users ?? recipe.users;
  const nServers = options.servers ?? recipe.servers;
  const seed = options.seed ?? 1;
  const llm = llmNamed(recipe.llm);
  const precision = precisionNamed(recipe.precision);
  const radio = radioNamed(recipe.radio);
  const frozen = recipe.finetune.method === 'frozen' ? recipe.finetune.layers : 0;
  if (frozen >= llm.layers.value) {
    throw new ValidationError(
      `--finetune: frozen:K needs K < ${llm.layers.value} (the layers of ${llm.name}), got ${frozen}`,
      '--finetune',
    );
  }
  const hiddenDim = llm.hiddenDim.value;
  const bitsPerValue = precision.activationBits.value;
  const area = areaSideM(radio, nServers).value;
  const [pLo, pHi] = radio.ueMaxPowerW;
  const streams = new RandomStreams(seed);

  const users = Array.from({ length: nUsers }, (_, n) => {
    const device = phoneDevice(phoneNamed(apportioned(recipe.phones, n, nUsers)), precision.compute);
    const s = streams.get('user', n);
    const tokens = s.uniformInt(recipe.tokens[0], recipe.tokens[1]);
    const datasetSize = s.uniformInt(recipe.datasetSize[0], recipe.datasetSize[1]);
    const maxPowerW = s.uniform(pLo.value, pHi.value);
    const place = streams.get('placement-user', n);
    return {
      tokens,
      gpuCores: device.gpuCores.value,
      flopsPerCycle: device.flopsPerCycle.value,
      maxFreqHz: device.maxFreqHz.value,
      maxPowerW,
      kappa: device.kappa.value,
      activationBits: activationBits(tokens, recipe.batchSize, hiddenDim, bitsPerValue),
      datasetSize,
      xM: place.uniform(0, area),
      yM: place.uniform(0, area),
    };
  });
  const servers = Array.from({ length: nServers }, (_, m) => {
    const device = edgeDevice(edgeGpuNamed(apportioned(recipe.edgeGpus, m, nServers)), precision.compute);
    const place = streams.get('placement-server', m);
    return {
      gpuCores: device.gpuCores.value,
      flopsPerCycle: device.flopsPerCycle.value,
      maxFreqHz: device.maxFreqHz.value,
      bandwidthHz: radio.bandwidthHz.value,
      kappa: device.kappa.value,
      txPowerW: DEFAULT_SERVER_TX_POWER_W,
      xM: place.uniform(0, area),
      yM: place.uniform(0, area),
    };
  });
  const pathLoss = lawOf(radio);
  const channelGain = users.map((u) => servers.map((s) => pathGainBetween(u, s, pathLoss)));
  const network = {
    llm: {
      layers: llm.layers.value - frozen,
      batchSize: recipe.batchSize,
      hiddenDim,
      // A frozen prefix's edge-only user sends layer K's hidden states, not token ids.
      tokenIdBits: frozen > 0 ? hiddenDim * bitsPerValue : DEFAULT_TOKEN_ID_BITS,
      layerFlops: layerFlopsLaw(llm, recipe.finetune),
    },
    noisePsdWPerHz: dbmPerHzToWPerHz(receiverNoiseDbmPerHz(radio).value),
    stability: { lipschitz: recipe.lipschitz },
    objective: { ...recipe.objective, uplinkDelay: options.uplinkDelay ?? recipe.objective.uplinkDelay },
    users,
    servers,
    channelGain,
  };
  return {
    version: 1,
    preset: recipe.name,
    seed,
    areaM: area,
    profiles: {
      phones: mixText(recipe.phones),
      edgeGpus: mixText(recipe.edgeGpus),
      llm: llm.name,
      finetune: finetuneText(recipe.finetune),
      precision: precision.name,
      radio: radio.name,
    },
    llm: network.llm,
    weights: { ...recipe.weights },
    normalization: normalizationOf(network),
    objective: network.objective,
    noisePsdWPerHz: network.noisePsdWPerHz,
    pathLoss,
    stability: network.stability,
    users,
    servers,
    channelGain,
  };
}
