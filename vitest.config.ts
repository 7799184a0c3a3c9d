/**
 * Two test sets. `fast` (`npm test`, the README's test command) is every test except the ones
 * below: under 2 minutes on 2 cores. `slow` holds the few files that sweep hundreds of optimizer
 * runs or spawn the CLI dozens of times; `npm run test:full` and `.ci/run` run them too.
 */
import { defineConfig } from 'vitest/config';

const SLOW = [
  // 200 scenarios × 9 algorithms, and the exact optimum of 200 instances.
  'test/optimizer/feasibility.test.ts',
  'test/optimizer/exact-gap.test.ts',
  // 150 wrong inputs, each a mecsim process (~1 s of start-up each).
  'test/cli/catalogue.test.ts',
  // `mecsim run` on the paper's network, and every experiment end to end with kills and resumes.
  'test/cli/run-command.test.ts',
  'test/experiments/batch.test.ts',
  // An experiment file through workers, shards, merge and resume; four paper files --quick.
  'test/experiments/experiment-file-batch.test.ts',
  // SIGTERM and SIGINT to a traced simulate and to an experiment; a closed stdout.
  'test/cli/interrupt.test.ts',
  // The README's policy study, --quick: eight mecsim processes in a row.
  'test/experiments/policy-study.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
