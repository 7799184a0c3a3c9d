import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, InputError, readJsonFile, writeFileAtomic } from '../../src/files/index.ts';
import { tempDir } from '../cli/files.ts';

describe('writeFileAtomic', () => {
  it('writes the whole text and leaves no temporary file', () => {
    const dir = tempDir();
    const p = join(dir, 'a.json');
    writeFileAtomic(p, 'one\n');
    writeFileAtomic(p, 'two\n');
    expect(readFileSync(p, 'utf8')).toBe('two\n');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
  it('a failed write leaves nothing behind and keeps the old target', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(join(dir, 'missing-dir', 'a.json'), 'x')).toThrow(InputError);
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'k');
    expect(() => writeFileAtomic(target, 'x')).toThrow(/^cannot write .*taken: /);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('readJsonFile', () => {
  it('names the file and the problem', () => {
    const dir = tempDir();
    expect(() => readJsonFile(join(dir, 'x.json'), 'scenario file')).toThrow(
      `scenario file ${join(dir, 'x.json')}: no such file`,
    );
    expect(() => readJsonFile(dir, 'scenario file')).toThrow(`scenario file ${dir}: is a directory`);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    expect(() => readJsonFile(empty, 'solution file')).toThrow(
      `solution file ${empty}: invalid JSON at line 1, column 1: unexpected end of the file, expected a value`,
    );
  });
});

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON', () => {
    for (const t of ['{}', '[]', ' {"a": [1, -2.5e3, true, null, "x\\"y"]} ', '0'])
      expect(findJsonSyntaxError(t)).toBeUndefined();
  });
  it('locates the first error with its field path', () => {
    expect(findJsonSyntaxError('{\n  "a": {"b": [1, NaN]}\n}')).toEqual({
      line: 2,
      column: 18,
      path: 'a.b[1]',
      message: 'NaN and Infinity are not JSON numbers',
    });
    expect(findJsonSyntaxError('{"a": 1,}')).toMatchObject({
      line: 1,
      column: 9,
      message: "expected a double-quoted field name, found '}'",
    });
    expect(findJsonSyntaxError('{"a": 1 "b": 2}')).toMatchObject({
      column: 9,
      message: "expected ',' or '}', found '\"'",
    });
    expect(findJsonSyntaxError('[1, 2')).toMatchObject({
      path: '(root)',
      message: "expected ',' or ']', found the end of the file",
    });
    expect(findJsonSyntaxError('{"a": -Infinity}')).toMatchObject({
      path: 'a',
      message: 'NaN and Infinity are not JSON numbers',
    });
    expect(findJsonSyntaxError('{} x')).toMatchObject({
      message: "unexpected 'x' after the end of the JSON value",
    });
    expect(findJsonSyntaxError('"abc')).toMatchObject({ message: 'unterminated string' });
    expect(findJsonSyntaxError('{"a\\x": 1}')).toMatchObject({ message: 'invalid escape in a string' });
    expect(findJsonSyntaxError('[01]')).toMatchObject({ column: 3 });
  });
});
