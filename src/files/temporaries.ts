/**
 * What this process has on disk half-done and what it has finished, so that an interrupted
 * command (src/files/interrupt.ts) can remove the one and name the other. A temporary is a file
 * or folder that becomes an output only when renamed; an output is a path already renamed into
 * place. Everything here is synchronous: a signal handler runs between two JavaScript tasks, so
 * it never sees a temporary half-registered.
 */
import { rmSync } from 'node:fs';

const temporaries = new Set<string>();
const outputs: string[] = [];

/** Registers a temporary file or folder; it is removed if the process is interrupted. */
export function trackTemporary(path: string): void {
  temporaries.add(path);
}

/** The temporary was renamed into place or removed: no longer this process's to clean up. */
export function releaseTemporary(path: string): void {
  temporaries.delete(path);
}

/** Removes every temporary still registered; returns how many there were. */
export function removeTemporaries(): number {
  const n = temporaries.size;
  for (const path of temporaries) rmSync(path, { recursive: true, force: true });
  temporaries.clear();
  return n;
}

/** Records a finished output (the interrupt line names what was kept). */
export function noteOutput(path: string): void {
  outputs.push(path);
}

/** The outputs finished so far, in the order they were written. */
export function finishedOutputs(): readonly string[] {
  return outputs;
}
