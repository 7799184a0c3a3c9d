// The outer loop's watch: progress after every outer iteration, and an early stop that keeps a
// feasible best-so-far plan marked partial (what `optimize --max-wall/--max-iterations` use).
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/index.ts';
import { optimize, type OuterProgress } from '../../src/optimizer/index.ts';
import { CONTESTED_PRESET, generateScenario } from '../../src/scenario/index.ts';

const scenario = generateScenario({ seed: 3, preset: CONTESTED_PRESET, users: 20, servers: 4 });

describe('optimize with a watch', () => {
  it('sees every outer iteration and changes nothing when it never stops the run', async () => {
    const seen: OuterProgress[] = [];
    const watched = await optimize(scenario, { seed: 2, watch: (p) => (seen.push(p), false) });
    const plain = await optimize(scenario, { seed: 2 });
    expect(JSON.stringify(watched)).toBe(JSON.stringify(plain));
    expect(watched.partial).toBeUndefined();
    expect(seen.map((p) => p.iterations)).toEqual(seen.map((_, i) => i + 1));
    expect(new Set(seen.map((p) => p.start)).size).toBe(plain.starts);
    expect(seen.length).toBeGreaterThan(plain.starts);
  });
  it('stopped after the first resource step: one start, one iteration, feasible, partial', async () => {
    const s = await optimize(scenario, { seed: 2, watch: (p) => p.iterations >= 1 });
    expect(s.partial).toBe(true);
    expect([s.starts, s.history.length, s.lpSolves]).toEqual([1, 1, 0]);
    expect(checkSolution(scenario, s)).toEqual([]);
    const full = await optimize(scenario, { seed: 2 });
    expect(s.objective).toBeGreaterThanOrEqual(full.objective);
  });
});
