// The min-cost flow that solves the association LPs, against HiGHS on the same LPs and on whole runs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flowAssignment, highsAssignment } from '../../src/optimizer/association/assignment.ts';
import { cappedAssignment, InfeasibleAssignmentError } from '../../src/optimizer/solvers/transport.ts';
import { highsSolver } from '../../src/optimizer/solvers/highs.ts';
import { optimize } from '../../src/optimizer/index.ts';
import { CONTESTED_PRESET, generateScenario } from '../../src/scenario/index.ts';

const total = (cost: number[][], choice: number[]): number =>
  choice.reduce((sum, j, i) => sum + (cost[i]?.[j] ?? NaN), 0);

/** A random capped LP: `users` rows, each with 1..servers distinct candidates and costs in (0, 10). */
const instance = fc
  .record({ users: fc.integer({ min: 1, max: 40 }), servers: fc.integer({ min: 1, max: 7 }) })
  .chain(({ users, servers }) =>
    fc.record({
      servers: fc.constant(servers),
      candidates: fc.array(fc.shuffledSubarray([...Array(servers).keys()], { minLength: 1 }), {
        minLength: users,
        maxLength: users,
      }),
      seed: fc.integer(),
      slack: fc.integer({ min: 0, max: 3 }),
    }),
  )
  .map(({ servers, candidates, seed, slack }) => {
    let state = seed >>> 0 || 1;
    const uniform = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return (state + 0.5) / 2 ** 32;
    };
    const cost = candidates.map((list) => list.map(() => 10 * uniform()));
    const cap = Math.max(1, Math.ceil(candidates.length / servers) + slack - 1);
    return { pc: { users: candidates.map((_, i) => i), servers: candidates, cost }, cap, servers };
  });

describe('cappedAssignment (successive shortest paths)', () => {
  it(
    'reaches the optimum HiGHS finds on random capped LPs, or both find none',
    { timeout: 120_000 },
    async () => {
      const highs = highsAssignment(await highsSolver());
      let feasible = 0;
      fc.assert(
        fc.property(instance, ({ pc, cap, servers }) => {
          let reference: number[] | undefined;
          try {
            reference = highs(pc, pc.cost, cap, servers);
          } catch {
            expect(() => flowAssignment(pc, pc.cost, cap, servers)).toThrow(InfeasibleAssignmentError);
            return;
          }
          feasible++;
          const choice = flowAssignment(pc, pc.cost, cap, servers);
          const load = new Array<number>(servers).fill(0);
          choice.forEach((j, i) => load[pc.servers[i]![j]!]!++);
          expect(Math.max(...load)).toBeLessThanOrEqual(cap);
          const gap = total(pc.cost, choice) - total(pc.cost, reference);
          expect(Math.abs(gap)).toBeLessThanOrEqual(1e-9 * total(pc.cost, reference));
          // Continuous random costs: the optimum is unique, so the choices agree too.
          expect(choice).toEqual(reference);
        }),
        { numRuns: 300, seed: 7 },
      );
      expect(feasible).toBeGreaterThan(100);
    },
  );
  it('without binding caps every row takes its cheapest column', () => {
    const cost = [
      [3, 1, 2],
      [0.5, 4],
      [2, 2.5],
    ];
    expect(
      cappedAssignment(
        [
          [0, 1, 2],
          [2, 0],
          [1, 2],
        ],
        cost,
        3,
        3,
      ),
    ).toEqual([1, 0, 0]);
  });
  it('names the column that cannot shed its excess', () => {
    expect(() => cappedAssignment([[0], [0], [1]], [[1], [1], [1]], 1, 2)).toThrow(/column 0/);
  });
});

describe('the association step with the flow or with HiGHS', () => {
  it(
    'gives the same proposed and ao solutions (contested preset, 30 users x 6 servers)',
    { timeout: 120_000 },
    async () => {
      const scenario = generateScenario({ seed: 4, preset: CONTESTED_PRESET, users: 30, servers: 6 });
      const highs = highsAssignment(await highsSolver());
      for (const algorithm of ['proposed', 'ao'] as const) {
        const flow = await optimize(scenario, { algorithm, seed: 2 });
        const reference = await optimize(scenario, { algorithm, seed: 2, assignment: highs });
        expect(JSON.stringify(flow)).toBe(JSON.stringify(reference));
      }
    },
  );
});
