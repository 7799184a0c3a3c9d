// Writing experiment files for a test, and reading the one line a wrong one gets.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import { InputError } from '../../src/files/index.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { oneLineError } from '../one-line-error.ts';

/** A writer of numbered files e0.yaml, e1.yaml, … (or .json) in a new temporary folder. */
export function fileWriter(prefix: string): (doc: unknown, ext?: 'yaml' | 'json') => string {
  const dir = mkdtempSync(join(tmpdir(), `mecsim-${prefix}-`));
  let n = 0;
  return (doc, ext = 'yaml') => {
    const path = join(dir, `e${n++}.${ext}`);
    writeFileSync(path, ext === 'json' ? JSON.stringify(doc) : stringify(doc));
    return path;
  };
}

/** Loading the file fails with one InputError line that names the file, then matches `line`. */
export function expectFileError(path: string, line: RegExp): void {
  const message = oneLineError(() => loadExperimentFile(path), InputError);
  expect(message).toMatch(new RegExp(`^experiment file ${path.replaceAll('.', '\\.')}: `));
  expect(message).toMatch(line);
}
