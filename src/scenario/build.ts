/**
 * A scenario from settings, the one way commands and experiment files make one: a generator
 * preset (`paper`, `contested`) or a composition from profiles (`realistic`, or any of phones,
 * edgeGpus, llm, finetune, precision, radio), then `--set` overrides. Bad settings throw a
 * ValidationError (one line naming the setting through `label`).
 */
import { composeScenario } from './compose.ts';
import { generateScenario } from './generate.ts';
import { applySets } from './overrides.ts';
import { ValidationError } from './parse.ts';
import { PRESET_NAMES_ALL, PROFILE_PRESETS, presetNamed } from './presets.ts';
import {
  EDGE_GPUS,
  PHONES,
  llmNamed,
  parseFinetune,
  parseMix,
  precisionNamed,
  radioNamed,
} from './profiles/index.ts';
import type { Scenario } from './schema.ts';

export interface ScenarioSettings {
  readonly preset?: string | undefined;
  readonly users?: number | undefined;
  readonly servers?: number | undefined;
  readonly layers?: number | undefined;
  readonly seed: number;
  readonly uplinkDelay?: boolean | undefined;
  readonly phones?: string | undefined;
  readonly edgeGpus?: string | undefined;
  readonly llm?: string | undefined;
  readonly finetune?: string | undefined;
  readonly precision?: string | undefined;
  readonly radio?: string | undefined;
  readonly set?: readonly string[] | undefined;
}

export const PROFILE_SETTINGS = ['phones', 'edgeGpus', 'llm', 'finetune', 'precision', 'radio'] as const;

/** The scenario, and the derived fields `set` recomputed (for a note). */
export interface BuiltScenario {
  readonly scenario: Scenario;
  readonly recomputed: readonly string[];
}

const invalid = (message: string, field: string): never => {
  throw new ValidationError(message, field);
};

/** The scenario the settings ask for; `label` names a setting in error lines. */
export function buildScenarioFrom(s: ScenarioSettings, label: (key: string) => string): BuiltScenario {
  const profileKeys = PROFILE_SETTINGS.filter((k) => s[k] !== undefined);
  const name = s.preset ?? (profileKeys.length > 0 ? 'realistic' : 'paper');
  const seed = s.seed;
  const generator = presetNamed(name);
  const recipe = PROFILE_PRESETS[name];
  let scenario: Scenario;
  if (generator !== undefined) {
    if (profileKeys.length > 0) {
      invalid(
        `${label(profileKeys[0]!)}: composes a scenario from profiles, which the ${name} preset is not; use preset realistic or leave the preset out`,
        profileKeys[0]!,
      );
    }
    scenario = generateScenario({
      preset: generator,
      seed,
      ...(s.users === undefined ? {} : { users: s.users }),
      ...(s.servers === undefined ? {} : { servers: s.servers }),
      ...(s.layers === undefined ? {} : { layers: s.layers }),
      ...(s.uplinkDelay === undefined ? {} : { uplinkDelay: s.uplinkDelay }),
    });
  } else if (recipe !== undefined) {
    const names = (list: readonly { name: string }[]) => list.map((p) => p.name);
    const composed = composeScenario(
      {
        ...recipe,
        ...(s.phones === undefined ? {} : { phones: parseMix(s.phones, names(PHONES), label('phones')) }),
        ...(s.edgeGpus === undefined
          ? {}
          : { edgeGpus: parseMix(s.edgeGpus, names(EDGE_GPUS), label('edgeGpus')) }),
        ...(s.llm === undefined ? {} : { llm: llmNamed(s.llm, label('llm')).name }),
        ...(s.finetune === undefined ? {} : { finetune: parseFinetune(s.finetune, label('finetune')) }),
        ...(s.precision === undefined
          ? {}
          : { precision: precisionNamed(s.precision, label('precision')).name }),
        ...(s.radio === undefined ? {} : { radio: radioNamed(s.radio, label('radio')).name }),
        ...(profileKeys.length > 0 ? { name: 'profiles' } : {}),
      },
      {
        seed,
        ...(s.users === undefined ? {} : { users: s.users }),
        ...(s.servers === undefined ? {} : { servers: s.servers }),
        ...(s.uplinkDelay === undefined ? {} : { uplinkDelay: s.uplinkDelay }),
      },
    );
    // The profile fixes the layers; --layers keeps the first L of them.
    scenario = s.layers === undefined ? composed : applySets(composed, [`llm.layers=${s.layers}`]).scenario;
  } else {
    scenario = invalid(
      `${label('preset')}: must be one of ${PRESET_NAMES_ALL.join(', ')}, got '${name}'`,
      'preset',
    );
  }
  return applySets(scenario, s.set ?? []);
}
