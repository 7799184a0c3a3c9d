import type { Command } from 'commander';
import { experimentJsonSchema } from '../../../experiments/index.ts';
import { policyProtocolJsonSchema } from '../../../sim/policy-protocol.ts';
import { InputError } from '../../files/index.ts';
import { runCommand } from '../errors.ts';
import { toJsonText } from '../../scenario/format.ts';

/**
 * The JSON Schemas of what other programs exchange with mecsim, by name. Each is generated from
 * the zod schema mecsim itself parses with, so it cannot drift from the code; the committed copy
 * beside the examples is checked against it by a test.
 */
export const SCHEMAS: Readonly<Record<string, { describe: string; build: () => object }>> = {
  policy: {
    describe: 'the external-policy protocol (--policy-cmd): JSON lines both ways',
    build: policyProtocolJsonSchema,
  },
  experiment: {
    describe:
      'experiment files (mecsim experiment FILE): sweep axes, records, figures; or a paper experiment',
    build: () => experimentJsonSchema() as object,
  },
};

/** `mecsim schema NAME`: a JSON Schema on stdout. */
export function configure(command: Command): void {
  const names = Object.keys(SCHEMAS);
  command
    .addHelpText(
      'after',
      `\nSchemas:\n${names.map((n) => `  ${n.padEnd(10)}${SCHEMAS[n]!.describe}`).join('\n')}\n\nExamples:\n  mecsim schema policy > protocol.schema.json`,
    )
    .argument('<name>', names.join(' | '))
    .action((name: string) =>
      runCommand(() => {
        if (!(name in SCHEMAS))
          throw new InputError(`schema: unknown name '${name}' (choose from ${names.join(', ')})`);
        process.stdout.write(toJsonText(SCHEMAS[name]!.build()));
      }),
    );
}
