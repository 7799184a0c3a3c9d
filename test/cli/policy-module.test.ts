// `--policy ./module.ts`: a user's policy loaded at run time, in `simulate` and `validate`; bad
// modules and bad decisions end the run with one line, their exit code and no output file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScenario } from '../../src/scenario/format.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { expectNoFiles, tempDir } from './files.ts';
import { mecsim, oneLineFailure, root, SLOW } from './spawn.ts';

const dir = tempDir();
const scenario = join(dir, 's.json');
writeFileSync(scenario, formatScenario(generateScenario({ seed: 2, users: 5, servers: 2, layers: 6 })));
const threshold = join(root, 'experiments/policies/threshold.ts');
const put = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const RUN = ['--duration', '60000', '--fading', 'rayleigh', '--coherence', '700', '--epoch', '15000'];
// Decides like the threshold example, except at the second epoch: 99 W for user 0.
const overpowered = put(
  'overpowered.ts',
  `import threshold from ${JSON.stringify(threshold)};
let calls = 0;
export default { name: 'overpowered', decide: (o) => (calls++ === 1 ? { users: [0], powerW: [99] } : threshold.decide(o)) };
`,
);
const noFiles = expectNoFiles;

describe.concurrent('--policy MODULE', SLOW, () => {
  it('simulate runs a user module (the threshold example) and names it in the result', async () => {
    const out = join(dir, 'threshold.json');
    const r = await mecsim('simulate', scenario, ...RUN, '--policy', threshold, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.policy).toBe('threshold');
    expect(result.epochs.length).toBe(4);
    expect(
      result.metrics.perUser.reduce((s: number, u: { steps: number }) => s + u.steps, 0),
    ).toBeGreaterThan(0);
  });

  it('validate takes a module too', async () => {
    const r = await mecsim('validate', scenario, '--policy', threshold, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).maxAbsRelError).toBeLessThan(1e-9);
  });

  it('an infeasible decision: one line naming the constraint, exit 3, no output or trace file', async () => {
    const [out, trace] = [join(dir, 'over.json'), join(dir, 'over.jsonl')];
    const r = await mecsim(
      'simulate',
      scenario,
      ...RUN,
      '--policy',
      overpowered,
      '--out',
      out,
      '--trace',
      trace,
    );
    expect(oneLineFailure(r, 3)).toMatch(
      /^mecsim: policy overpowered at t = 15000 s \(epoch 1\): infeasible allocation: powerW\[0\]: = 99: .*\(9d\)$/,
    );
    noFiles(out, trace);
  });

  it('with --fallback the run goes on, and the epoch records which policy decided and why', async () => {
    const r = await mecsim(
      'simulate',
      scenario,
      ...RUN,
      '--policy',
      overpowered,
      '--fallback',
      'reference',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const epochs = JSON.parse(r.stdout).epochs as { policy: string; rejected?: string }[];
    expect(epochs.map((e) => e.policy)).toEqual(['overpowered', 'reference', 'overpowered', 'overpowered']);
    expect(epochs[1]!.rejected).toMatch(/\(9d\)$/);
  });

  it('a module that throws: exit 3 and its error in one line', async () => {
    const thrower = put(
      'thrower.ts',
      `export default { name: 'thrower', decide: () => { throw new TypeError('no gains\\nsecond line'); } };\n`,
    );
    expect(oneLineFailure(await mecsim('simulate', scenario, '--policy', thrower), 3)).toBe(
      'mecsim: policy thrower at t = 0 s (epoch 0): threw TypeError: no gains',
    );
  });

  it('a missing module or one without a policy: input errors (exit 2)', async () => {
    expect(oneLineFailure(await mecsim('simulate', scenario, '--policy', './no-such-policy.ts'))).toMatch(
      /^mecsim: --policy \.\/no-such-policy\.ts: cannot load: /,
    );
    const notPolicy = put('not-policy.ts', 'export default 42;\n');
    expect(oneLineFailure(await mecsim('validate', scenario, '--policy', notPolicy))).toMatch(
      /--policy .*not-policy\.ts: the default export must be a policy \{ name, decide \} or a function returning one$/,
    );
  });
});
