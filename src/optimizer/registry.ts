/**
 * The registry of algorithms (MODEL.md §6, §7): name → description and how it runs. Adding a
 * baseline is one entry here; `optimize` looks the name up and never branches on it.
 */
import { bestGainAssociation, greedyAssociation, randomAssociation } from './association/rules.ts';
import { exactPlan } from './exact.ts';
import { runHeld, type SplitAwareStep } from './fixed.ts';
import type { Instance } from './instance.ts';
import type { OuterRun, RunContext } from './multi-start.ts';
import { newPlan, type Plan } from './plan.ts';
import { aoResources } from './resource/direct.ts';
import { randomDraws, randomResources } from './resource/random.ts';
import { fixedSplitResources, proposedResources } from './resource/transform.ts';

export interface AlgorithmEntry {
  /** One line for `--help` and the README table. */
  readonly description: string;
  readonly run: (c: RunContext) => OuterRun | Promise<OuterRun>;
  /**
   * The resource step, split optimised or held: an algorithm that has one takes fixed decisions
   * (`optimize --fix`, `fixed.ts`) and optimises the rest; the others fix their own.
   */
  readonly step?: SplitAwareStep;
}

const single = (plan: Plan, objective: number): OuterRun => ({
  plan,
  history: [objective],
  starts: 1,
  lpSolves: 0,
});

/** Every user trains all Υ layers locally at f_n*; no uplink, no server share. */
function localOnlyPlan(inst: Instance): Plan {
  const plan = newPlan(inst.users);
  plan.association.set(bestGainAssociation(inst));
  plan.localLayers.fill(inst.layers);
  plan.powerW.set(inst.maxPowerW);
  plan.userFreqHz.set(inst.userFreqHz);
  return plan;
}

/** The `greedy` and `random` baselines: one association, then the proposed resource step. */
function oneAssociation(c: RunContext, association: Int32Array): OuterRun {
  const r = proposedResources(c.inst, association, undefined, c.tol);
  return single(r.plan, r.objective);
}

const fixedSplit = (c: RunContext, split: Float64Array): Promise<OuterRun> =>
  c.multiStart((a, warm) => fixedSplitResources(c.inst, a, split, warm, c.tol));

const proposedStep: SplitAwareStep = (c, split) =>
  split === undefined
    ? (a, warm) => proposedResources(c.inst, a, warm, c.tol)
    : (a, warm) => fixedSplitResources(c.inst, a, split, warm, c.tol);

const aoStep: SplitAwareStep = (c, split) => (a, warm) => aoResources(c.inst, a, warm, c.tol, split);

/** In this order in `--help`, in `ALGORITHMS` and in every table. */
export const REGISTRY = {
  proposed: {
    description: "quadratic-transform resource step and CCCP association LPs, several starts (the paper's)",
    run: (c) => runHeld(c, proposedStep, {}),
    step: proposedStep,
  },
  ao: {
    description: 'same outer loop; integer split and resources alternated, each block at its direct optimum',
    run: (c) => runHeld(c, aoStep, {}),
    step: aoStep,
  },
  'layers-only': {
    description: 'same outer loop; random feasible resources, the split optimised for them',
    run: (c) => {
      const draws = randomDraws(c.inst, c.streams);
      return c.multiStart((a) => randomResources(c.inst, a, draws), 'own');
    },
  },
  'resources-only': {
    description: 'same outer loop; split random in {1..Υ−1}, resources by the transform',
    // [mecsim] α_n uniform in {1..Υ−1}: α = Υ would make the stability bound (and objective) unbounded.
    run: (c) =>
      fixedSplit(
        c,
        Float64Array.from({ length: c.inst.users }, (_, n) =>
          c.streams.get('resources-only', n).uniformInt(1, Math.max(1, c.inst.layers - 1)),
        ),
      ),
  },
  greedy: {
    description:
      'each user in turn joins the server of highest equal-share rate, then the proposed resource step',
    run: (c) => oneAssociation(c, greedyAssociation(c.inst, c.association.loadFactor)),
  },
  random: {
    description: 'each user joins a random server, then the proposed resource step',
    run: (c) =>
      oneAssociation(c, randomAssociation(c.inst, c.association.loadFactor, c.streams.get('random'))),
  },
  'local-only': {
    description: 'every layer on the device at f_n*, no uplink (stability unbounded)',
    run: (c) => single(localOnlyPlan(c.inst), Infinity),
  },
  'edge-only': {
    description: 'α = 0, token ids sent (outside (9a)); same outer loop with the split held at 0',
    run: (c) => fixedSplit(c, new Float64Array(c.inst.users)),
  },
  exact: {
    description: 'every association and integer split enumerated (tiny instances only)',
    run: (c) => {
      const r = exactPlan(c.inst);
      return single(r.plan, r.objective);
    },
  },
} as const satisfies Record<string, AlgorithmEntry>;

export type AlgorithmName = keyof typeof REGISTRY;

export const ALGORITHMS = Object.keys(REGISTRY) as readonly AlgorithmName[];

export function isAlgorithmName(name: string): name is AlgorithmName {
  return Object.hasOwn(REGISTRY, name);
}
