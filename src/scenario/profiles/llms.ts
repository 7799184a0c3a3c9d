/**
 * LLM shapes from their Hugging Face `config.json` (mirrors that keep the original
 * `_name_or_path`; /work/shared/reference/hardware-and-models.md §3): layers, hidden size, FFN
 * (intermediate) size, attention and key/value heads, and whether the MLP is gated (LLaMA family:
 * gate, up and down projections) or plain (GPT-2, OPT, Phi-2: two projections).
 */
import { sourced, type Sourced } from './sourced.ts';

export interface LlmProfile {
  readonly name: string;
  readonly label: string;
  readonly layers: Sourced;
  readonly hiddenDim: Sourced;
  readonly ffnDim: Sourced;
  readonly heads: Sourced;
  readonly kvHeads: Sourced;
  readonly mlp: 'gated' | 'plain';
}

function shape(
  name: string,
  label: string,
  source: string,
  mlp: 'gated' | 'plain',
  [layers, hiddenDim, ffnDim, heads, kvHeads]: readonly [number, number, number, number, number],
): LlmProfile {
  const s = (v: number, key: string): Sourced => sourced(v, `${source} (${key})`);
  return {
    name,
    label,
    layers: s(layers, 'num_hidden_layers'),
    hiddenDim: s(hiddenDim, 'hidden_size'),
    ffnDim: s(ffnDim, 'intermediate_size'),
    heads: s(heads, 'num_attention_heads'),
    kvHeads: s(kvHeads, 'num_key_value_heads'),
    mlp,
  };
}

const LLM_ANALYSIS = 'github cli99/llm-analysis llm_analysis/model_configs';

export const LLMS: readonly LlmProfile[] = [
  shape(
    'llama-7b',
    'LLaMA-7B (v1)',
    'huggingface.co/relaxml/Llama-1-7b-hf config.json',
    'gated',
    [32, 4096, 11008, 32, 32],
  ),
  shape(
    'llama-2-7b',
    'Llama-2-7B',
    'huggingface.co/kashif/stack-llama-2 config.json (meta-llama/Llama-2-7b-hf)',
    'gated',
    [32, 4096, 11008, 32, 32],
  ),
  shape(
    'llama-2-13b',
    'Llama-2-13B',
    'huggingface.co/NousResearch/Llama-2-13b-chat-hf config.json',
    'gated',
    [40, 5120, 13824, 40, 40],
  ),
  shape(
    'llama-3-8b',
    'Llama-3-8B',
    'huggingface.co/pandyamarut/Meta-Llama-3-8B config.json',
    'gated',
    [32, 4096, 14336, 32, 8],
  ),
  shape(
    'mistral-7b',
    'Mistral-7B v0.1',
    'huggingface.co/dfurman/Mistral-7B-v0.1-fork config.json',
    'gated',
    [32, 4096, 14336, 32, 8],
  ),
  shape(
    'tinyllama-1.1b',
    'TinyLlama-1.1B',
    'huggingface.co/TinyLlama/TinyLlama_v1.1_chinese config.json',
    'gated',
    [22, 2048, 5632, 32, 4],
  ),
  shape(
    'qwen2-0.5b',
    'Qwen2-0.5B',
    'huggingface.co/chgk13/Qwen2-0.5B-openvino config.json (Qwen/Qwen2-0.5B)',
    'gated',
    [24, 896, 4864, 14, 2],
  ),
  shape('gpt2', 'GPT-2 small', `${LLM_ANALYSIS}/gpt2.json`, 'plain', [12, 768, 3072, 12, 12]),
  shape('gpt2-medium', 'GPT-2 medium', `${LLM_ANALYSIS}/gpt2-medium.json`, 'plain', [24, 1024, 4096, 16, 16]),
  shape('gpt2-large', 'GPT-2 large', `${LLM_ANALYSIS}/gpt2-large.json`, 'plain', [36, 1280, 5120, 20, 20]),
  shape('gpt2-xl', 'GPT-2 XL', `${LLM_ANALYSIS}/gpt2-xl.json`, 'plain', [48, 1600, 6400, 25, 25]),
  shape('opt-1.3b', 'OPT-1.3B', `${LLM_ANALYSIS}/facebook_opt-1.3b.json`, 'plain', [24, 2048, 8192, 32, 32]),
  shape(
    'phi-2',
    'Phi-2',
    'huggingface.co/LoftQ/phi-2-4bit-64rank config.json (microsoft/phi-2)',
    'plain',
    [32, 2560, 10240, 32, 32],
  ),
];

/**
 * Parameters of one layer's weight matrices (the ones a token multiplies; norms and biases are
 * left out): attention q and o of h×h, k and v of h×(kv heads·h/heads); MLP 3·h·ffn when gated,
 * 2·h·ffn when plain. LLaMA-7B: 2·4096² + 2·4096² + 3·4096·11008 = 202.4 M.
 */
export function layerWeightParams(llm: LlmProfile): number {
  const h = llm.hiddenDim.value;
  const kvDim = (llm.kvHeads.value * h) / llm.heads.value;
  const mlp = (llm.mlp === 'gated' ? 3 : 2) * h * llm.ffnDim.value;
  return 2 * h * h + 2 * h * kvDim + mlp;
}

/** Output width of the v projection, h·(kv heads / heads). */
export function kvDimOf(llm: LlmProfile): number {
  return (llm.kvHeads.value * llm.hiddenDim.value) / llm.heads.value;
}
