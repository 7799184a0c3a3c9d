/**
 * File input and output for the CLI (kept out of src/model and src/scenario, which must run in a
 * browser). Every failure becomes an InputError with one line naming the file.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.ts';
import { findJsonSyntaxError } from './json-syntax.ts';

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/**
 * Reads and parses a JSON file. `what` names it in errors, e.g. `scenario file s.json: invalid
 * JSON at line 3, column 12 (users[0].tokens): NaN and Infinity are not JSON numbers`.
 */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`${what} ${path}: ${reason(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const p = findJsonSyntaxError(text);
    if (p === undefined) throw new InputError(`${what} ${path}: invalid JSON: ${reason(err)}`);
    const at = p.path === '(root)' ? '' : ` (${p.path})`;
    throw new InputError(`${what} ${path}: invalid JSON at line ${p.line}, column ${p.column}${at}: ${p.message}`);
  }
}

/**
 * Writes `text` to `path` all or nothing: a temporary file in the same directory, flushed, then
 * renamed over the target (atomic on one file system). A failure leaves no file behind.
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InputError(`cannot write ${path}: ${reason(err)}`);
  }
}
