// The association LP: rendering, HiGHS on programs with known optima, typed errors, heap growth.
import { describe, expect, it } from 'vitest';
import { loadCaps } from '../../src/optimizer/association/cccp.ts';
import { associationLp } from '../../src/optimizer/association/assignment.ts';
import { LpSolveError, highsSolver } from '../../src/optimizer/solvers/highs.ts';
import { renderLp, type LinearProgram } from '../../src/optimizer/solvers/lp.ts';
import { collectGarbage } from '../../experiments/bench/measure.ts';

const tiny: LinearProgram = {
  variables: ['x', 'y'],
  objective: [
    { variable: 'x', coef: 1 },
    { variable: 'y', coef: 2.5e-7 },
  ],
  rows: [
    {
      name: 'r',
      terms: [
        { variable: 'x', coef: 1 },
        { variable: 'y', coef: 1 },
      ],
      sense: '=',
      rhs: 1,
    },
  ],
  lower: 0,
  upper: 1,
};

describe('LP as data → CPLEX LP text', () => {
  it('renders objective, rows and bounds at full precision', () => {
    expect(renderLp(tiny)).toBe(
      [
        'Minimize',
        ' obj: 1 x + 2.5e-7 y',
        'Subject To',
        ' r: 1 x + 1 y = 1',
        'Bounds',
        ' 0 <= x <= 1',
        ' 0 <= y <= 1',
        'End',
        '',
      ].join('\n'),
    );
  });
  it('refuses a non-finite coefficient', () => {
    expect(() => renderLp({ ...tiny, objective: [{ variable: 'x', coef: Infinity }] })).toThrow(RangeError);
  });
});

describe('HiGHS', () => {
  it('solves a program with a known optimum', async () => {
    const solver = await highsSolver();
    const sol = solver.solve(tiny);
    expect(sol.values.get('y')).toBeCloseTo(1, 12);
    expect(sol.objective).toBeCloseTo(2.5e-7, 15);
  });
  it('maps an infeasible program to LpSolveError', async () => {
    const solver = await highsSolver();
    expect(() =>
      solver.solve({
        ...tiny,
        rows: [...tiny.rows, { name: 's', terms: [{ variable: 'x', coef: 1 }], sense: '>=', rhs: 2 }],
      }),
    ).toThrow(LpSolveError);
  });
  it('the association LP under a load cap is solved to a binary vertex', async () => {
    const solver = await highsSolver();
    // 3 users all prefer server 0; the cap (⌈1·3/2⌉ = 2) sends the one with the smallest regret to server 1.
    const pc = {
      users: [0, 1, 2],
      servers: [
        [0, 1],
        [0, 1],
        [0, 1],
      ],
      cost: [
        [1, 5],
        [1, 2],
        [1, 9],
      ],
    };
    const cap = loadCaps(2, 3, 2, 1);
    const sol = solver.solve(associationLp(pc, pc.cost, cap, 2));
    expect(cap).toBe(2);
    expect([0, 1, 2].map((n) => sol.values.get(`x${n}_1`))).toEqual([0, 1, 0]);
  });
  it(
    'many solves do not grow the heap without bound (each solve frees its native model)',
    { timeout: 60_000 },
    async () => {
      const solver = await highsSolver();
      const pc = {
        users: [...Array(200).keys()],
        servers: Array.from({ length: 200 }, () => [0, 1, 2, 3]),
        cost: [] as number[][],
      };
      const cost = pc.users.map((n) => [1 + (n % 3), 2, 3 - (n % 2), 2.5]);
      const lp = associationLp({ ...pc, cost }, cost, 60, 4);
      for (let i = 0; i < 20; i++) solver.solve(lp);
      // Collect the JS garbage (LP texts, results) first: a leaked native model would live in the
      // WASM memory, which never shrinks, while uncollected JS garbage only makes RSS noisy.
      collectGarbage();
      const before = process.memoryUsage().rss;
      for (let i = 0; i < 200; i++) solver.solve(lp);
      collectGarbage();
      const grownMb = (process.memoryUsage().rss - before) / 2 ** 20;
      expect(grownMb).toBeLessThan(64);
    },
  );
});
