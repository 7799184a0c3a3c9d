// checkSolution lists every violated constraint of problem (9) (MODEL.md §5).
import { describe, expect, it } from 'vitest';
import { checkSolution, formatViolation } from '../../src/model/feasibility.ts';
import { equalShareAllocation, referenceAllocation } from '../../src/model/reference.ts';
import type { Allocation } from '../../src/model/types.ts';
import { handNetwork } from './fixtures.ts';

// Three hand users, two servers: b^max = 1000 Hz, f^max = 2100 Hz each, Υ = 4.
const net = handNetwork(3, 2);
const good: Allocation = {
  association: [0, 1, 1],
  localLayers: [1, 2, 4],
  powerW: [0.3, 0.2, 0.1],
  bandwidthHz: [1000, 1000, 0],
  userFreqHz: [1000, 700, 900],
  edgeFreqHz: [2100, 2100, 0],
};
const edit = (field: keyof Allocation, n: number, v: number): Allocation => {
  const arr = [...good[field]];
  arr[n] = v;
  return { ...good, [field]: arr };
};
const constraints = (a: Allocation, opts = {}): string[] =>
  checkSolution(net, a, opts).map((v) => `${v.constraint} ${v.path}`);

describe('checkSolution', () => {
  it('accepts a feasible allocation, the reference and both baselines', () => {
    expect(checkSolution(net, good)).toEqual([]);
    expect(checkSolution(net, referenceAllocation(net))).toEqual([]);
    expect(checkSolution(net, equalShareAllocation(net, 0))).toEqual([]);
    expect(checkSolution(net, equalShareAllocation(net, 4))).toEqual([]);
  });
  it('(9c) a user associated with server 99', () => {
    const v = checkSolution(net, edit('association', 1, 99));
    expect(v.map((x) => `${x.constraint} ${x.path}`)).toContain('9c association[1]');
    expect(formatViolation(v[0]!)).toBe(
      'association[1]: = 99: must be a server index, an integer in 0..1 (9c)',
    );
  });
  it('(9a) a layer count above Υ, or not an integer', () => {
    expect(constraints(edit('localLayers', 0, 5))).toEqual(['9a localLayers[0]']);
    expect(constraints(edit('localLayers', 0, 1.5))).toEqual(['9a localLayers[0]']);
    expect(constraints(edit('localLayers', 0, -1))).toEqual(['9a localLayers[0]']);
  });
  it('(9a) edge-only (α = 0) is allowed unless asked to enforce (9a)', () => {
    const edgeOnly = edit('localLayers', 0, 0);
    expect(checkSolution(net, edgeOnly)).toEqual([]);
    const v = checkSolution(net, edgeOnly, { allowEdgeOnly: false });
    expect(v.map(formatViolation)).toEqual([
      'localLayers[0]: = 0: must be an integer in 1..4 (0, edge-only, is a baseline outside (9a)) (9a)',
    ]);
  });
  it('(9d) a negative power, a power above the cap, a power below the floor', () => {
    expect(constraints(edit('powerW', 0, -1))).toEqual(['9d powerW[0]']);
    expect(constraints(edit('powerW', 0, 0.31))).toEqual(['9d powerW[0]']);
    expect(constraints(edit('powerW', 0, 1e-4))).toEqual(['9d powerW[0]']);
    expect(formatViolation(checkSolution(net, edit('powerW', 2, -1))[0]!)).toBe(
      'powerW[2]: = -1: must be in [0.001, 0.3] W (objective.minPowerW to users[2].maxPowerW) (9d)',
    );
  });
  it('(9f) user frequency in (0, f^max]', () => {
    expect(constraints(edit('userFreqHz', 1, 0))).toEqual(['9f userFreqHz[1]']);
    expect(constraints(edit('userFreqHz', 1, 1001))).toEqual(['9f userFreqHz[1]']);
  });
  it('(9e) a bandwidth sum above the server budget, reported per server, over and under', () => {
    const over = checkSolution(net, edit('bandwidthHz', 1, 1200)); // users 1 and 2 on server 1: 1200 + 0
    expect(over.map(formatViolation)).toEqual([
      'servers[1].bandwidthHz: its users are given 1200 Hz of bandwidth in total, over the budget 1000 Hz (must be equal, relative tolerance 0.000001) (9e)',
    ]);
    const under = checkSolution(net, edit('bandwidthHz', 0, 900));
    expect(under.map((v) => v.message)).toEqual([expect.stringContaining('under the budget 1000 Hz')]);
  });
  it('(9e) within the relative tolerance passes', () => {
    expect(checkSolution(net, edit('bandwidthHz', 0, 1000 * (1 + 1e-7)))).toEqual([]);
    expect(checkSolution(net, edit('bandwidthHz', 0, 1000 * (1 + 1e-5)))).toHaveLength(1);
  });
  it('(9g) edge frequency budget per server', () => {
    expect(constraints(edit('edgeFreqHz', 1, 2000))).toEqual(['9g servers[1].maxFreqHz']);
  });
  it('a sending user needs a positive share; a local-only user must hold none', () => {
    expect(constraints(edit('bandwidthHz', 2, 5))).toEqual(['9e bandwidthHz[2]']); // not counted in server 1's sum
    const twoOnOne: Allocation = {
      ...good,
      localLayers: [1, 2, 3],
      bandwidthHz: [1000, 1000, 0],
      edgeFreqHz: [2100, 1000, 1100],
    };
    expect(constraints(twoOnOne)).toEqual(['9e bandwidthHz[2]']);
  });
  it('an idle server allocates nothing: a server whose users all train locally has no budget rule', () => {
    const allLocal = { ...good, localLayers: [1, 4, 4], bandwidthHz: [1000, 0, 0], edgeFreqHz: [2100, 0, 0] };
    expect(checkSolution(net, allLocal)).toEqual([]);
  });
  it('non-finite values and wrong lengths', () => {
    expect(constraints(edit('powerW', 1, NaN))).toEqual(['finite powerW[1]']);
    expect(constraints(edit('edgeFreqHz', 0, Infinity))).toEqual(['finite edgeFreqHz[0]']);
    expect(constraints({ ...good, userFreqHz: [1000, 700] })).toEqual(['shape userFreqHz']);
  });
  it('lists every violation at once', () => {
    const bad = {
      ...good,
      association: [0, 99, 1],
      localLayers: [9, 2, 4],
      powerW: [-1, 0.2, 0.1],
      bandwidthHz: [1000, 1000, 3],
    };
    // User by user, then the server budgets: server 0 has no valid sender left, so no budget rule.
    expect(constraints(bad)).toEqual([
      '9a localLayers[0]',
      '9d powerW[0]',
      '9c association[1]',
      '9e bandwidthHz[2]',
    ]);
  });
});
