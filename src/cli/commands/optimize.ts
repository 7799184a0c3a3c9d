import type { Command } from 'commander';
import { checkSolution, formatViolation } from '../../model/index.ts';
import {
  ALGORITHMS, InfeasibleScenarioError, isAlgorithmName, optimize, type OptimizedSolution,
} from '../../optimizer/index.ts';
import { finiteOrNull, metricsToJson, toJsonText } from '../../scenario/format.ts';
import { InputError, runCommand } from '../errors.ts';
import { writeFileAtomic } from '../io.ts';
import { loadScenarioFile } from '../load.ts';
import { integerFlag } from './scenario.ts';

interface OptimizeFlags {
  algorithm: string;
  starts?: string;
  out?: string;
  json?: boolean;
}


/** The solution file record (DESIGN.md contract; JSON has no Infinity, so unbounded → null). */
export function solutionJson(s: OptimizedSolution): unknown {
  return {
    version: 1,
    algorithm: s.algorithm,
    iterations: s.iterations,
    association: s.association,
    localLayers: s.localLayers,
    powerW: s.powerW,
    bandwidthHz: s.bandwidthHz,
    userFreqHz: s.userFreqHz,
    edgeFreqHz: s.edgeFreqHz,
    metrics: metricsToJson(s.metrics),
    history: s.history.map(finiteOrNull),
    starts: s.starts,
    lpSolves: s.lpSolves,
  };
}

function summary(s: OptimizedSolution): string {
  const m = s.metrics;
  const split = [...s.localLayers].sort((a, b) => a - b);
  return [
    `algorithm ${s.algorithm}: objective ${m.objective.toPrecision(6)} after ${s.iterations} outer iteration(s) (${s.starts} start(s), ${s.lpSolves} LPs)`,
    `  total delay ${m.totalDelayS.toPrecision(6)} s, mean ${m.meanDelayS.toPrecision(6)} s; energy ${m.totalEnergyJ.toPrecision(6)} J; stability ${m.stabilityBounded ? m.stability.toPrecision(6) : 'unbounded'}`,
    `  local layers: min ${split[0]}, median ${split[Math.floor(split.length / 2)]}, max ${split[split.length - 1]}`,
    `  history: ${s.history.map((h) => h.toPrecision(6)).join(' → ')}`,
    '',
  ].join('\n');
}

/** `mecsim optimize SCENARIO`: runs the proposed method or a baseline (MODEL.md §6, §7). */
export function registerOptimize(program: Command): void {
  program
    .command('optimize')
    .description("optimise split, association, power, bandwidth and GPU frequencies (the paper's algorithm or a baseline)")
    .addHelpText('after', '\nExamples:\n  mecsim optimize s.json --out sol.json\n  mecsim optimize s.json --algorithm greedy --json')
    .argument('<scenario>', 'scenario file (mecsim scenario --out)')
    .option('--algorithm <name>', `one of ${ALGORITHMS.join(', ')}`, 'proposed')
    .option('--starts <k>', 'starting associations of the outer loop (default 3)')
    .option('--out <file>', 'write the solution file here')
    .option('--json', 'print the solution file instead of a summary')
    .action((scenarioPath: string, flags: OptimizeFlags) => runCommand(async () => {
      if (!isAlgorithmName(flags.algorithm)) {
        throw new InputError(`--algorithm: must be one of ${ALGORITHMS.join(', ')}, got '${flags.algorithm}'`);
      }
      const starts = integerFlag('--starts', flags.starts, 1, 1000);
      const scenario = loadScenarioFile(scenarioPath);
      let solution: OptimizedSolution;
      try {
        solution = await optimize(scenario, { algorithm: flags.algorithm, ...(starts === undefined ? {} : { starts }) });
      } catch (err) {
        if (err instanceof InfeasibleScenarioError) throw new InputError(`${scenarioPath}: ${err.message}`);
        throw err;
      }
      const violations = checkSolution(scenario, solution, { allowEdgeOnly: solution.algorithm === 'edge-only' });
      if (violations.length > 0) throw new Error(`the ${solution.algorithm} solution violates ${violations.map(formatViolation).join('; ')}`);
      const text = toJsonText(solutionJson(solution));
      if (flags.out !== undefined) writeFileAtomic(flags.out, text);
      process.stdout.write(flags.json === true ? text : summary(solution));
    }));
}
