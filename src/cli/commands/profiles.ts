import type { Command } from 'commander';
import {
  EDGE_GPUS,
  FINETUNE_METHODS,
  LLMS,
  PHONES,
  PRECISIONS,
  RADIOS,
  edgeDevice,
  layerWeightParams,
  phoneDevice,
  receiverNoiseDbmPerHz,
} from '../../scenario/profiles/index.ts';
import { runCommand } from '../errors.ts';
import { jsonText } from '../json-output.ts';
import { formatNumber as f, formatTable } from '../table.ts';

/** Every profile with its sources, and the device parameters derived from it, as one document. */
export function profilesJson(): object {
  return {
    phones: PHONES.map((p) => ({ ...p, fp32: phoneDevice(p, 'fp32'), fp16: phoneDevice(p, 'fp16') })),
    edgeGpus: EDGE_GPUS.map((p) => ({ ...p, fp32: edgeDevice(p, 'fp32'), fp16: edgeDevice(p, 'fp16') })),
    llms: LLMS,
    finetune: FINETUNE_METHODS,
    precisions: PRECISIONS,
    radios: RADIOS.map((r) => ({ ...r, receiverNoiseDbmPerHz: receiverNoiseDbmPerHz(r) })),
  };
}

const tera = (x: number): string => f(x / 1e12);
const giga = (x: number): string => f(x / 1e9);

function profilesText(): string {
  const phones = formatTable(
    ['phone', 'SoC', 'cores', 'GHz', 'FP32 TFLOP/s', 'FP16 TFLOP/s', 'power W', 'κ W/Hz³'],
    PHONES.map((p) => [
      p.name,
      p.label,
      String(p.gpuCores.value),
      giga(p.maxFreqHz.value),
      tera(p.fp32PeakFlopsPerS.value),
      tera(p.fp16PeakFlopsPerS.value),
      f(p.powerW.value),
      f(phoneDevice(p, 'fp32').kappa.value),
    ]),
    { textColumns: 2 },
  );
  const edge = formatTable(
    ['edge GPU', 'card', 'cores', 'GHz', 'FP32 TFLOP/s', 'FP16 TFLOP/s', 'TDP W', 'κ W/Hz³'],
    EDGE_GPUS.map((p) => [
      p.name,
      p.label,
      String(p.gpuCores.value),
      giga(p.maxFreqHz.value),
      tera(p.fp32PeakFlopsPerS.value),
      tera(p.fp16PeakFlopsPerS.value),
      f(p.tdpW.value),
      f(edgeDevice(p, 'fp32').kappa.value),
    ]),
    { textColumns: 2 },
  );
  const llms = formatTable(
    ['llm', 'model', 'mlp', 'layers', 'hidden', 'ffn', 'heads', 'kv heads', 'weights/layer M'],
    LLMS.map((m) => [
      m.name,
      m.label,
      m.mlp,
      String(m.layers.value),
      String(m.hiddenDim.value),
      String(m.ffnDim.value),
      String(m.heads.value),
      String(m.kvHeads.value),
      f(layerWeightParams(m) / 1e6),
    ]),
    { textColumns: 3 },
  );
  const finetune = formatTable(
    ['--finetune', 'weights', 'attention', 'adapters', 'what'],
    FINETUNE_METHODS.map((m) => [
      m.usage,
      `${m.weightFactor.value}×`,
      `${m.attentionFactor.value}×`,
      `${m.adapterFactor.value}×`,
      m.description,
    ]),
    { textColumns: 1 },
  );
  const precisions = formatTable(
    ['--precision', 'bits sent', 'compute', 'what'],
    PRECISIONS.map((p) => [p.name, String(p.activationBits.value), p.compute, p.description]),
    { textColumns: 1 },
  );
  const radios = formatTable(
    ['--radio', 'noise dBm/Hz', 'MHz', 'UE max W', 'what'],
    RADIOS.map((r) => [
      r.name,
      f(receiverNoiseDbmPerHz(r).value),
      f(r.bandwidthHz.value / 1e6),
      [...new Set(r.ueMaxPowerW.map((p) => f(p.value)))].join('–'),
      r.label,
    ]),
    { textColumns: 1 },
  );
  return [
    phones,
    edge,
    llms,
    `${finetune}\n(training cost of each part in forward passes)`,
    precisions,
    radios,
    'Every number and its source (datasheet, paper, report, or the arithmetic of a derived one): mecsim profiles --json',
  ].join('\n\n');
}

/** `mecsim profiles`: the hardware, model and radio profiles scenarios are composed from. */
export function configure(command: Command): void {
  command
    .addHelpText(
      'after',
      '\nExamples:\n  mecsim profiles\n  mecsim profiles --json\n  mecsim scenario --phones a15:0.5,sd8g2:0.5 --edge-gpus t4,v100 --llm llama-7b --finetune lora:8 --precision bf16 --radio umi',
    )
    .option('--json', 'every profile with the source of each number, as one JSON document')
    .action((flags: { json?: boolean }) =>
      runCommand(() => {
        process.stdout.write(
          flags.json === true ? jsonText({ profiles: profilesJson() }) : `${profilesText()}\n`,
        );
      }),
    );
}
