import type { Command } from 'commander';
import { Resource, Simulation, type ProcessGenerator } from '../../engine/index.ts';
import { runCommand } from '../errors.ts';

/**
 * `mecsim run`: the default job (`npm start`). Until the MEC simulation exists it runs a small
 * engine demo: users send batches through a per-user compute stage and one shared uplink.
 */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('the default job (for now: a small engine demo)')
    .action(() =>
      runCommand(() => {
        process.stdout.write(`${engineDemo()}\n`);
      }),
    );
}

function engineDemo(): string {
  const sim = new Simulation();
  const uplink = new Resource(sim, 1);
  const finishS: number[] = [];
  function* user(index: number): ProcessGenerator {
    for (let batch = 0; batch < 3; batch++) {
      yield 1 + index; // local layers
      yield uplink.request();
      yield 0.5; // transfer
      uplink.release();
    }
    finishS[index] = sim.now;
  }
  for (let u = 0; u < 3; u++) sim.process(user(u));
  sim.run();
  const lines = finishS.map((t, u) => `  user ${u}: 3 batches done at ${t.toFixed(2)} s`);
  return [`engine demo: ${sim.eventCount} events`, ...lines].join('\n');
}
