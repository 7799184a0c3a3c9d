/**
 * Activation precision: the bits per value a user sends after its local layers (s_n = B·d·h·bits)
 * and the compute rate both ends run at (the FP32 or the FP16/BF16 peak of their profiles).
 */
import { sourced, type Sourced } from './sourced.ts';

export interface PrecisionProfile {
  readonly name: string;
  readonly description: string;
  readonly activationBits: Sourced;
  readonly compute: 'fp32' | 'fp16';
}

export const PRECISIONS: readonly PrecisionProfile[] = [
  {
    name: 'fp32',
    description: 'single precision end to end',
    activationBits: sourced(32, 'IEEE 754 binary32'),
    compute: 'fp32',
  },
  {
    name: 'fp16',
    description: 'half precision compute and activations (FP16 peak: tensor cores, double-rate Adreno ALUs)',
    activationBits: sourced(16, 'IEEE 754 binary16'),
    compute: 'fp16',
  },
  {
    name: 'bf16',
    description: 'bfloat16: same width and, on these GPUs, the same peak as fp16',
    activationBits: sourced(16, 'bfloat16: 1 sign, 8 exponent, 7 mantissa bits'),
    compute: 'fp16',
  },
  {
    name: 'int8',
    description: '[mecsim] compute in fp16/bf16, activations quantised to 8 bits for the uplink only',
    activationBits: sourced(8, 'one byte per value'),
    compute: 'fp16',
  },
];
