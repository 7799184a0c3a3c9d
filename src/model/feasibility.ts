/**
 * `checkSolution`: every constraint of problem (9) (MODEL.md §5) that an allocation violates, plus
 * the shape rules an evaluation needs (one entry per user, finite numbers). An empty list means
 * feasible. Used by `mecsim evaluate` and by every optimizer and simulator before trusting a result.
 */
import type { Allocation, Network } from './types.ts';

/** One violated rule. `constraint` is the paper's label ('9a'…'9g') or 'shape' / 'finite'. */
export interface Violation {
  readonly constraint: string;
  /** The field, e.g. `powerW[3]` or `servers[2].bandwidthHz`. */
  readonly path: string;
  readonly message: string;
}

export interface CheckOptions {
  /**
   * Accept α_n = 0, the edge-only baseline outside (9a) (default true, so that baselines check).
   * Optimizers pass false to enforce (9a), α_n ∈ {1, …, Υ}. α_n = Υ (local-only) is inside (9a).
   */
  readonly allowEdgeOnly?: boolean;
  /** Relative tolerance of the budget equalities (9e), (9g); default 1e-6. */
  readonly budgetRelTol?: number;
  /**
   * Accept a server whose users are given less than its budget in total (default false: (9e), (9g)
   * are equalities). A simulated policy may leave bandwidth or GPU idle; over budget is never
   * accepted.
   */
  readonly underBudget?: boolean;
}

/** `path: message (9x)`, one line. */
export function formatViolation(v: Violation): string {
  return `${v.path}: ${v.message} (${v.constraint})`;
}

const FIELDS = ['association', 'localLayers', 'powerW', 'bandwidthHz', 'userFreqHz', 'edgeFreqHz'] as const;

/** Lists every violated constraint of `solution` for `net`; [] when feasible. */
export function checkSolution(net: Network, solution: Allocation, options: CheckOptions = {}): Violation[] {
  const allowEdgeOnly = options.allowEdgeOnly ?? true;
  const tol = options.budgetRelTol ?? 1e-6;
  const underBudget = options.underBudget ?? false;
  const out: Violation[] = [];
  const add = (constraint: string, path: string, message: string): void => {
    out.push({ constraint, path, message });
  };
  const N = net.users.length;
  const M = net.servers.length;
  const L = net.llm.layers;

  for (const field of FIELDS) {
    const arr = solution[field];
    if (arr.length !== N) add('shape', field, `has ${arr.length} entries, expected ${N} (one per user)`);
    arr.forEach((v, n) => {
      if (!Number.isFinite(v)) add('finite', `${field}[${n}]`, `must be a finite number, got ${v}`);
    });
  }
  if (out.length > 0) return out; // per-user rules need one finite entry per user

  const bwUsed = new Array<number>(M).fill(0);
  const freqUsed = new Array<number>(M).fill(0);
  const senders = new Array<number>(M).fill(0);
  const minAlpha = allowEdgeOnly ? 0 : 1;
  for (let n = 0; n < N; n++) {
    const user = net.users[n]!;
    const m = solution.association[n]!;
    const alpha = solution.localLayers[n]!;
    const p = solution.powerW[n]!;
    const b = solution.bandwidthHz[n]!;
    const f = solution.userFreqHz[n]!;
    const fe = solution.edgeFreqHz[n]!;
    const validServer = Number.isInteger(m) && m >= 0 && m < M;
    if (!validServer)
      add('9c', `association[${n}]`, `= ${m}: must be a server index, an integer in 0..${M - 1}`);
    const validAlpha = Number.isInteger(alpha) && alpha >= minAlpha && alpha <= L;
    if (!validAlpha) {
      const why = allowEdgeOnly ? '' : ' (0, edge-only, is a baseline outside (9a))';
      add('9a', `localLayers[${n}]`, `= ${alpha}: must be an integer in ${minAlpha}..${L}${why}`);
    }
    const pMin = net.objective.minPowerW;
    if (!(p >= pMin && p <= user.maxPowerW)) {
      add(
        '9d',
        `powerW[${n}]`,
        `= ${p}: must be in [${pMin}, ${user.maxPowerW}] W (objective.minPowerW to users[${n}].maxPowerW)`,
      );
    }
    if (!(f > 0 && f <= user.maxFreqHz)) {
      add('9f', `userFreqHz[${n}]`, `= ${f}: must be in (0, ${user.maxFreqHz}] Hz (users[${n}].maxFreqHz)`);
    }
    if (!validAlpha) continue;
    const sends = alpha < L;
    for (const [field, value, c] of [
      ['bandwidthHz', b, '9e'],
      ['edgeFreqHz', fe, '9g'],
    ] as const) {
      if (sends && !(value > 0)) {
        add(
          c,
          `${field}[${n}]`,
          `= ${value}: must be > 0 for a user that offloads layers (localLayers < ${L})`,
        );
      } else if (!sends && value !== 0) {
        add(c, `${field}[${n}]`, `= ${value}: must be 0 for a user that trains all ${L} layers locally`);
      }
    }
    if (sends && validServer) {
      senders[m]! += 1;
      bwUsed[m]! += b;
      freqUsed[m]! += fe;
    }
  }

  // (9e), (9g): equalities for every server with a sender; an idle server allocates nothing,
  // which the per-user rules above already ensure (only senders may hold a share).
  for (let m = 0; m < M; m++) {
    if (senders[m] === 0) continue;
    const server = net.servers[m]!;
    checkBudget(
      add,
      '9e',
      `servers[${m}].bandwidthHz`,
      bwUsed[m]!,
      server.bandwidthHz,
      'Hz',
      'bandwidth',
      tol,
      underBudget,
    );
    checkBudget(
      add,
      '9g',
      `servers[${m}].maxFreqHz`,
      freqUsed[m]!,
      server.maxFreqHz,
      'Hz',
      'GPU frequency',
      tol,
      underBudget,
    );
  }
  return out;
}

function checkBudget(
  add: (c: string, path: string, msg: string) => void,
  constraint: string,
  path: string,
  used: number,
  budget: number,
  unit: string,
  what: string,
  tol: number,
  underBudget: boolean,
): void {
  if (Math.abs(used - budget) <= tol * budget || (underBudget && used < budget)) return;
  const side = used > budget ? 'over' : 'under';
  const rule = underBudget ? 'must not exceed it' : 'must be equal';
  add(
    constraint,
    path,
    `its users are given ${used} ${unit} of ${what} in total, ${side} the budget ${budget} ${unit} (${rule}, relative tolerance ${tol})`,
  );
}
