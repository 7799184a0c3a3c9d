/** Reading scenario and solution files for commands: file errors and validation errors become one InputError line. */
import { ValidationError, parseScenario, parseSolution } from '../scenario/parse.ts';
import type { Scenario, Solution } from '../scenario/schema.ts';
import { InputError, readJsonFile } from '../files/index.ts';

function validated<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ValidationError) throw new InputError(err.message);
    throw err;
  }
}

/** A validated scenario from a file. */
export function loadScenarioFile(path: string): Scenario {
  const json = readJsonFile(path, 'scenario file');
  return validated(() => parseScenario(json, `scenario file ${path}`));
}

/** A solution file's content, shape-checked (ranges: `checkSolution`). */
export function loadSolutionFile(path: string): Solution {
  const json = readJsonFile(path, 'solution file');
  return validated(() => parseSolution(json, `solution file ${path}`));
}
