/**
 * Edge-server GPUs: CUDA cores, boost clock, FP32 and dense FP16/BF16 tensor-core throughput,
 * board power (TDP). The model reads C·D·f and κ·f³: D = peak/(C·f_boost) and κ = TDP/f_boost³
 * are derived (`edgeDevice`); κ counts all board power as if it were dynamic, so it is an upper
 * bound. Figures from /work/shared/reference/hardware-and-models.md §2, which names each page.
 * NVIDIA's "with sparsity" figures are twice the dense ones; only dense figures are used.
 */
import { deviceOf, derived, sourced, type Sourced } from './sourced.ts';

export interface EdgeGpuProfile {
  readonly name: string;
  readonly label: string;
  readonly gpuCores: Sourced;
  readonly maxFreqHz: Sourced;
  readonly fp32PeakFlopsPerS: Sourced;
  /** Dense FP16/BF16 tensor-core peak. */
  readonly fp16PeakFlopsPerS: Sourced;
  readonly tdpW: Sourced;
  readonly choices: string;
}

const HF_CATALOG = 'huggingface.co/RajBhope/gpu-runtime-predictor gpu_catalog.json';

export const EDGE_GPUS: readonly EdgeGpuProfile[] = [
  {
    name: 't4',
    label: 'NVIDIA T4 (16 GB, PCIe)',
    gpuCores: sourced(2560, `${HF_CATALOG}; sysrqmts.com (Tesla T4)`),
    maxFreqHz: sourced(1.59e9, `${HF_CATALOG}; sysrqmts.com; T4 deviceQuery gist`),
    fp32PeakFlopsPerS: sourced(8.1e12, `${HF_CATALOG}; geektopia.es launch report`),
    fp16PeakFlopsPerS: sourced(65e12, `${HF_CATALOG}; huggingface.co/hardware/t4 (65.13)`),
    tdpW: sourced(70, 'sysrqmts.com (Tesla T4); huggingface.co/hardware/t4'),
    choices:
      'TDP: 70 W (product listings) chosen over the 75 W of the 2018 launch reports (tomshardware, geektopia).',
  },
  {
    name: 'v100',
    label: 'NVIDIA V100 PCIe (16/32 GB)',
    gpuCores: sourced(5120, 'hmc-tech.com (V100); sysrqmts.com (V100 PCIe)'),
    maxFreqHz: sourced(1.38e9, 'hmc-tech.com; sysrqmts.com'),
    fp32PeakFlopsPerS: sourced(14.13e12, 'hmc-tech.com; sysrqmts.com'),
    fp16PeakFlopsPerS: sourced(
      112e12,
      'github cli99/llm-analysis gpu_configs/v100-pcie-16gb.json; hahnyuan/LLM-Viewer',
    ),
    tdpW: sourced(250, 'hmc-tech.com/gpu/nvidia_v100-vs-nvidia_t40'),
    choices: 'TDP: 250 W (hmc-tech) chosen over sysrqmts 300 W, which is the SXM2 board figure.',
  },
  {
    name: 'a10',
    label: 'NVIDIA A10 (24 GB)',
    gpuCores: sourced(9216, 'sysrqmts.com (A10 PCIe)'),
    maxFreqHz: sourced(1.695e9, 'sysrqmts.com (A10 PCIe)'),
    fp32PeakFlopsPerS: sourced(31.24e12, 'sysrqmts.com (A10 PCIe)'),
    fp16PeakFlopsPerS: sourced(125e12, 'gist.github.com/kimbochen (A10 table)'),
    tdpW: sourced(150, 'gist.github.com/kimbochen (A10 table)'),
    choices: 'not the A10G (80 SMs, 62.5 FP16 in the HF catalog), a different SKU.',
  },
  {
    name: 'l4',
    label: 'NVIDIA L4 (24 GB)',
    gpuCores: sourced(7424, 'fpsbench.com (L4 vs Tesla M40)'),
    maxFreqHz: sourced(2.04e9, 'fpsbench.com; pcpartdb.com; cputronic.com; hmc-tech.com'),
    fp32PeakFlopsPerS: sourced(30.29e12, 'fpsbench.com (7424 × 2 × 2.04 GHz)'),
    fp16PeakFlopsPerS: derived(242e12 / 2, 'grokipedia NVIDIA_L4_vs_L40S: 242e12 with sparsity / 2'),
    tdpW: sourced(72, 'fpsbench.com; pcpartdb.com; grokipedia'),
    choices:
      'cores: 7424 (fpsbench, 30.29 TFLOPS) vs 7680 (pcpartdb, cputronic, hmc-tech, 31.33 TFLOPS); 7424 chosen as it matches the 30.3 TFLOPS usually quoted for the L4. FP16 121 (dense, derived) vs hmc-tech 125.34.',
  },
  {
    name: 'a100',
    label: 'NVIDIA A100 40 GB PCIe',
    gpuCores: sourced(6912, 'sysrqmts.com (A100 PCIe); thundercompute.com A100 guide'),
    maxFreqHz: sourced(1.41e9, 'sysrqmts.com; thundercompute.com'),
    fp32PeakFlopsPerS: sourced(19.5e12, 'glennklockwood.com/garden/processors/A100 (NVIDIA datasheet)'),
    fp16PeakFlopsPerS: sourced(
      312e12,
      'glennklockwood.com (NVIDIA datasheet); cli99/llm-analysis; LLM-Viewer',
    ),
    tdpW: sourced(250, 'thundercompute.com; sysrqmts.com'),
    choices: 'the 40 GB PCIe card (250 W); the 80 GB PCIe is 300 W with the same throughput.',
  },
  {
    name: 'h100',
    label: 'NVIDIA H100 PCIe (80 GB)',
    gpuCores: sourced(14592, 'cputronic.com (H100 PCIe); gpu.blog'),
    maxFreqHz: sourced(1.755e9, 'cputronic.com (H100 PCIe)'),
    fp32PeakFlopsPerS: sourced(51e12, 'archive-lib.hpctech.co.jp (H100); gpu.blog'),
    fp16PeakFlopsPerS: sourced(756e12, 'cli99/llm-analysis h100-pcie-80gb.json (= 1513 sparse / 2, hpctech)'),
    tdpW: sourced(350, 'cputronic.com; gist.github.com/kimbochen'),
    choices:
      "boost 1755 MHz (cputronic) chosen over gpu.blog 1770 MHz (gpu.blog also gives the SXM SM count); TDP 350 W, the top of hpctech's 300–350 W.",
  },
  {
    name: 'orin',
    label: 'NVIDIA Jetson AGX Orin 64 GB (MAXN)',
    gpuCores: sourced(2048, 'mzph.cn/web/30785.shtml (NVIDIA Jetson AGX Orin technical brief)'),
    maxFreqHz: derived(5.3e12 / (2 * 2048), '5.3e12 FLOP/s / (2 × 2048 cores)'),
    fp32PeakFlopsPerS: sourced(5.3e12, 'mzph.cn/web/30785.shtml (technical brief)'),
    fp16PeakFlopsPerS: derived(
      170e12 / 2 / 2,
      '170e12 sparse INT8 GPU ops/s (technical brief) / 2 (dense) / 2 (FP16 = INT8/2 as on A100)',
    ),
    tdpW: sourced(60, 'blog.us.fixstars.com/?p=1855 (MAXN power mode 60 W)'),
    choices:
      'no official clock or dense FP16 figure found: both are derived, FP16 by assuming A100-like ratios.',
  },
];

/** An edge GPU's server parameters at a compute precision: C, D = peak/(C·f), f_max, κ = TDP/f³. */
export function edgeDevice(p: EdgeGpuProfile, precision: 'fp32' | 'fp16') {
  const peak = precision === 'fp32' ? p.fp32PeakFlopsPerS : p.fp16PeakFlopsPerS;
  return deviceOf(p.gpuCores, p.maxFreqHz, peak, p.tdpW);
}
