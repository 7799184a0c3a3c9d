/**
 * Work and data sizes of one training step (MODEL.md §2, §1, §7).
 */

/**
 * ψ(d_n): FLOPs to train one transformer layer (forward and backward) on one batch, the
 * Megatron-style count `72·B·d·h² + 12·B·d²·h` (MODEL.md §2; the paper's "FLOPs per token" of
 * §3, which already multiplies by B and d_n).
 *
 * @param tokens d_n, tokens per sample
 * @param batchSize B, samples per batch
 * @param hiddenDim h
 * @returns FLOPs per layer per batch
 */
export function layerFlops(tokens: number, batchSize: number, hiddenDim: number): number {
  return 72 * batchSize * tokens * hiddenDim * hiddenDim + 12 * batchSize * tokens * tokens * hiddenDim;
}

/**
 * **[mecsim]** A per-layer FLOPs law from a model's shape and fine-tuning method (src/scenario/profiles):
 * ψ(d) = B·(perToken·d + perTokenSquared·d²), with perToken the FLOPs per token of the weight
 * matrices and perTokenSquared those of attention's scores and values (formulas in README.md).
 */
export interface LayerFlopsLaw {
  readonly perToken: number;
  readonly perTokenSquared: number;
}

/**
 * ψ(d_n) of one user's layer: the scenario's `llm.layerFlops` law when it has one (a profile-built
 * LLM), else the paper's `layerFlops` (the `paper` and `contested` presets), computed as before.
 */
export function userLayerFlops(
  llm: {
    readonly batchSize: number;
    readonly hiddenDim: number;
    readonly layerFlops?: LayerFlopsLaw | undefined;
  },
  tokens: number,
): number {
  const law = llm.layerFlops;
  if (law === undefined) return layerFlops(tokens, llm.batchSize, llm.hiddenDim);
  return llm.batchSize * tokens * (law.perToken + law.perTokenSquared * tokens);
}

/**
 * s_n: bits of the intermediate results (hidden states) a user sends after its local layers.
 * **[mecsim]** The paper gives no size; we take one value of `bitsPerValue` bits per hidden unit
 * per token per sample, B·d_n·h·16 with fp16 activations.
 */
export function activationBits(
  tokens: number,
  batchSize: number,
  hiddenDim: number,
  bitsPerValue: number,
): number {
  return batchSize * tokens * hiddenDim * bitsPerValue;
}

/**
 * Bits an edge-only user (α_n = 0) sends: its raw batch of token ids, **[mecsim]** B·d_n·32
 * (MODEL.md §7).
 */
export function tokenIdBits(tokens: number, batchSize: number, bitsPerTokenId: number): number {
  return batchSize * tokens * bitsPerTokenId;
}
