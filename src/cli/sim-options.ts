/**
 * The simulation flags shared by `simulate`, `validate` and `run`, validated with zod: each bad
 * value gets one line naming the flag and the allowed range.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_SIM_CONFIG, type SimConfig } from '../../sim/config.ts';
import { InputError } from '../files/index.ts';
import { integerFlagSchema, parseFlags, RANGES, realFlagSchema } from './flags.ts';

/** Seconds and fractions that must be above 0; the K factor may be 0 (Rayleigh). */
const positive = realFlagSchema({ min: 0, minIncluded: false });

const NON_NEGATIVE = realFlagSchema({ min: 0, minIncluded: true });

const SimFlags = z.object({
  duration: positive.optional(),
  steps: integerFlagSchema(RANGES.steps).optional(),
  epoch: positive.optional(),
  rateTrigger: positive.optional(),
  edgeGpu: z.enum(['dedicated', 'processor-sharing']).default('dedicated'),
  gradientDownload: z.boolean().default(false),
  fading: z.enum(['static', 'rayleigh', 'rician']).default('static'),
  coherence: positive,
  ricianK: realFlagSchema({ min: 0, minIncluded: true }),
  mobility: z.enum(['none', 'random-waypoint', 'gauss-markov']).default('none'),
  speed: z
    .string()
    .regex(/^\d+(\.\d+)?,\d+(\.\d+)?$/, 'must be MIN,MAX in m/s, e.g. 0.5,1.5')
    .optional(),
  seed: integerFlagSchema(RANGES.seed).optional(),
  wallTime: z.boolean().default(false),
  solveTime: z
    .unknown()
    .transform((v, ctx): number | 'measured' => {
      if (v === 'measured') return v;
      const s = NON_NEGATIVE.safeParse(v);
      if (s.success) return s.data;
      ctx.addIssue({ code: 'custom', message: "must be a number >= 0 or 'measured'" });
      return z.NEVER;
    })
    .optional(),
  migration: z.boolean().default(false),
  handover: NON_NEGATIVE.optional(),
});

/** Adds the simulation flags to a command. */
export function addSimFlags(command: Command): Command {
  return command
    .option('--duration <s>', 'simulated seconds (default: until every user has done --steps steps)')
    .option('--steps <k>', 'training steps per user (default 1 without --duration, unlimited with it)')
    .option('--epoch <s>', 're-run the policy every S seconds')
    .option(
      '--rate-trigger <x>',
      "re-run the policy when a user's uplink rate moves by more than this fraction",
    )
    .option('--edge-gpu <mode>', 'dedicated | processor-sharing', 'dedicated')
    .option('--gradient-download', 'send gradients back before the next step (off in the paper)')
    .option('--fading <kind>', 'static | rayleigh | rician', 'static')
    .option(
      '--coherence <s>',
      'fading block length in seconds (also the mobility step)',
      String(DEFAULT_SIM_CONFIG.fading.coherenceS),
    )
    .option('--rician-k <k>', 'Rician K factor', String(DEFAULT_SIM_CONFIG.fading.ricianK))
    .option('--mobility <kind>', 'none | random-waypoint | gauss-markov', 'none')
    .option('--speed <min,max>', 'user speed range in m/s', '0.5,1.5')
    .option('--seed <n>', "master seed of the run's random streams (default: the scenario's)")
    .option('--wall-time', "record the optimizer's wall time per epoch (makes output differ run to run)")
    .option(
      '--solve-time <s|measured>',
      're-planning cost: a decision goes into force S simulated seconds after its epoch, or after its measured wall time (differs run to run); default 0',
    )
    .option(
      '--migration',
      "re-planning cost: when a user's split changes, move the layers (weights, or LoRA adapters) over its link first",
    )
    .option(
      '--handover <s>',
      're-planning cost: a user that changes server waits S seconds before its uplink',
    );
}

/** The SimConfig and seed the flags describe. */
export function simConfigFromFlags(flags: Record<string, unknown>): {
  config: SimConfig;
  seed: number | undefined;
} {
  const f = parseFlags(SimFlags, flags);
  const [minSpeed, maxSpeed] = (f.speed ?? '0.5,1.5').split(',').map(Number) as [number, number];
  if (minSpeed > maxSpeed) throw new InputError(`--speed: MIN must not exceed MAX (got ${f.speed})`);
  const config: SimConfig = {
    durationS: f.duration ?? Infinity,
    maxStepsPerUser: f.steps ?? (f.duration === undefined ? 1 : Infinity),
    edgeGpu: f.edgeGpu,
    gradientDownload: f.gradientDownload,
    fading: { kind: f.fading, coherenceS: f.coherence, ricianK: f.ricianK },
    mobility: {
      ...DEFAULT_SIM_CONFIG.mobility,
      kind: f.mobility,
      minSpeedMps: minSpeed,
      maxSpeedMps: maxSpeed,
    },
    epoch: { everyS: f.epoch ?? Infinity, rateChange: f.rateTrigger ?? Infinity },
    recordWallTime: f.wallTime,
    replan: { solveS: f.solveTime ?? 0, migration: f.migration, handoverS: f.handover ?? 0 },
  };
  return { config, seed: f.seed };
}
