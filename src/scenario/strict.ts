/**
 * Input objects that refuse unknown keys. A misspelt key (`objective.uplinkdelay`) must not be
 * dropped in silence, so every object of every file mecsim reads (scenario, solution, config,
 * experiment) is built with `strictObject`, whose error names the key and the nearest known one.
 */
import { z } from 'zod';

/** Edit distance between two short keys (case counts as half a change, so `uplinkdelay` is near). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const swap = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.5 : 1;
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + swap));
    }
    row = next;
  }
  return row[b.length]!;
}

/** The known key nearest to `key`, when it is near enough to be a slip (a third of its letters). */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, key.length / 3);
  for (const k of known) {
    const d = distance(key, k);
    if (d <= bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** `unknown key 'uplinkdelay' (did you mean 'uplinkDelay'?)`, and how many more there are. */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
  const key = keys[0] ?? '';
  const guess = nearestKey(key, known);
  const hint = guess === undefined ? ` (known: ${known.join(', ')})` : ` (did you mean '${guess}'?)`;
  const more =
    keys.length > 1 ? `, and ${keys.length - 1} more unknown key${keys.length > 2 ? 's' : ''}` : '';
  return `unknown key '${key}'${hint}${more}`;
}

/** `z.strictObject` whose unknown-key error says which key and what was probably meant. */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S): z.ZodObject<S, z.core.$strict> {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys, known) : undefined,
  });
}
