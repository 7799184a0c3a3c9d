/**
 * Fine-tuning methods and the per-layer FLOPs law they give (`LayerFlopsLaw`, src/model/flops.ts):
 * ψ(d) = B·(perToken·d + perTokenSquared·d²). Per token, one layer's forward pass costs 2·W FLOPs
 * in its weight matrices (W parameters, one multiply-add each) and 4·d·h in attention (scores
 * QKᵀ and the weighted sum of V, each 2·d·h): Narayanan et al. 2021 (arXiv 2104.04473), whose
 * 24·B·s·h² + 4·B·s²·h is this with W = 12·h². The factors below say how many forward passes'
 * worth each part costs in training.
 */
import { sourced, type Sourced } from './sourced.ts';
import { kvDimOf, layerWeightParams, type LlmProfile } from './llms.ts';

const NARAYANAN =
  'Narayanan et al. 2021 (arXiv 2104.04473): backward = 2 × forward, so training = 3 × forward';
const LORA = 'Hu et al. 2021, LoRA (arXiv 2106.09685)';

export interface FinetuneMethod {
  readonly name: 'full' | 'lora' | 'frozen';
  readonly usage: string;
  readonly description: string;
  /** Forward passes' worth of the weight matmuls in one training step of a layer. */
  readonly weightFactor: Sourced;
  /** The same for attention's score and value matmuls (no weights: both gradients remain). */
  readonly attentionFactor: Sourced;
  /** The same for LoRA's adapter matrices (trained fully); 0 without adapters. */
  readonly adapterFactor: Sourced;
}

export const FINETUNE_METHODS: readonly FinetuneMethod[] = [
  {
    name: 'full',
    usage: 'full',
    description: 'every weight of every layer trained',
    weightFactor: sourced(3, NARAYANAN),
    attentionFactor: sourced(3, NARAYANAN),
    adapterFactor: sourced(0, 'no adapters'),
  },
  {
    name: 'lora',
    usage: 'lora:R',
    description:
      "base weights frozen, rank-R adapters on W_q and W_v (the LoRA paper's choice); the backward pass still carries activation gradients through every layer",
    weightFactor: sourced(
      2,
      `${LORA} §4.2: no gradient for the frozen weights, so forward + input gradient = 2 × forward`,
    ),
    attentionFactor: sourced(
      3,
      `${NARAYANAN}; attention matmuls have no weights, both their gradients remain`,
    ),
    adapterFactor: sourced(3, `${LORA}: the adapters are trained, forward + both gradients = 3 × forward`),
  },
  {
    name: 'frozen',
    usage: 'frozen:K',
    description:
      "[mecsim] the first K layers frozen and their outputs computed once per sample before training (no gradient ever reaches them); the remaining layers are the trainable model that is split, trained fully, and an edge-only user sends layer K's hidden states instead of token ids",
    weightFactor: sourced(3, NARAYANAN),
    attentionFactor: sourced(3, NARAYANAN),
    adapterFactor: sourced(0, 'no adapters'),
  },
];

/** What `--finetune` asks for: full, lora:R (R ≥ 1) or frozen:K (K ≥ 1 layers). */
export type FinetuneChoice =
  | { readonly method: 'full' }
  | { readonly method: 'lora'; readonly rank: number }
  | { readonly method: 'frozen'; readonly layers: number };

/** LoRA adapter parameters of one layer: R·(h + h) on W_q, R·(h + kv dim) on W_v. */
export function loraParams(llm: LlmProfile, rank: number): number {
  const h = llm.hiddenDim.value;
  return rank * (h + h) + rank * (h + kvDimOf(llm));
}

/** ψ's law for a model shape and method (formulas in src/model/README.md). */
export function layerFlopsLaw(llm: LlmProfile, choice: FinetuneChoice) {
  const m = FINETUNE_METHODS.find((x) => x.name === choice.method)!;
  const adapters = choice.method === 'lora' ? loraParams(llm, choice.rank) : 0;
  return {
    perToken: m.weightFactor.value * 2 * layerWeightParams(llm) + m.adapterFactor.value * 2 * adapters,
    perTokenSquared: m.attentionFactor.value * 4 * llm.hiddenDim.value,
  };
}
