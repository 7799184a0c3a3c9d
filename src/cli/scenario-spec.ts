/**
 * The one way a command makes a scenario from settings (flags of `scenario`, `run`, config files):
 * a generator preset (`paper`, `contested`) or a composition from profiles (`realistic`, or any
 * of --phones, --edge-gpus, --llm, --finetune, --precision, --radio), then `--set` overrides.
 * Bad input is one InputError line naming the flag (or config key) and what is allowed.
 */
import { buildScenarioFrom, PROFILE_SETTINGS, type ScenarioSettings as Settings } from '../scenario/build.ts';
import { ValidationError } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { InputError } from '../files/index.ts';
import { DEFAULT_SEED } from './flags.ts';

/** The settings of a command; the seed defaults to the CLI's. */
export type ScenarioSettings = Omit<Settings, 'seed'> & { readonly seed?: number | undefined };

export { PROFILE_SETTINGS };

/** `--edge-gpus` for `edgeGpus`: how a setting is named in messages by default. */
export const flagLabel = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** ValidationErrors (profiles, mixes, --set) become InputErrors: exit 2, one line. */
export function asInput<T>(body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof ValidationError) throw new InputError(err.message);
    throw err;
  }
}

/** Recomputed-field notes of `--set`, one line on stderr (nothing when nothing was recomputed). */
export function noteRecomputed(recomputed: readonly string[], cause = '--set'): void {
  if (recomputed.length > 0) process.stderr.write(`mecsim: ${cause}: recomputed ${recomputed.join(', ')}\n`);
}

/** The scenario the settings ask for; `label` names a setting in error lines. */
export function buildScenario(s: ScenarioSettings, label: (key: string) => string = flagLabel): Scenario {
  return asInput(() => {
    const { scenario, recomputed } = buildScenarioFrom({ ...s, seed: s.seed ?? DEFAULT_SEED }, label);
    noteRecomputed(recomputed);
    return scenario;
  });
}
