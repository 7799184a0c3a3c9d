/**
 * `optimize --fix KEY=VALUE` as text: `localLayers=4` (every user), `localLayers=1,2,4` (per user)
 * or `localLayers=FILE`; `association=greedy` (a rule), a server index, a list or a FILE. A file
 * is a JSON array or a solution file (its field of that name). Only the text is read here; the
 * optimizer checks lengths and ranges (`FixError`) and optimises the rest.
 */
import { existsSync } from 'node:fs';
import { ASSOCIATION_RULES, isAssociationRule, type FixedDecisions } from '../optimizer/index.ts';
import { InputError, readJsonFile } from '../files/index.ts';
import { ValidationError, parseSolution } from '../scenario/parse.ts';

const KEYS = ['localLayers', 'association'] as const;
type Key = (typeof KEYS)[number];

export const FIX_HELP =
  'hold a decision and optimise the rest: localLayers=N|N,N,...|FILE or ' +
  `association=${ASSOCIATION_RULES.join('|')}|M,M,...|FILE (FILE: a JSON array or a solution file; repeatable)`;

export const collectFixes = (value: string, previous: readonly string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function fromFile(key: Key, path: string): number[] {
  const flag = `--fix ${key}`;
  const json = readJsonFile(path, `${flag}: file`);
  let values: unknown = json;
  if (!Array.isArray(json)) {
    try {
      values = parseSolution(json, `${flag}: solution file ${path}`)[key];
    } catch (err) {
      if (err instanceof ValidationError) throw new InputError(err.message);
      throw err;
    }
  }
  const list = values as unknown[];
  const bad = list.findIndex((v) => typeof v !== 'number');
  if (bad >= 0)
    throw new InputError(
      `${flag}: file ${path}: entry ${bad} must be a number, got ${JSON.stringify(list[bad])}`,
    );
  return list as number[];
}

function valueOf(key: Key, text: string): number | number[] | string {
  const flag = `--fix ${key}`;
  if (NUMBER.test(text)) return Number(text);
  if (text.includes(',')) {
    const items = text.split(',').map((t) => t.trim());
    const bad = items.find((t) => !NUMBER.test(t));
    if (bad !== undefined) throw new InputError(`${flag}: '${text}' is not a list of numbers ('${bad}')`);
    return items.map(Number);
  }
  if (key === 'association' && isAssociationRule(text)) return text;
  if (!existsSync(text))
    throw new InputError(
      key === 'association'
        ? `${flag}: unknown rule '${text}' and no such file (choose from ${ASSOCIATION_RULES.join(', ')}; or a server index, a comma list, a file)`
        : `${flag}: '${text}' is not a number, a comma list or an existing file`,
    );
  return fromFile(key, text);
}

/** The `--fix` texts as the optimizer's fixed decisions; each key at most once. */
export function parseFixes(texts: readonly string[]): FixedDecisions {
  const out: Partial<Record<Key, number | number[] | string>> = {};
  for (const t of texts) {
    const eq = t.indexOf('=');
    const key = t.slice(0, Math.max(0, eq)).trim();
    if (eq <= 0 || !(KEYS as readonly string[]).includes(key))
      throw new InputError(`--fix: must be localLayers=VALUE or association=VALUE, got '${t}'`);
    const k = key as Key;
    if (out[k] !== undefined) throw new InputError(`--fix ${k}: given twice`);
    out[k] = valueOf(k, t.slice(eq + 1).trim());
  }
  return out as FixedDecisions;
}
