/**
 * `--set PATH=VALUE` on a scenario: `llm.batchSize=64`, `users[*].flopsPerCycle=250`,
 * `users[3].maxPowerW=0.2`, `servers[0:5].gpuCores=40` (indices 0..4), `weights.energy=5`.
 * A path must name a field the scenario has (a near miss gets a suggestion); the value is JSON
 * (a number, true/false, a quoted string, an array or object), else taken as text, and the result
 * is validated by the schema like any file. Then what is derived from the fields set follows them
 * (`rederive`): a user's activation size keeps its bits per value, gains follow positions and the
 * path-loss law, and the normalisation is recomputed from its inputs.
 */
import { pathGainBetween } from '../model/channel.ts';
import { normalizationOf } from '../model/reference.ts';
import { sameNormalization } from './normalization.ts';
import { ValidationError, parseScenario } from './parse.ts';
import type { Scenario } from './schema.ts';
import { nearestKey } from './strict.ts';

type Step =
  | { readonly key: string }
  | { readonly all: true }
  | { readonly from: number; readonly to: number; readonly text: string };

const fail = (message: string): never => {
  throw new ValidationError(`--set ${message}`, '--set');
};

function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  for (const segment of path.split('.')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)((?:\[(?:\*|\d+|\d+:\d+)\])*)$/.exec(segment);
    if (m === null) {
      return fail(
        `${path}: not a path; write e.g. llm.batchSize, users[*].flopsPerCycle, users[3].maxPowerW, servers[0:5].gpuCores`,
      );
    }
    steps.push({ key: m[1]! });
    for (const [, t] of (m[2] ?? '').matchAll(/\[([^\]]*)\]/g)) {
      if (t === '*') steps.push({ all: true });
      else {
        const [a, b] = t!.includes(':') ? t!.split(':').map(Number) : [Number(t), Number(t) + 1];
        steps.push({ from: a!, to: b!, text: t! });
      }
    }
  }
  return steps;
}

interface Slot {
  readonly parent: Record<string | number, unknown>;
  readonly key: string | number;
  readonly at: string;
}

/** The slots a path names in `doc`, or a one-line error naming the first wrong step. */
function slotsOf(doc: unknown, path: string): Slot[] {
  let frontier: { node: unknown; at: string }[] = [{ node: doc, at: '' }];
  let slots: Slot[] = [];
  for (const step of parsePath(path)) {
    slots = [];
    for (const { node, at } of frontier) {
      if ('key' in step) {
        if (node === null || typeof node !== 'object' || Array.isArray(node)) {
          fail(
            `${path}: ${at} is ${Array.isArray(node) ? 'a list: index it, e.g. [*] or [0]' : 'not an object'}`,
          );
        }
        const obj = node as Record<string, unknown>;
        if (!Object.hasOwn(obj, step.key)) {
          const known = Object.keys(obj);
          const guess = nearestKey(step.key, known);
          const where = at === '' ? '' : ` in ${at}`;
          fail(
            `${path}: unknown field '${step.key}'${where} (${guess === undefined ? `known: ${known.join(', ')}` : `did you mean '${guess}'?`})`,
          );
        }
        slots.push({ parent: obj, key: step.key, at: at === '' ? step.key : `${at}.${step.key}` });
      } else {
        if (!Array.isArray(node)) fail(`${path}: ${at} is not a list`);
        const list = node as unknown[];
        const [from, to] = 'all' in step ? [0, list.length] : [step.from, step.to];
        if (!(from < to && to <= list.length)) {
          fail(
            `${path}: ${at}[${'all' in step ? '*' : step.text}] is out of range: ${at} has indices 0..${list.length - 1}`,
          );
        }
        for (let i = from; i < to; i++) slots.push({ parent: list as never, key: i, at: `${at}[${i}]` });
      }
    }
    frontier = slots.map((s) => ({ node: s.parent[s.key], at: s.at }));
  }
  return slots;
}

/** A deep copy of JSON data (a scenario is JSON; the pure folders have no structuredClone). */
const jsonCopy = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** The value text as JSON when it parses, else as a string. */
function valueOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The result of `--set`: the scenario, the concrete paths set, and what was recomputed. */
export interface Overridden {
  readonly scenario: Scenario;
  readonly recomputed: string[];
}

/**
 * `sets` applied to a scenario, validated, with what derives from them recomputed. Throws a
 * ValidationError (one line naming `--set` and the path) for a bad path or value.
 */
export function applySets(scenario: Scenario, sets: readonly string[]): Overridden {
  if (sets.length === 0) return { scenario, recomputed: [] };
  const doc = jsonCopy(scenario);
  const touched = new Set<string>();
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) fail(`${assignment}: must be PATH=VALUE, e.g. llm.batchSize=64`);
    const path = assignment.slice(0, eq).trim();
    const value = valueOf(assignment.slice(eq + 1).trim());
    for (const slot of slotsOf(doc, path)) {
      slot.parent[slot.key] = jsonCopy(value);
      touched.add(slot.at);
    }
  }
  const after = parseScenario(doc, `--set ${sets.join(' ')}:`.slice(0, 200).replace(/:$/, ''));
  return rederive(scenario, after, touched);
}

const isTouched = (touched: ReadonlySet<string>, prefix: string): boolean =>
  [...touched].some((p) => p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`));

/** The fields derived from those `touched` recomputed (unless set themselves). */
function rederive(before: Scenario, after: Scenario, touched: ReadonlySet<string>): Overridden {
  const recomputed: string[] = [];
  const { batchSize: b0, hiddenDim: h0 } = before.llm;
  const { batchSize: b1, hiddenDim: h1 } = after.llm;
  let resized = 0;
  const users = after.users.map((u, n) => {
    const old = before.users[n]!;
    if (isTouched(touched, `users[${n}].activationBits`)) return u;
    if (b0 === b1 && h0 === h1 && old.tokens === u.tokens) return u;
    resized++;
    const bitsPerValue = old.activationBits / (b0 * old.tokens * h0);
    return { ...u, activationBits: b1 * u.tokens * h1 * bitsPerValue };
  });
  if (resized > 0) recomputed.push(`activationBits of ${resized} user(s)`);
  const moved =
    JSON.stringify(before.pathLoss) !== JSON.stringify(after.pathLoss) ||
    before.users.some((u, n) => u.xM !== after.users[n]!.xM || u.yM !== after.users[n]!.yM) ||
    before.servers.some((s, m) => s.xM !== after.servers[m]!.xM || s.yM !== after.servers[m]!.yM);
  let channelGain = after.channelGain;
  if (moved && !isTouched(touched, 'channelGain')) {
    channelGain = users.map((u) => after.servers.map((s) => pathGainBetween(u, s, after.pathLoss)));
    recomputed.push('channelGain');
  }
  const next = { ...after, users, channelGain };
  if (!isTouched(touched, 'normalization')) {
    const normalization = normalizationOf(next);
    if (!sameNormalization(normalization, after.normalization)) recomputed.push('normalization');
    return { scenario: { ...next, normalization }, recomputed };
  }
  return { scenario: next, recomputed };
}
