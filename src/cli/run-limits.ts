/**
 * Long runs. Simulations (`simulate`, `validate`): progress on stderr, the budgets `--max-wall S`
 * and `--max-events N` (a run they stop is written marked partial), and the refusal up front of a
 * run whose event count is absurd (`--coherence 1e-300`, `--duration 1e12`) unless `--force` or a
 * budget bounds it. The optimizer (`optimize`): progress per outer iteration and the budgets
 * `--max-wall S` and `--max-iterations N`, its unit of work (an optimizer has no events). Wall time
 * is read only here.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { evaluate, referenceAllocation } from '../model/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { hasChannelDynamics, type SimConfig } from '../../sim/config.ts';
import type { SimProgress } from '../../sim/run.ts';
import type { OuterWatch } from '../optimizer/index.ts';
import { InputError } from '../files/index.ts';
import { integerFlagSchema, parseFlags, RANGES, realFlagSchema } from './flags.ts';
import { progressBar } from './progress.ts';

/** Above this many estimated engine events a run is refused without `--force` or a budget. */
export const ABSURD_EVENTS = 1e9;

const LimitFlags = z.object({
  maxWall: realFlagSchema({ min: 0, minIncluded: false }).optional(),
  maxEvents: integerFlagSchema(RANGES.events).optional(),
  force: z.boolean().default(false),
  progress: z.boolean().default(true),
});

export type RunLimits = z.infer<typeof LimitFlags>;

export function addLimitFlags(command: Command): Command {
  return command
    .option('--max-wall <s>', 'stop after S seconds of wall time and write the result marked partial')
    .option('--max-events <n>', 'stop after N engine events and write the result marked partial')
    .option('--force', `run even when the estimate is above ${ABSURD_EVENTS.toExponential(0)} events`)
    .option('--no-progress', 'no progress bar or lines on stderr');
}

export function limitsFromFlags(flags: Record<string, unknown>): RunLimits {
  return parseFlags(LimitFlags, flags);
}

const sci = (x: number): string => (x < 1e6 ? String(Math.round(x)) : x.toExponential(1));

/**
 * Engine events of a run, to an order of magnitude: one per channel block (every coherence
 * time, when the channel moves) plus about L + 4 per training step, with each user's step taking
 * its delay under the reference allocation. Returns the estimate and the flag that drives it.
 */
export function estimateEvents(scenario: Scenario, config: SimConfig): { events: number; flag: string } {
  const perUser = evaluate(scenario, referenceAllocation(scenario)).perUser;
  const slowest = Math.max(...perUser.map((u) => u.delayS));
  const horizonS = Math.min(config.durationS, config.maxStepsPerUser * slowest);
  const blocks = hasChannelDynamics(config) ? horizonS / config.fading.coherenceS : 0;
  const steps = perUser.reduce((s, u) => s + Math.min(config.maxStepsPerUser, horizonS / u.delayS), 0);
  const stepEvents = steps * (scenario.llm.layers + 4);
  const flag =
    blocks > stepEvents
      ? '--coherence'
      : config.durationS <= config.maxStepsPerUser * slowest
        ? '--duration'
        : '--steps';
  return { events: blocks + stepEvents, flag };
}

/** Refuses a run estimated above ABSURD_EVENTS, unless forced or bounded by a budget. */
export function refuseAbsurdRun(scenario: Scenario, config: SimConfig, limits: RunLimits): void {
  if (limits.force || limits.maxEvents !== undefined || limits.maxWall !== undefined) return;
  const { events, flag } = estimateEvents(scenario, config);
  if (!(events > ABSURD_EVENTS)) return;
  throw new InputError(
    `${flag}: the run would take about ${sci(events)} engine events (more than ${sci(ABSURD_EVENTS)}); ` +
      'shorten it, or bound it with --max-wall S or --max-events N, or pass --force',
  );
}

export interface SimulationWatch {
  readonly maxEvents: number | undefined;
  readonly onSlice: (p: SimProgress) => Promise<boolean>;
  /** Ends the progress display; says which budget stopped the run, if one did. */
  finish(partial: boolean): string | undefined;
}

/** Progress and budgets of one run; its `onSlice` also turns the event loop, so signals land. */
export function watchSimulation(scenario: Scenario, config: SimConfig, limits: RunLimits): SimulationWatch {
  const t0 = performance.now();
  const byTime = config.durationS !== Infinity;
  const total = byTime ? config.durationS : config.maxStepsPerUser * scenario.users.length;
  const bar = limits.progress
    ? progressBar('simulate', process.stderr, { unit: byTime ? 'simulated s' : 'steps', quietStart: true })
    : undefined;
  bar?.update(0, total);
  let wallStop = false;
  return {
    maxEvents: limits.maxEvents,
    onSlice: async (p) => {
      bar?.update(Math.min(total, Math.floor(byTime ? p.timeS : p.steps)), total);
      await new Promise((resolve) => setImmediate(resolve));
      wallStop = limits.maxWall !== undefined && (performance.now() - t0) / 1000 >= limits.maxWall;
      return wallStop;
    },
    finish: (partial) => {
      bar?.stop();
      if (!partial) return undefined;
      return wallStop ? `--max-wall ${limits.maxWall}` : `--max-events ${limits.maxEvents}`;
    },
  };
}

/** The first line of a partial run's text output, or nothing for a whole run. */
export function partialLine(stoppedBy: string | undefined): string {
  return stoppedBy === undefined
    ? ''
    : `partial: stopped by ${stoppedBy}; the figures cover the steps completed until then\n`;
}

/** A scenario file above this size is refused without `--force` (a JS string tops out near 512 MiB). */
export const HUGE_SCENARIO_BYTES = 256 * 2 ** 20;

/**
 * Refuses to generate a scenario whose file would be huge, with the estimate: about 30 bytes per
 * channel gain (users × servers) and 400 per user and per server, as measured on the generator's
 * output (1000 × 1000: 29.9 MB).
 */
export function refuseHugeScenario(users: number, servers: number, force: boolean): void {
  const bytes = users * servers * 30 + (users + servers) * 400;
  if (force || bytes <= HUGE_SCENARIO_BYTES) return;
  throw new InputError(
    `--users ${users} --servers ${servers}: the scenario file would be about ${sci(bytes / 2 ** 20)} MiB ` +
      `(more than ${HUGE_SCENARIO_BYTES / 2 ** 20} MiB); choose fewer users or servers, or pass --force`,
  );
}

const OptimizerLimitFlags = z.object({
  maxWall: realFlagSchema({ min: 0, minIncluded: false }).optional(),
  maxIterations: integerFlagSchema(RANGES.events).optional(),
  progress: z.boolean().default(true),
});

export function addOptimizerLimitFlags(command: Command): Command {
  return command
    .option('--max-wall <s>', 'stop after S seconds of wall time with the best plan so far, marked partial')
    .option(
      '--max-iterations <n>',
      'stop after N outer iterations over all starts (the first of a start is its resource step), marked partial',
    )
    .option('--no-progress', 'no progress bar or lines on stderr');
}

export interface OptimizerWatch {
  readonly watch: OuterWatch;
  /** Ends the progress display; says which budget stopped the run, if one did. */
  finish(partial: boolean): string | undefined;
}

/** Progress (starts done of all, a line every few seconds off a terminal) and budgets of `optimize`. */
export function watchOptimizer(flags: Record<string, unknown>): OptimizerWatch {
  const limits = parseFlags(OptimizerLimitFlags, flags);
  const t0 = performance.now();
  const bar = limits.progress
    ? progressBar('optimize', process.stderr, { unit: 'starts', quietStart: true })
    : undefined;
  let wallStop = false;
  return {
    watch: async (p) => {
      bar?.update(p.start, p.starts);
      // A turn of the event loop, so SIGINT/SIGTERM/SIGHUP are handled between iterations.
      await new Promise((resolve) => setImmediate(resolve));
      wallStop = limits.maxWall !== undefined && (performance.now() - t0) / 1000 >= limits.maxWall;
      return wallStop || (limits.maxIterations !== undefined && p.iterations >= limits.maxIterations);
    },
    finish: (partial) => {
      bar?.stop();
      if (!partial) return undefined;
      return wallStop ? `--max-wall ${limits.maxWall}` : `--max-iterations ${limits.maxIterations}`;
    },
  };
}
