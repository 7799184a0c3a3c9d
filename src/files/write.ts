/**
 * Writing output files all or nothing, so that a failed or interrupted command leaves no partial
 * file: a temporary file in the same directory, flushed, then renamed over the target (atomic on
 * one file system). Only a regular file is ever replaced: a symbolic link is followed (the link
 * stays, its target is rewritten), a character device or FIFO (`/dev/null`, `/dev/stdout`, a
 * named pipe) is written through, and anything else (a folder, a socket) is refused.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './input-error.ts';
import { fileErrorReason } from './read.ts';
import { noteOutput, releaseTemporary, trackTemporary } from './temporaries.ts';

/** The temporary name `path` is written under; a dot file, so listings of outputs skip it. */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** How an output path is written: replaced through a temporary, or written through in place. */
type Target = { readonly mode: 'replace' | 'through'; readonly path: string };

/** Why `path` cannot be an output file, or undefined when it can (absent, regular, device, FIFO). */
export function outputFileProblem(path: string): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined; // absent (or a dangling link): created, and any failure reported when written
  }
  if (stat.isFile() || stat.isCharacterDevice() || stat.isFIFO()) return undefined;
  return stat.isDirectory() ? 'is a directory' : 'is not a regular file';
}

function targetOf(path: string): Target {
  const problem = outputFileProblem(path);
  if (problem !== undefined) throw new InputError(`cannot write ${path}: ${problem}`);
  let real: string;
  try {
    if (!statSync(path).isFile()) return { mode: 'through', path }; // as named: /dev/stdout may be a pipe
    real = realpathSync(path);
  } catch {
    return { mode: 'replace', path };
  }
  return { mode: 'replace', path: real };
}

/**
 * An output file written in pieces (a trace streamed during a run): nothing appears under `path`
 * until `commit()`; `abort()`, a failure, or an interrupt of the process leaves no file behind.
 */
export class AtomicFile {
  private readonly fd: number;
  /** Where the bytes end up: the path, or the file a symbolic link there points to. */
  private readonly target: string;
  /** The temporary written first; undefined when writing through to a device or FIFO. */
  private readonly tmp: string | undefined;
  private open = true;

  constructor(private readonly path: string) {
    const target = targetOf(path);
    this.target = target.path;
    this.tmp = target.mode === 'replace' ? temporaryPath(target.path) : undefined;
    try {
      if (this.tmp !== undefined) trackTemporary(this.tmp);
      this.fd = openSync(this.tmp ?? target.path, 'w');
    } catch (err) {
      this.discard();
      throw new InputError(`cannot write ${path}: ${fileErrorReason(err)}`);
    }
  }

  write(chunk: string): void {
    try {
      writeSync(this.fd, chunk);
    } catch (err) {
      this.abort();
      throw new InputError(`cannot write ${this.path}: ${fileErrorReason(err)}`);
    }
  }

  /** Flushes and renames the file into place. */
  commit(): void {
    try {
      if (this.tmp !== undefined) fsyncSync(this.fd);
      this.closeFd();
      if (this.tmp !== undefined) renameSync(this.tmp, this.target);
    } catch (err) {
      this.abort();
      throw new InputError(`cannot write ${this.path}: ${fileErrorReason(err)}`);
    }
    if (this.tmp !== undefined) releaseTemporary(this.tmp);
    noteOutput(this.path);
  }

  /** Drops what was written; the old target, if any, stays as it was. */
  abort(): void {
    this.closeFd();
    this.discard();
  }

  private closeFd(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }

  private discard(): void {
    if (this.tmp === undefined) return;
    rmSync(this.tmp, { force: true });
    releaseTemporary(this.tmp);
  }
}

/** Writes `text` to `path` atomically; a failure leaves no file behind and the old target intact. */
export function writeFileAtomic(path: string, text: string): void {
  const file = new AtomicFile(path);
  file.write(text);
  file.commit();
}
