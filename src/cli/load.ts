/** Reading scenario and solution files for commands: file errors and validation errors become one InputError line. */
import { normalizationOf } from '../model/reference.ts';
import { staleNormalization } from '../scenario/normalization.ts';
import { applySets } from '../scenario/overrides.ts';
import { ValidationError, parseScenario, parseSolution } from '../scenario/parse.ts';
import type { Scenario, Solution } from '../scenario/schema.ts';
import { InputError, readJsonFile } from '../files/index.ts';
import { asInput, noteRecomputed } from './scenario-spec.ts';

function validated<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ValidationError) throw new InputError(err.message);
    throw err;
  }
}

export interface ScenarioLoadOptions {
  /** `--set PATH=VALUE` overrides, applied after the file is checked. */
  readonly set?: readonly string[] | undefined;
  /** A stale normalisation is an error, not a warning. */
  readonly strict?: boolean | undefined;
  /** Recompute the normalisation whatever it stores (`mecsim scenario --from`), without a warning. */
  readonly renormalize?: boolean | undefined;
}

/**
 * A validated scenario from a file, with `--set` applied. A file whose stored normalisation no
 * longer matches its inputs (hand-edited) gets one line on stderr naming the command that
 * renormalises it; with `strict` that line is the error.
 */
export function loadScenarioFile(path: string, options: ScenarioLoadOptions = {}): Scenario {
  const json = readJsonFile(path, 'scenario file');
  const scenario = validated(() => parseScenario(json, `scenario file ${path}`));
  const stale = staleNormalization(scenario);
  if (options.renormalize === true) {
    const { scenario: out, recomputed } = asInput(() => applySets(scenario, options.set ?? []));
    const renormalized = { ...out, normalization: normalizationOf(out) };
    noteRecomputed(recomputed);
    if (stale !== undefined && !recomputed.includes('normalization'))
      noteRecomputed(['normalization'], `scenario file ${path}: ${stale}`);
    return renormalized;
  }
  if (stale !== undefined) {
    const line = `scenario file ${path}: ${stale}; renormalise with: mecsim scenario --from ${path} --out ${path}`;
    if (options.strict === true) throw new InputError(line);
    process.stderr.write(`mecsim: warning: ${line}\n`);
  }
  const { scenario: out, recomputed } = asInput(() => applySets(scenario, options.set ?? []));
  noteRecomputed(recomputed);
  return out;
}

/** A solution file's content, shape-checked (ranges: `checkSolution`). */
export function loadSolutionFile(path: string): Solution {
  const json = readJsonFile(path, 'solution file');
  return validated(() => parseSolution(json, `solution file ${path}`));
}
