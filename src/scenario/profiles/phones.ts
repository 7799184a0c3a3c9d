/**
 * Phone GPUs (SoCs) as a user device: cores as the source counts them, the GPU clock, FP32 and
 * FP16 peak throughput, and the power the SoC draws under GPU load. The model reads C·D·f and
 * κ·f³, so D (FLOPs per cycle per core) is derived from the peak, and κ from the power at the
 * clock (`phoneDevice`). Figures from /work/shared/reference/hardware-and-models.md §1, which
 * names each page; nothing here was measured by us.
 *
 * Power is whole-SoC power in a GPU benchmark (3DMark Wild Life Extreme, Golden Reviewer and
 * Geekerwan data): no GPU-only sustained figure was found for any of these chips, so κ is an upper
 * bound. Minimum clocks were not found for any chip; the optimizer chooses f in (0, f_max].
 * Left out for want of any throughput figure: Dimensity 9200 (Immortalis-G715 MC11) and Tensor G3
 * (Mali-G715).
 */
import { deviceOf, derived, g4, sourced, type Sourced } from './sourced.ts';

export interface PhoneProfile {
  readonly name: string;
  readonly label: string;
  /** GPU cores as the throughput source counts them (FP32 lanes, or marketed cores). */
  readonly gpuCores: Sourced;
  readonly maxFreqHz: Sourced;
  readonly fp32PeakFlopsPerS: Sourced;
  readonly fp16PeakFlopsPerS: Sourced;
  /** SoC power under GPU load at `maxFreqHz` (an upper bound on GPU power). */
  readonly powerW: Sourced;
  /** Where sources disagree: which figure was chosen and why. */
  readonly choices: string;
}

const APPLE_ALUS_PER_CORE = sourced(
  128,
  'cpu-monkey.com/es/cpu-apple_a15_bionic_4_gpu: 512 shaders for 4 cores',
);
const SAME_RATE_FP16 = 'hmc-tech.com (Apple A16–A18 list FP16 = FP32)';

const lanes = (cores: number, label: string): Sourced =>
  derived(
    cores * APPLE_ALUS_PER_CORE.value,
    `${cores} ${label} GPU cores × ${APPLE_ALUS_PER_CORE.value} ALUs`,
  );
const peakOf = (cores: Sourced, clock: Sourced, perCycle: number): Sourced =>
  derived(
    cores.value * perCycle * clock.value,
    `${cores.value} lanes × ${perCycle} FLOP (one FMA) × ${g4(clock.value)} Hz`,
  );
const times = (x: Sourced, k: number, why: string): Sourced =>
  derived(x.value * k, `${k} × ${g4(x.value)} FLOP/s (${why})`);

const a15Cores = lanes(5, 'A15 (iPhone 13 Pro)');
const a15Fp32 = sourced(1.713e12, 'askgeek.io/en/cpus/Apple/A15-Bionic (5-core GPU)');
const a16Cores = lanes(5, 'A16');
const a16Fp32 = sourced(1.7894e12, 'topcpu.net (A16 Bionic); check 640 × 2 × 1.398 GHz = 1.789e12');
const a17Fp32 = sourced(2.15e12, 'hmc-tech.com/gpu/apple-6-core-a17-pro-vs-imagination-img-axe-2-16');
const a18Cores = lanes(6, 'A18 Pro');
const a18Clock = sourced(1.45e9, 'hmc-tech.com/gpu/apple-5-core-a18-vs-apple-4-core-a16 (A18, 5-core)');
const a18Fp32 = peakOf(a18Cores, a18Clock, 2);
// Adreno 730: notebookcheck says 30% more ALUs than Adreno 660, which has 768 lanes (azhirnov).
const sd8g1Cores = derived(
  Math.round(768 * 1.3),
  '768 Adreno 660 lanes (github azhirnov/cpu-gpu-arch gpu/Adreno-600.md) × 1.3 (notebookcheck: "30% more ALUs"), rounded',
);
const sd8g1Clock = sourced(0.818e9, 'nanoreview.net (Snapdragon 8 Gen 2 vs 8 Gen 1)');
const sd8g1Fp32 = peakOf(sd8g1Cores, sd8g1Clock, 2);
const sd8g2Cores = derived(
  1536,
  'Adreno 740 in XR2 Gen 2: 1.8e12 FLOP/s at 600 MHz (azhirnov gpu/Adreno-700.md) → 1.8e12 / (2 × 0.6e9) = 1500 ≈ 1536 (the Adreno 750 layout)',
);
const sd8g2Clock = sourced(0.719e9, 'primua.com/adreno-740 (boost)');
const sd8g2Fp32 = peakOf(sd8g2Cores, sd8g2Clock, 2);
const sd8g3Cores = sourced(1536, 'github azhirnov/cpu-gpu-arch gpu/Adreno-700.md ("256 SIMD, 1536 threads")');
const sd8g3Clock = sourced(
  0.903e9,
  'gadget.jagatreview.com 2023/11 (Adreno 750 max clock in the power test)',
);
const sd8g3Fp32 = peakOf(sd8g3Cores, sd8g3Clock, 2);
const ADRENO_FP16 = 'Adreno runs FP16 at twice the FP32 rate (azhirnov: Adreno 660 and 750)';

export const PHONES: readonly PhoneProfile[] = [
  {
    name: 'a15',
    label: 'Apple A15 Bionic, 5-core GPU (iPhone 13 Pro)',
    gpuCores: a15Cores,
    maxFreqHz: sourced(1.338e9, 'askgeek.io/en/cpus/Apple/A15-Bionic'),
    fp32PeakFlopsPerS: a15Fp32,
    fp16PeakFlopsPerS: times(a15Fp32, 1, `no A15 figure found; as ${SAME_RATE_FP16}`),
    powerW: sourced(6, 'askgeek.io/en/cpus/Apple/A15-Bionic ("TDP", an estimate)'),
    choices:
      'power: askgeek 6 W vs cpu-monkey 10 W, both estimates, not measurements; 6 W chosen because the measured A16 (a larger GPU) draws 7.6 W in the same kind of load. Clock: askgeek 1338 MHz vs cpu-monkey 1340 MHz (same).',
  },
  {
    name: 'a16',
    label: 'Apple A16 Bionic, 5-core GPU',
    gpuCores: a16Cores,
    maxFreqHz: sourced(1.398e9, 'cryer.org.uk/A16_Bionic (Wikipedia copy); hmc-tech.com'),
    fp32PeakFlopsPerS: a16Fp32,
    fp16PeakFlopsPerS: times(a16Fp32, 1, SAME_RATE_FP16),
    powerW: sourced(7.6, 'mixzhare.com (Golden Reviewer, Wild Life Extreme)'),
    choices:
      'power: 7.6 W (WLE) chosen over notebookcheck "up to 8.3 W" (a peak) and tweakers 4.5 W (a game at 55–58 fps, below full clock).',
  },
  {
    name: 'a17-pro',
    label: 'Apple A17 Pro, 6-core GPU',
    gpuCores: sourced(768, 'hmc-tech.com/gpu/apple-6-core-a17-pro-vs-imagination-img-axe-2-16'),
    maxFreqHz: sourced(1.398e9, 'hmc-tech.com/gpu/apple-6-core-a17-pro-vs-imagination-img-axe-2-16'),
    fp32PeakFlopsPerS: a17Fp32,
    fp16PeakFlopsPerS: sourced(2.15e12, 'hmc-tech.com/gpu/apple-6-core-a17-pro-vs-imagination-img-axe-2-16'),
    powerW: derived(
      12.7 / 1.198,
      'jagatreview: Dimensity 9300 (12.7 W, WLE) uses 19.8% more than A17 Pro → 12.7 / 1.198',
    ),
    choices: 'power is second-hand (a ratio to the Dimensity 9300); no direct measurement found.',
  },
  {
    name: 'a18-pro',
    label: 'Apple A18 Pro, 6-core GPU',
    gpuCores: a18Cores,
    maxFreqHz: a18Clock,
    fp32PeakFlopsPerS: a18Fp32,
    fp16PeakFlopsPerS: times(a18Fp32, 1, SAME_RATE_FP16),
    powerW: sourced(9, 'probsee.com/p/apple_a18 (A18, peak ≈ 9 W; sustained 3–4 W)'),
    choices:
      'no A18 Pro clock or power found: the A18 (5-core) figures are used, so FP32 = 768 × 2 × 1.45 GHz is an assumption. Peak 9 W, not the 3–4 W sustained figure, to match the other phones (GPU-benchmark power).',
  },
  {
    name: 'sd8g1',
    label: 'Qualcomm Snapdragon 8 Gen 1 (Adreno 730)',
    gpuCores: sd8g1Cores,
    maxFreqHz: sd8g1Clock,
    fp32PeakFlopsPerS: sd8g1Fp32,
    fp16PeakFlopsPerS: times(sd8g1Fp32, 2, ADRENO_FP16),
    powerW: derived(
      7.5 + 2.5,
      '7.5 W (8 Gen 2, WLE, mixzhare) + 2.5 W (notebookcheck: 8+ Gen 1 draws up to 2.5 W more than 8 Gen 2)',
    ),
    choices:
      'weakest profile: Qualcomm publishes no ALU count or FLOPS; lanes and power are derived second-hand (the power from the 8+ Gen 1). Clock: nanoreview 818 MHz chosen over chipsandcheese 900 MHz (the 8+ Gen 1).',
  },
  {
    name: 'sd8g2',
    label: 'Qualcomm Snapdragon 8 Gen 2 (Adreno 740)',
    gpuCores: sd8g2Cores,
    maxFreqHz: sd8g2Clock,
    fp32PeakFlopsPerS: sd8g2Fp32,
    fp16PeakFlopsPerS: times(sd8g2Fp32, 2, ADRENO_FP16),
    powerW: sourced(7.5, 'mixzhare.com (Golden Reviewer, Wild Life Extreme); notebookcheck 7.3–7.6 W'),
    choices:
      "lanes: primua says 1024 shading units but also 3.7 TFLOPS, which its own 1024 × 2 × 719 MHz (1.47e12) contradicts; 1536 is chosen from the measured XR2 Gen 2 throughput. primua's 3.7 / 7.4 TFLOPS are not used.",
  },
  {
    name: 'sd8g3',
    label: 'Qualcomm Snapdragon 8 Gen 3 (Adreno 750)',
    gpuCores: sd8g3Cores,
    maxFreqHz: sd8g3Clock,
    fp32PeakFlopsPerS: sd8g3Fp32,
    fp16PeakFlopsPerS: times(sd8g3Fp32, 2, ADRENO_FP16),
    powerW: sourced(12.6, 'gadget.jagatreview.com 2023/11 (Wild Life Extreme, Adreno 750 at 903 MHz)'),
    choices:
      'clock: 903 MHz (measured with the power figure) chosen over the 1 GHz spec (azhirnov: 3.07e12 at 1 GHz), so that κ = P/f³ pairs a power with the clock it was measured at.',
  },
  {
    name: 'd9300',
    label: 'MediaTek Dimensity 9300 (Immortalis-G720 MC12)',
    gpuCores: sourced(12, 'overclockers.ru; tipsmake.com (MC12: 12 cores)'),
    maxFreqHz: sourced(1.3e9, 'cpuscores.com (Dimensity 9300)'),
    fp32PeakFlopsPerS: sourced(3.99e12, 'cpuscores.com ("compute power", precision not stated)'),
    fp16PeakFlopsPerS: sourced(3.99e12, 'cpuscores.com (the same figure; no FP16 rate found)'),
    powerW: sourced(12.7, 'gadget.jagatreview.com 2023/11 (Wild Life Extreme)'),
    choices:
      'the one throughput figure found (3.99e12, precision unstated) is taken as FP32 and, with no double-rate source, as FP16 too; ALU count not found, so D is per marketed core.',
  },
];

/** A phone's device parameters at a compute precision: C, D = peak/(C·f), f_max, κ = P/f³. */
export function phoneDevice(p: PhoneProfile, precision: 'fp32' | 'fp16') {
  const peak = precision === 'fp32' ? p.fp32PeakFlopsPerS : p.fp16PeakFlopsPerS;
  return deviceOf(p.gpuCores, p.maxFreqHz, peak, p.powerW);
}
