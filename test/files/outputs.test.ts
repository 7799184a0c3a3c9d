// Output-path safety (issue 12): outputs never destroy an input, never share a file, and only a
// regular file is ever replaced (a link is followed, a device or FIFO written through).
import { execFileSync, spawn } from 'node:child_process';
import {
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile, checkOutputPaths, InputError, writeFileAtomic } from '../../src/files/index.ts';
import { tempDir } from '../cli/files.ts';
import { oneLineError } from '../one-line-error.ts';

const file = (label: string, path: string) => ({ label, path, kind: 'file' as const });

describe('checkOutputPaths', () => {
  const dir = tempDir();
  const s = join(dir, 's.json');
  writeFileSync(s, '{}');

  it('refuses an output that is an input, however it is spelt', () => {
    const inputs = [{ label: 'scenario file', path: s }];
    for (const spelling of [s, join(dir, '.', 's.json'), join(dir, 'sub', '..', 's.json')]) {
      mkdirSync(join(dir, 'sub'), { recursive: true });
      const line = oneLineError(() => checkOutputPaths(inputs, [file('--trace', spelling)]), InputError);
      expect(line).toMatch(/^--trace .*s\.json: is the scenario file this command reads/);
    }
    symlinkSync(s, join(dir, 'link.json'));
    linkSync(s, join(dir, 'hard.json'));
    for (const other of ['link.json', 'hard.json'])
      expect(() => checkOutputPaths(inputs, [file('--out', join(dir, other))])).toThrow(/scenario file/);
    expect(() => checkOutputPaths([{ ...inputs[0]!, rewritable: true }], [file('--out', s)])).not.toThrow();
  });

  it('refuses two outputs to one file, existing or not, but not to one character device', () => {
    const x = join(dir, 'new.json');
    expect(() =>
      checkOutputPaths([], [file('--out', x), file('--trace', join(dir, '.', 'new.json'))]),
    ).toThrow(/^--trace .*new\.json: is the same file as --out .*new\.json; one output would be lost$/);
    expect(() =>
      checkOutputPaths([], [file('--out', '/dev/null'), file('--trace', '/dev/null')]),
    ).not.toThrow();
  });

  it('refuses a folder as a file output and a file as a folder output', () => {
    expect(() => checkOutputPaths([], [file('--out', dir)])).toThrow(/^--out .*: is a directory$/);
    expect(() => checkOutputPaths([], [{ label: '--out', path: s, kind: 'folder' }])).toThrow(
      /exists and is not a folder/,
    );
    expect(() => checkOutputPaths([], [{ label: '--out', path: dir, kind: 'folder' }])).not.toThrow();
  });
});

describe('writing only over regular files', () => {
  it('writes through a character device and leaves it a device', () => {
    writeFileAtomic('/dev/null', 'gone\n');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes through a FIFO, leaving the FIFO in place', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A reader in another process, so the synchronous write below can complete.
    const got = join(dir, 'got');
    spawn('sh', ['-c', `cat ${fifo} > ${got}`], { stdio: 'ignore' });
    writeFileAtomic(fifo, 'through\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    await expect.poll(() => readFileSync(got, 'utf8')).toBe('through\n');
  });

  it('follows a symbolic link: the link stays, its target gets the text', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  it('a streamed file appears only on commit, and abort leaves the old one', () => {
    const dir = tempDir();
    const p = join(dir, 't.jsonl');
    writeFileSync(p, 'old');
    const f = new AtomicFile(p);
    f.write('a');
    expect(readFileSync(p, 'utf8')).toBe('old');
    f.abort();
    expect(readdirSync(dir)).toEqual(['t.jsonl']);
    const g = new AtomicFile(p);
    g.write('b');
    g.commit();
    expect(readFileSync(p, 'utf8')).toBe('b');
    expect(readdirSync(dir)).toEqual(['t.jsonl']);
  });
});
