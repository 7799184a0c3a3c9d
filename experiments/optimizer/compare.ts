/**
 * The proposed method against every baseline on seeded 50×10 paper-default scenarios and 50-user
 * contested scenarios (MODEL.md §8): mean objective, delay, energy and stability per method, and
 * every scenario where a baseline beats the proposed method, with the margin.
 *
 *     npx tsx experiments/optimizer/compare.ts [SCENARIOS=20] [--json]
 */
import { ALGORITHMS, optimize, type AlgorithmName } from '../../src/optimizer/index.ts';
import { CONTESTED_PRESET, PAPER_PRESET, generateScenario, type Preset } from '../../src/scenario/index.ts';

export interface MethodRow {
  algorithm: AlgorithmName;
  meanObjective: number;
  meanTotalDelayS: number;
  meanTotalEnergyJ: number;
  meanStability: number;
  meanWallS: number;
}

export interface PresetComparison {
  preset: string;
  seeds: number[];
  methods: MethodRow[];
  /** Scenarios where a ranked baseline's objective is below the proposed one's. */
  wins: { seed: number; algorithm: AlgorithmName; proposed: number; baseline: number; marginRel: number }[];
}

const COMPARED = ALGORITHMS.filter((a) => a !== 'exact');
const RANKED: readonly AlgorithmName[] = ['ao', 'layers-only', 'resources-only', 'greedy', 'random'];

export async function comparePreset(preset: Preset, seeds: number[]): Promise<PresetComparison> {
  const sums = new Map<AlgorithmName, number[]>();
  const wins: PresetComparison['wins'] = [];
  for (const seed of seeds) {
    const scenario = generateScenario({ preset, seed });
    const objective = new Map<AlgorithmName, number>();
    for (const algorithm of COMPARED) {
      const t0 = performance.now();
      const s = await optimize(scenario, { algorithm });
      const wallS = (performance.now() - t0) / 1000;
      objective.set(algorithm, s.objective);
      const acc = sums.get(algorithm) ?? [0, 0, 0, 0, 0];
      [s.objective, s.metrics.totalDelayS, s.metrics.totalEnergyJ, s.metrics.stability, wallS].forEach((v, i) => { acc[i] = (acc[i] ?? 0) + v; });
      sums.set(algorithm, acc);
    }
    const proposed = objective.get('proposed') ?? NaN;
    for (const algorithm of RANKED) {
      const baseline = objective.get(algorithm) ?? NaN;
      if (baseline < proposed) wins.push({ seed, algorithm, proposed, baseline, marginRel: proposed / baseline - 1 });
    }
  }
  const methods = COMPARED.map((algorithm) => {
    const [o = NaN, d = NaN, e = NaN, st = NaN, w = NaN] = (sums.get(algorithm) ?? []).map((v) => v / seeds.length);
    return { algorithm, meanObjective: o, meanTotalDelayS: d, meanTotalEnergyJ: e, meanStability: st, meanWallS: w };
  });
  return { preset: preset.name, seeds, methods, wins };
}

export function formatComparison(c: PresetComparison): string {
  const lines = [`${c.preset} preset, ${c.seeds.length} scenarios (seeds ${c.seeds[0]}..${c.seeds[c.seeds.length - 1]}): means`,
    '  method           objective    delay (s)     energy (J)    stability   wall (s)'];
  for (const m of c.methods) {
    const st = Number.isFinite(m.meanStability) ? m.meanStability.toPrecision(5) : 'unbounded';
    lines.push(`  ${m.algorithm.padEnd(15)} ${m.meanObjective.toPrecision(6).padStart(10)} ${m.meanTotalDelayS.toPrecision(6).padStart(12)} `
      + `${m.meanTotalEnergyJ.toPrecision(6).padStart(13)} ${st.padStart(11)} ${m.meanWallS.toFixed(2).padStart(9)}`);
  }
  lines.push(c.wins.length === 0 ? '  no baseline beats the proposed method on any scenario'
    : `  baselines below the proposed method: ${c.wins.map((w) => `seed ${w.seed} ${w.algorithm} by ${(100 * w.marginRel).toExponential(2)}%`).join('; ')}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 20);
  const seeds = Array.from({ length: count }, (_, i) => i + 1);
  for (const preset of [PAPER_PRESET, CONTESTED_PRESET]) {
    const c = await comparePreset(preset, seeds);
    process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(c)}\n` : `${formatComparison(c)}\n`);
  }
}
