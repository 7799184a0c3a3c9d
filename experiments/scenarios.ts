/** Scenarios of experiment tasks: a preset by name, sized and seeded per task. */
import { generateScenario, presetNamed } from '../src/scenario/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';

export const PRESET_NAMES = ['paper', 'contested'] as const;

export interface TaskScenario {
  readonly preset: string;
  readonly seed: number;
  readonly users?: number;
  readonly servers?: number;
  readonly weights?: Scenario['weights'];
}

export function taskScenario(o: TaskScenario): Scenario {
  const preset = presetNamed(o.preset);
  if (preset === undefined) throw new RangeError(`unknown preset '${o.preset}'`);
  const scenario = generateScenario({
    preset,
    seed: o.seed,
    ...(o.users === undefined ? {} : { users: o.users }),
    ...(o.servers === undefined ? {} : { servers: o.servers }),
  });
  // The normalisation does not depend on the weights (MODEL.md §5), so changing them is enough.
  return o.weights === undefined ? scenario : { ...scenario, weights: o.weights };
}

/**
 * The network of `--quick` runs: small enough that every experiment finishes in seconds (CI
 * checks the pipeline, not the numbers).
 */
export const QUICK_NETWORK = { users: 10, servers: 3 } as const;

/** The users and servers of a task: the preset's own, or the quick network. */
export function networkSize(quick: boolean): { users?: number; servers?: number } {
  return quick ? QUICK_NETWORK : {};
}
