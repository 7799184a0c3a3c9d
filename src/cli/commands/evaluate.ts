import type { Command } from 'commander';
import { evaluate } from '../../model/evaluate.ts';
import { checkSolution, formatViolation } from '../../model/feasibility.ts';
import { metricsToJson } from '../../scenario/format.ts';
import { InputError } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { jsonText } from '../json-output.ts';
import { collectSets, SET_HELP } from '../flags.ts';
import { loadScenarioFile, loadSolutionFile } from '../load.ts';
import { formatMetricsTable } from '../metrics-table.ts';

/** At most this many violations are spelled out on the one error line. */
const MAX_LISTED = 8;

export interface EvaluateFlags {
  json?: boolean;
  strict?: boolean;
  set?: string[];
}

/**
 * `mecsim evaluate SCENARIO SOLUTION`: the analytic metrics of a solution (MODEL.md §3–§5).
 * An infeasible solution is an input error whose one line lists the violated constraints.
 */
export function configure(command: Command): void {
  command
    .addHelpText(
      'after',
      '\nExamples:\n  mecsim evaluate s.json sol.json\n  mecsim evaluate s.json sol.json --json --strict',
    )
    .argument('<scenario>', 'scenario file (mecsim scenario --out)')
    .argument('<solution>', 'solution file')
    .option('--json', 'print the metrics as one JSON document')
    .option(
      '--strict',
      'enforce (9a): reject the edge-only baseline (0 local layers); a stale normalisation is an error',
    )
    .option('--set <path=value>', SET_HELP, collectSets)
    .action((scenarioPath: string, solutionPath: string, flags: EvaluateFlags) =>
      runCommand(() => {
        process.stdout.write(evaluateFiles(scenarioPath, solutionPath, flags));
      }),
    );
}

/**
 * What `mecsim evaluate` prints for two files: the metrics table, or with `json` one JSON
 * document. Throws an InputError (one line) for a bad file or an infeasible solution.
 */
export function evaluateFiles(scenarioPath: string, solutionPath: string, flags: EvaluateFlags = {}): string {
  const scenario = loadScenarioFile(scenarioPath, { set: flags.set ?? [], strict: flags.strict });
  const solution = loadSolutionFile(solutionPath);
  const violations = checkSolution(scenario, solution, { allowEdgeOnly: flags.strict !== true });
  if (violations.length > 0) {
    const listed = violations.slice(0, MAX_LISTED).map(formatViolation).join('; ');
    const more = violations.length > MAX_LISTED ? `; and ${violations.length - MAX_LISTED} more` : '';
    const count = `${violations.length} violated constraint${violations.length === 1 ? '' : 's'}`;
    throw new InputError(
      `solution file ${solutionPath} is infeasible for ${scenarioPath}, ${count}: ${listed}${more}`,
    );
  }
  const metrics = evaluate(scenario, solution);
  return flags.json === true ? jsonText(metricsToJson(metrics)) : formatMetricsTable(metrics, solution);
}
