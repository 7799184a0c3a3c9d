// Directory trees as {relative path: content}, for byte-for-byte comparisons of experiment outputs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function readTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, readTree(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

/** The compared outputs: everything but the wall-clock files (wall-time/, wall-time.csv). */
export function comparedTree(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(readTree(dir)).filter(([k]) => !k.startsWith('wall-time')));
}
