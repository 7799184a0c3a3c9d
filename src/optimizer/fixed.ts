/**
 * Fixed decisions (`optimize --fix`): the split, the association or both held at given values,
 * and the algorithm's own steps optimise the rest — with the split held, the outer loop
 * (association) around the resource step with α fixed; with the association held, one resource
 * step (split and resources) on it; with both held, the resources alone. A split sweep or an
 * association rule under the optimal resource step is then one call per point.
 */
import type { RandomStreams } from '../random/index.ts';
import { bestGainAssociation, greedyAssociation, randomAssociation } from './association/rules.ts';
import type { ResourcePolicy } from './association/step.ts';
import type { Instance } from './instance.ts';
import type { OuterRun, RunContext } from './multi-start.ts';

/**
 * The rules of `association/rules.ts` by name: `greedy` and `random` are the baselines' (so
 * `--fix association=greedy` under `proposed` is the `greedy` baseline), `highest-gain` the
 * normalisation's reference rule.
 */
export const ASSOCIATION_RULES = ['greedy', 'random', 'highest-gain'] as const;
export type AssociationRule = (typeof ASSOCIATION_RULES)[number];

export function isAssociationRule(name: string): name is AssociationRule {
  return (ASSOCIATION_RULES as readonly string[]).includes(name);
}

/** What a caller holds fixed: one value for every user, or one per user (or a rule). */
export interface FixedDecisions {
  /** α_n, each an integer in 1..Υ−1. */
  readonly localLayers?: number | readonly number[] | undefined;
  /** χ: a rule, or a server index (a usable one) for every user or per user. */
  readonly association?: AssociationRule | number | readonly number[] | undefined;
}

/** A fixed decision that does not fit the scenario; `field` is `localLayers` or `association`. */
export class FixError extends Error {
  override readonly name = 'FixError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(field === '' ? reason : `${field}: ${reason}`);
  }
}

/** The decisions as the optimizer holds them, checked against the scenario. */
export interface HeldDecisions {
  readonly split?: Float64Array;
  readonly association?: Int32Array;
}

function perUser(inst: Instance, field: string, value: number | readonly number[]): number[] {
  if (typeof value === 'number') return new Array<number>(inst.users).fill(value);
  if (value.length !== inst.users)
    throw new FixError(field, `must give one value per user (${inst.users}), got ${value.length}`);
  return [...value];
}

/**
 * **[mecsim]** A fixed split is in 1..Υ−1: (9a) allows Υ too, but a user at α = Υ has an unbounded
 * stability bound and so an infinite objective (the `local-only` baseline), as `resources-only`
 * also leaves out; α = 0 is `edge-only`, outside (9a).
 */
function heldSplit(inst: Instance, value: number | readonly number[]): Float64Array {
  const hi = inst.layers - 1;
  if (hi < 1)
    throw new FixError('localLayers', `the model has ${inst.layers} layer: no split in 1..Υ−1 to fix`);
  const split = perUser(inst, 'localLayers', value);
  split.forEach((a, n) => {
    if (!Number.isInteger(a) || a < 1 || a > hi) {
      const at = typeof value === 'number' ? '' : `[${n}]`;
      throw new FixError(
        `localLayers${at}`,
        `must be an integer in 1..${hi} (1..Υ−1: Υ is local-only, 0 edge-only), got ${a}`,
      );
    }
  });
  return Float64Array.from(split);
}

function heldAssociation(
  inst: Instance,
  value: AssociationRule | number | readonly number[],
  loadFactor: number,
  streams: RandomStreams,
): Int32Array {
  if (typeof value === 'string') {
    if (value === 'greedy') return greedyAssociation(inst, loadFactor);
    if (value === 'random') return randomAssociation(inst, loadFactor, streams.get('random'));
    return bestGainAssociation(inst);
  }
  const association = perUser(inst, 'association', value);
  association.forEach((m, n) => {
    const at = typeof value === 'number' ? '' : `[${n}]`;
    if (!Number.isInteger(m) || m < 0 || m >= inst.servers)
      throw new FixError(
        `association${at}`,
        `must be a server index, an integer in 0..${inst.servers - 1}, got ${m}`,
      );
    if (inst.usable[n * inst.servers + m] !== 1)
      throw new FixError(`association${at}`, `user ${n} cannot reach server ${m} (channelGain[${n}][${m}])`);
  });
  return Int32Array.from(association);
}

/** Checks and compiles what is fixed; throws `FixError` naming the field. */
export function holdDecisions(
  inst: Instance,
  fixed: FixedDecisions,
  loadFactor: number,
  streams: RandomStreams,
): HeldDecisions {
  // A rule name that is not one: callers pass text through, so say which rules there are.
  if (typeof fixed.association === 'string' && !isAssociationRule(fixed.association))
    throw new FixError(
      'association',
      `unknown rule '${String(fixed.association)}' (choose from ${ASSOCIATION_RULES.join(', ')})`,
    );
  return {
    ...(fixed.localLayers === undefined ? {} : { split: heldSplit(inst, fixed.localLayers) }),
    ...(fixed.association === undefined
      ? {}
      : { association: heldAssociation(inst, fixed.association, loadFactor, streams) }),
  };
}

/** An algorithm's resource step with the split optimised (`split` undefined) or held at `split`. */
export type SplitAwareStep = (c: RunContext, split: Float64Array | undefined) => ResourcePolicy;

/** Runs `step` with `held` fixed: the outer loop if the association is free, else one step on it. */
export function runHeld(
  c: RunContext,
  step: SplitAwareStep,
  held: HeldDecisions,
): OuterRun | Promise<OuterRun> {
  const policy = step(c, held.split);
  if (held.association === undefined) return c.multiStart(policy);
  const r = policy(held.association, undefined);
  return { plan: r.plan, history: [r.objective], starts: 1, lpSolves: 0 };
}
