/**
 * Reading the files users hand to mecsim (scenarios, solutions, configs, run files). Every failure
 * becomes an InputError with one line naming the file and, for a syntax error, the line, column
 * and field where it is, e.g. `scenario file s.json: invalid JSON at line 3, column 12
 * (users[0].tokens): NaN and Infinity are not JSON numbers`.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { InputError } from './input-error.ts';
import { findJsonSyntaxError } from './json-syntax.ts';

/** Why a file operation failed, in a few words (Node's messages carry the syscall and path). */
export function fileErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** What `-` already stood for: standard input can be read once. */
let stdinReadAs: string | undefined;

/**
 * The text of a file; `what` names it in errors (`scenario file`, `config file`, …). The path
 * `-` is standard input (`mecsim scenario | mecsim optimize -`), for one file of a command.
 */
export function readTextFile(path: string, what: string): string {
  if (path === '-') {
    if (stdinReadAs !== undefined)
      throw new InputError(
        `${what} -: standard input is already the ${stdinReadAs}; only one file can be '-'`,
      );
    stdinReadAs = what;
  }
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    throw new InputError(`${what} ${path}: ${fileErrorReason(err)}`);
  }
}

/** A parsed JSON file. */
export function readJsonFile(path: string, what: string): unknown {
  const text = readTextFile(path, what);
  try {
    return JSON.parse(text);
  } catch (err) {
    const p = findJsonSyntaxError(text);
    if (p === undefined) throw new InputError(`${what} ${path}: invalid JSON: ${fileErrorReason(err)}`);
    const at = p.path === '(root)' ? '' : ` (${p.path})`;
    throw new InputError(
      `${what} ${path}: invalid JSON at line ${p.line}, column ${p.column}${at}: ${p.message}`,
    );
  }
}

/** A parsed YAML file (YAML 1.2 reads JSON too). */
export function readYamlFile(path: string, what: string): unknown {
  const text = readTextFile(path, what);
  try {
    return parseYaml(text);
  } catch (err) {
    if (!(err instanceof YAMLParseError)) throw err;
    // yaml's first line ends in " at line L, column C:" and the lines after quote the source.
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '');
    const pos = err.linePos?.[0];
    const at = pos === undefined ? '' : ` at line ${pos.line}, column ${pos.col}`;
    throw new InputError(`${what} ${path}: invalid YAML${at}: ${message}`);
  }
}

/** A settings file: YAML when its name ends in .yaml or .yml, JSON otherwise. */
export function readSettingsFile(path: string, what: string): unknown {
  return /\.ya?ml$/i.test(path) ? readYamlFile(path, what) : readJsonFile(path, what);
}
