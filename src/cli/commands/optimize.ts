import type { Command } from 'commander';
import { checkSolution, formatViolation } from '../../model/index.ts';
import {
  ALGORITHMS,
  FixError,
  InfeasibleScenarioError,
  isAlgorithmName,
  optimize,
  type OptimizedSolution,
} from '../../optimizer/index.ts';
import { InputError, writeFileAtomic } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import {
  collectSets,
  integerFlag,
  masterSeed,
  RANGES,
  SET_HELP,
  STRICT_NORMALIZATION_HELP,
} from '../flags.ts';
import { collectFixes, FIX_HELP, parseFixes } from '../fix-option.ts';
import { loadScenarioFile } from '../load.ts';
import { solutionFileText } from '../solution-file.ts';
import { addOptimizerLimitFlags, watchOptimizer } from '../run-limits.ts';

interface OptimizeFlags {
  algorithm: string;
  starts?: string;
  seed?: string;
  out?: string;
  json?: boolean;
  set?: string[];
  fix?: string[];
  strict?: boolean;
  maxWall?: string;
  maxIterations?: string;
  progress: boolean;
}

function summary(s: OptimizedSolution, fixed: readonly string[], stoppedBy: string | undefined): string {
  const m = s.metrics;
  const split = [...s.localLayers].sort((a, b) => a - b);
  return [
    ...(stoppedBy === undefined
      ? []
      : [`partial: stopped by ${stoppedBy}; the best plan found until then (feasible, not converged)`]),
    `algorithm ${s.algorithm}: objective ${m.objective.toPrecision(6)} after ${s.iterations} outer iteration(s) (${s.starts} start(s), ${s.lpSolves} LPs)`,
    ...(fixed.length === 0 ? [] : [`  fixed: ${fixed.join(', ')}`]),
    `  total delay ${m.totalDelayS.toPrecision(6)} s, mean ${m.meanDelayS.toPrecision(6)} s; energy ${m.totalEnergyJ.toPrecision(6)} J; stability ${m.stabilityBounded ? m.stability.toPrecision(6) : 'unbounded'}`,
    `  local layers: min ${split[0]}, median ${split[Math.floor(split.length / 2)]}, max ${split[split.length - 1]}`,
    `  history: ${s.history.map((h) => h.toPrecision(6)).join(' → ')}`,
    '',
  ].join('\n');
}

/** `mecsim optimize SCENARIO`: runs the proposed method or a baseline (MODEL.md §6, §7). */
export function configure(command: Command): void {
  command
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  mecsim optimize s.json --out sol.json',
        '  mecsim optimize s.json --algorithm greedy --json',
        '  mecsim optimize s.json --fix localLayers=4          # split held, association and resources optimised',
        '  mecsim optimize s.json --fix association=greedy     # association held, split and resources optimised',
        '  for l in 1 2 4 8; do mecsim optimize s.json --fix localLayers=$l --out sol-$l.json; done',
        '  mecsim optimize city.json --max-wall 60 --out sol.json   # the best plan after a minute, marked partial',
      ].join('\n'),
    )
    .argument('<scenario>', 'scenario file (mecsim scenario --out)')
    .option('--algorithm <name>', `one of ${ALGORITHMS.join(', ')}`, 'proposed')
    .option('--starts <k>', 'starting associations of the outer loop (default 3)')
    .option('--seed <s>', "master seed of the random starts and baselines (default: the scenario's)")
    .option('--fix <key=value>', FIX_HELP, collectFixes)
    .option('--set <path=value>', SET_HELP, collectSets)
    .option('--strict', STRICT_NORMALIZATION_HELP)
    .option('--out <file>', 'write the solution file here')
    .option('--json', 'print the solution file instead of a summary');
  addOptimizerLimitFlags(command).action((scenarioPath: string, flags: OptimizeFlags) =>
    runCommand(async () => {
      if (!isAlgorithmName(flags.algorithm)) {
        throw new InputError(
          `--algorithm: must be one of ${ALGORITHMS.join(', ')}, got '${flags.algorithm}'`,
        );
      }
      const starts = integerFlag('--starts', flags.starts, RANGES.starts);
      const seedFlag = integerFlag('--seed', flags.seed, RANGES.seed);
      const fixed = flags.fix ?? [];
      const fix = parseFixes(fixed);
      const scenario = loadScenarioFile(scenarioPath, { set: flags.set, strict: flags.strict });
      const seed = masterSeed(seedFlag, scenario);
      const watch = watchOptimizer({ ...flags });
      let solution: OptimizedSolution;
      try {
        solution = await optimize(scenario, {
          algorithm: flags.algorithm,
          seed,
          fix,
          watch: watch.watch,
          ...(starts === undefined ? {} : { starts }),
        });
      } catch (err) {
        watch.finish(false);
        if (err instanceof InfeasibleScenarioError) throw new InputError(`${scenarioPath}: ${err.message}`);
        if (err instanceof FixError)
          throw new InputError(`--fix${err.field === '' ? ':' : ''} ${err.message}`);
        throw err;
      }
      const stoppedBy = watch.finish(solution.partial === true);
      const violations = checkSolution(scenario, solution, {
        allowEdgeOnly: solution.algorithm === 'edge-only',
      });
      if (violations.length > 0)
        throw new Error(
          `the ${solution.algorithm} solution violates ${violations.map(formatViolation).join('; ')}`,
        );
      const text = solutionFileText({
        ...solution,
        allocation: solution,
        fixed,
        ...(stoppedBy === undefined ? {} : { stoppedBy }),
      });
      if (flags.out !== undefined) writeFileAtomic(flags.out, text);
      process.stdout.write(flags.json === true ? text : summary(solution, fixed, stoppedBy));
    }),
  );
}
