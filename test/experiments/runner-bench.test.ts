// The runner-overhead benchmark measures both sides in one run and reports finite rates.
import { describe, expect, it } from 'vitest';
import { benchRunner, formatRunner } from '../../experiments/bench/runner-bench.ts';

describe('bench: batch runner overhead', () => {
  it('times tiny tasks in a loop and through the runner with 2 workers', async () => {
    const r = await benchRunner(20);
    expect(r).toMatchObject({ tasks: 20, workers: 2 });
    expect(r.loopTasksPerS).toBeGreaterThan(0);
    expect(r.runnerTasksPerS).toBeGreaterThan(0);
    expect(Number.isFinite(r.overheadPerTaskMs)).toBe(true);
    expect(formatRunner(r).join('\n')).toContain('overhead per task');
  }, 60_000);
});
