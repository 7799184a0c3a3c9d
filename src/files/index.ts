/**
 * The Node-side file contract shared by src/cli and experiments: the input-error type, reading
 * JSON and YAML with one-line located errors, and atomic writes. Imports nothing of mecsim's.
 */
export { InputError } from './input-error.ts';
export { fileErrorReason, readJsonFile, readSettingsFile, readTextFile, readYamlFile } from './read.ts';
export { findJsonSyntaxError, type JsonSyntaxProblem } from './json-syntax.ts';
export { writeFileAtomic } from './write.ts';
