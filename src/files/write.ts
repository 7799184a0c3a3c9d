/**
 * Writing output files all or nothing, so that a failed or interrupted command leaves no partial
 * file: a temporary file in the same directory, flushed, then renamed over the target (atomic on
 * one file system).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './input-error.ts';
import { fileErrorReason } from './read.ts';

/** The temporary name `path` is written under; a dot file, so listings of outputs skip it. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Writes `text` to `path` atomically; a failure leaves no file behind and the old target intact. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = temporaryPath(path);
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
    throw new InputError(`cannot write ${path}: ${fileErrorReason(err)}`);
  }
}
