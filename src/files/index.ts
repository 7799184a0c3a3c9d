/**
 * The Node-side file contract shared by src/cli and experiments: the input-error type, reading
 * JSON and YAML with one-line located errors, atomic writes, output-path safety, and the clean-up
 * of an interrupted process. Imports nothing of mecsim's.
 */
export { InputError } from './input-error.ts';
export { fileErrorReason, readJsonFile, readSettingsFile, readTextFile, readYamlFile } from './read.ts';
export { findJsonSyntaxError, type JsonSyntaxProblem } from './json-syntax.ts';
export { AtomicFile, writeFileAtomic } from './write.ts';
export { checkOutputPaths, type OutputUse, type PathUse } from './outputs.ts';
export { trackTemporary, releaseTemporary } from './temporaries.ts';
export { guardProcess, setInterruptNote } from './interrupt.ts';
