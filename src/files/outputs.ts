/**
 * Output-path safety, checked before a command does any work: no output may be one of the
 * command's inputs (`simulate s.json --trace s.json` would destroy the scenario), no two outputs
 * may be one file (`--out X --trace X` would lose one), and an output must be a file that may be
 * replaced or written through (src/files/write.ts). Paths are compared as files, not as text:
 * `./s.json`, `s.json`, a symbolic or hard link to it are the same file.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './input-error.ts';
import { outputFileProblem } from './write.ts';

export interface PathUse {
  /** How the error line names it: `--trace`, `scenario file`. */
  readonly label: string;
  readonly path: string;
}

export interface OutputUse extends PathUse {
  /** A folder the command writes files into, or a file. */
  readonly kind: 'file' | 'folder';
}

/** A file's identity: device and inode when it exists, else its absolute path with links resolved. */
function identity(path: string): string {
  try {
    const s = statSync(path);
    return `inode ${s.dev}:${s.ino}`;
  } catch {
    let dir = resolve(dirname(path));
    try {
      dir = realpathSync(dir);
    } catch {
      // a folder that does not exist yet: the write will say so
    }
    return `path ${join(dir, basename(path))}`;
  }
}

const isCharacterDevice = (path: string): boolean => {
  try {
    return statSync(path).isCharacterDevice();
  } catch {
    return false;
  }
};

function kindProblem(o: OutputUse): string | undefined {
  if (o.kind === 'file') return outputFileProblem(o.path);
  return existsSync(o.path) && !statSync(o.path).isDirectory() ? 'exists and is not a folder' : undefined;
}

/**
 * Throws an InputError naming the first output that would destroy an input, share its file with
 * another output, or is not a writable kind of file. `rewritable` inputs may be outputs too (a
 * command that rewrites a file in place, having read it whole: `scenario --from s.json --out s.json`).
 * Two outputs may share a character device (`--out /dev/null --trace /dev/null`): nothing is lost.
 */
export function checkOutputPaths(
  inputs: readonly (PathUse & { readonly rewritable?: boolean })[],
  outputs: readonly OutputUse[],
): void {
  const inputOf = new Map(inputs.map((i) => [identity(i.path), i]));
  const seen = new Map<string, OutputUse>();
  for (const o of outputs) {
    const problem = kindProblem(o);
    if (problem !== undefined) throw new InputError(`${o.label} ${o.path}: ${problem}`);
    const id = identity(o.path);
    const input = inputOf.get(id);
    if (input !== undefined && input.rewritable !== true) {
      throw new InputError(
        `${o.label} ${o.path}: is the ${input.label} this command reads; writing there would destroy it (choose another path)`,
      );
    }
    const other = seen.get(id);
    if (other !== undefined && !isCharacterDevice(o.path)) {
      throw new InputError(
        `${o.label} ${o.path}: is the same file as ${other.label} ${other.path}; one output would be lost`,
      );
    }
    seen.set(id, o);
  }
}
