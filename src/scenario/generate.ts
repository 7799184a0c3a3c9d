/**
 * The seeded scenario generator. Every draw comes from a named stream of one master seed, one
 * stream per entity and purpose (`user` n, `placement-user` n, `server` m, `placement-server` m),
 * so adding a user or a server leaves every other entity's draws unchanged. The normalisation
 * references (MODEL.md §5) are computed and stored, so the file needs nothing hidden.
 */
import { RandomStreams, type RandomStream } from '../random/index.ts';
import { activationBits } from '../model/flops.ts';
import { dbmPerHzToWPerHz, pathGainBetween } from '../model/channel.ts';
import { normalizationOf } from '../model/reference.ts';
import type { Preset, Range } from './presets.ts';
import { PAPER_PRESET } from './presets.ts';
import type { Scenario, ScenarioServer, ScenarioUser } from './schema.ts';

export interface GenerateOptions {
  readonly preset?: Preset;
  /** Override the preset's counts and layer count. */
  readonly users?: number;
  readonly servers?: number;
  readonly layers?: number;
  /** Master seed, an integer ≥ 0 (default 1). */
  readonly seed?: number;
  /** Override the preset's `objective.uplinkDelay` (false: the paper's exact objective). */
  readonly uplinkDelay?: boolean;
}

const drawInt = (s: RandomStream, [lo, hi]: Range): number => s.uniformInt(lo, hi);
const draw = (s: RandomStream, [lo, hi]: Range): number => s.uniform(lo, hi);

function drawUser(p: Preset, streams: RandomStreams, n: number): ScenarioUser {
  // The order of draws on a stream is part of the file format: append, never reorder.
  const s = streams.get('user', n);
  const tokens = drawInt(s, p.user.tokens);
  const gpuCores = drawInt(s, p.user.gpuCores);
  const flopsPerCycle = draw(s, p.user.flopsPerCycle);
  const maxFreqHz = draw(s, p.user.maxFreqHz);
  const maxPowerW = draw(s, p.user.maxPowerW);
  const datasetSize = drawInt(s, p.user.datasetSize);
  const place = streams.get('placement-user', n);
  const xM = place.uniform(0, p.areaM);
  const yM = place.uniform(0, p.areaM);
  return {
    tokens,
    gpuCores,
    flopsPerCycle,
    maxFreqHz,
    maxPowerW,
    kappa: p.user.kappa,
    activationBits: activationBits(tokens, p.llm.batchSize, p.llm.hiddenDim, p.user.activationBitsPerValue),
    datasetSize,
    xM,
    yM,
  };
}

function drawServer(p: Preset, streams: RandomStreams, m: number): ScenarioServer {
  const s = streams.get('server', m);
  const gpuCores = drawInt(s, p.server.gpuCores);
  const flopsPerCycle = draw(s, p.server.flopsPerCycle);
  const maxFreqHz = draw(s, p.server.maxFreqHz);
  const place = streams.get('placement-server', m);
  const xM = place.uniform(0, p.areaM);
  const yM = place.uniform(0, p.areaM);
  return {
    gpuCores,
    flopsPerCycle,
    maxFreqHz,
    bandwidthHz: p.server.bandwidthHz,
    kappa: p.server.kappa,
    txPowerW: p.server.txPowerW,
    xM,
    yM,
  };
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name}: must be an integer >= ${min}, got ${value}`);
}

/** A complete scenario, the same for the same options, byte for byte once written. */
export function generateScenario(options: GenerateOptions = {}): Scenario {
  const p = options.preset ?? PAPER_PRESET;
  const nUsers = options.users ?? p.users;
  const nServers = options.servers ?? p.servers;
  const layers = options.layers ?? p.llm.layers;
  const seed = options.seed ?? 1;
  checkCount('users', nUsers, 1);
  checkCount('servers', nServers, 1);
  checkCount('layers', layers, 1);
  checkCount('seed', seed, 0);
  const streams = new RandomStreams(seed);
  const users = Array.from({ length: nUsers }, (_, n) => drawUser(p, streams, n));
  const servers = Array.from({ length: nServers }, (_, m) => drawServer(p, streams, m));
  const channelGain = users.map((u) => servers.map((s) => pathGainBetween(u, s, p.pathLoss)));
  const network = {
    llm: { ...p.llm, layers },
    noisePsdWPerHz: dbmPerHzToWPerHz(p.noiseDbmPerHz),
    stability: { lipschitz: p.lipschitz },
    objective: { ...p.objective, uplinkDelay: options.uplinkDelay ?? p.objective.uplinkDelay },
    users,
    servers,
    channelGain,
  };
  return {
    version: 1,
    preset: p.name,
    seed,
    areaM: p.areaM,
    llm: network.llm,
    weights: { ...p.weights },
    normalization: normalizationOf(network),
    objective: network.objective,
    noisePsdWPerHz: network.noisePsdWPerHz,
    pathLoss: { ...p.pathLoss },
    stability: network.stability,
    users,
    servers,
    channelGain,
  };
}
