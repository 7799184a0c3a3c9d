// Runs the real `mecsim` process (node + tsx) for end-to-end CLI tests.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const main = join(root, 'src/cli/main.ts');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function mecsim(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', main, ...args],
      { cwd: root, maxBuffer: 64 * 2 ** 20 },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A failure: exit `code` (2, input), exactly one line on stderr (returned without the newline), nothing on stdout. */
export function oneLineFailure(r: Run, code = 2): string {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr.trimEnd();
}

/** Each spawn pays ~1 s of start-up (tsx, zod); several at once on 2 cores take longer. */
export const SLOW = { timeout: 60_000 };
