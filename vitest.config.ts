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
  // 59 wrong inputs, each a mecsim process (~1 s of start-up each).
  'test/cli/catalogue.test.ts',
  // `mecsim run` on the paper's network, and every experiment end to end with kills and resumes.
  'test/cli/run-command.test.ts',
  'test/experiments/batch.test.ts',
<<<<<<< HEAD
  // An experiment file through workers, shards, merge and resume; two paper files --quick.
  'test/experiments/experiment-file-batch.test.ts',
=======
  // SIGTERM and SIGINT to a traced simulate and to an experiment; a closed stdout.
  'test/cli/interrupt.test.ts',
>>>>>>> 0e9e41f (files: output-path safety and interrupts — outputs never an input of the command (by inode: links and spellings count), never two outputs to one file, only regular files replaced (links followed, devices and FIFOs written through, folders refused), checked for every command in one preAction hook (src/cli/output-paths.ts) before any work; SIGINT/SIGTERM/SIGHUP remove registered temporaries (streamed trace, run's staging folder) and exit 130/143/129 with one line of what was kept; a failing stdout (EPIPE, ENOSPC) exits 1 with one line; the simulation yields every 65,536 events so signals land mid-run (engine run() takes untilEvents and says why it returned))
];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
