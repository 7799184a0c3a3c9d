/**
 * The one way a command makes a scenario from settings (flags of `scenario`, `run`, config files):
 * a generator preset (`paper`, `contested`) or a composition from profiles (`realistic`, or any
 * of --phones, --edge-gpus, --llm, --finetune, --precision, --radio), then `--set` overrides.
 * Bad input is one InputError line naming the flag (or config key) and what is allowed.
 */
import { InputError } from '../files/index.ts';
import { composeScenario } from '../scenario/compose.ts';
import { generateScenario } from '../scenario/generate.ts';
import { applySets } from '../scenario/overrides.ts';
import { ValidationError } from '../scenario/parse.ts';
import { PRESET_NAMES_ALL, PROFILE_PRESETS, presetNamed } from '../scenario/presets.ts';
import {
  EDGE_GPUS,
  PHONES,
  llmNamed,
  parseFinetune,
  parseMix,
  precisionNamed,
  radioNamed,
} from '../scenario/profiles/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { DEFAULT_SEED } from './flags.ts';

export interface ScenarioSettings {
  readonly preset?: string | undefined;
  readonly users?: number | undefined;
  readonly servers?: number | undefined;
  readonly layers?: number | undefined;
  readonly seed?: number | undefined;
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
export function noteRecomputed(recomputed: readonly string[]): void {
  if (recomputed.length > 0) process.stderr.write(`mecsim: --set: recomputed ${recomputed.join(', ')}\n`);
}

/** The scenario the settings ask for; `label` names a setting in error lines. */
export function buildScenario(s: ScenarioSettings, label: (key: string) => string = flagLabel): Scenario {
  return asInput(() => {
    const profileKeys = PROFILE_SETTINGS.filter((k) => s[k] !== undefined);
    const name = s.preset ?? (profileKeys.length > 0 ? 'realistic' : 'paper');
    const seed = s.seed ?? DEFAULT_SEED;
    const generator = presetNamed(name);
    const recipe = PROFILE_PRESETS[name];
    let scenario: Scenario;
    if (generator !== undefined) {
      if (profileKeys.length > 0) {
        throw new InputError(
          `${label(profileKeys[0]!)}: composes a scenario from profiles, which the ${name} preset is not; use --preset realistic or leave --preset out`,
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
      throw new InputError(
        `${label('preset')}: must be one of ${PRESET_NAMES_ALL.join(', ')}, got '${name}'`,
      );
    }
    const { scenario: out, recomputed } = applySets(scenario, s.set ?? []);
    noteRecomputed(recomputed);
    return out;
  });
}
