/**
 * The one place the CLI tells src/files which paths of a command are inputs and which outputs,
 * read from the command's own declaration so that no command repeats it: the file arguments
 * (`<scenario>`, `<solution>`), the options whose value is a `<file>` or `<dir>` (outputs:
 * `--out`, `--trace`; inputs: the others, e.g. `--solution`, `--config`, `--from`) and policy
 * modules. Run before the command's action, so a refused path costs no work and writes nothing.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { checkOutputPaths, type OutputUse, type PathUse } from '../files/index.ts';

const OUTPUT_OPTIONS = new Set(['--out', '--trace']);
const FILE_ARGUMENTS = new Set(['scenario', 'solution']);
/** Inputs a command reads whole and may write back in place, by design. */
const REWRITABLE = new Set(['scenario --from']);

export function checkCommandPaths(command: Command): void {
  const inputs: (PathUse & { rewritable?: boolean })[] = [];
  const outputs: OutputUse[] = [];
  command.registeredArguments.forEach((argument, i) => {
    const value: unknown = command.processedArgs[i];
    if (FILE_ARGUMENTS.has(argument.name()) && typeof value === 'string')
      inputs.push({ label: `${argument.name()} file`, path: value });
  });
  const values = command.opts();
  for (const option of command.options) {
    const value: unknown = values[option.attributeName()];
    const placeholder = /<([^>]+)>/.exec(option.flags)?.[1] ?? '';
    if (typeof value !== 'string' || option.long === undefined) continue;
    if (OUTPUT_OPTIONS.has(option.long)) {
      outputs.push({ label: option.long, path: value, kind: placeholder === 'dir' ? 'folder' : 'file' });
    } else if (/file|module/.test(placeholder) && existsSync(value)) {
      const rewritable = REWRITABLE.has(`${command.name()} ${option.long}`);
      inputs.push({ label: `${option.long} file`, path: value, rewritable });
    }
  }
  checkOutputPaths(inputs, outputs);
}
