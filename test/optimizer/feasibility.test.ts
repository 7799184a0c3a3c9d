// Every solution of every algorithm passes checkSolution, on 200 seeded scenarios of several
// sizes (1–7 users, 1–4 servers, 2–8 layers, both presets, both objectives). One start of the
// outer loop: feasibility does not depend on how many starts are tried, and it keeps this fast.
import { describe, expect, it } from 'vitest';
import { checkSolution, formatViolation } from '../../src/model/index.ts';
import { ALGORITHMS, optimize } from '../../src/optimizer/index.ts';
import { smallScenario } from './fixtures.ts';

describe('every algorithm returns feasible solutions', () => {
  it('200 scenarios × 9 algorithms', async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const scenario = smallScenario(seed);
      for (const algorithm of ALGORITHMS) {
        if (algorithm === 'exact' && (scenario.users.length > 4 || scenario.llm.layers > 6)) continue;
        const s = await optimize(scenario, { algorithm, seed, starts: 1 });
        const v = checkSolution(scenario, s, { allowEdgeOnly: algorithm === 'edge-only' });
        if (v.length > 0) failures.push(`seed ${seed} ${algorithm}: ${v.map(formatViolation).join('; ')}`);
        if (algorithm !== 'local-only' && !Number.isFinite(s.objective))
          failures.push(`seed ${seed} ${algorithm}: objective ${s.objective}`);
        if (s.history.some((h, i) => i > 0 && h > (s.history[i - 1] ?? Infinity)))
          failures.push(`seed ${seed} ${algorithm}: history rises`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
