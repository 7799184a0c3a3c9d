// The claim checks an experiment file declares, on hand-made rows where each verdict is known:
// a ratio within a factor, a mean that grows along x, every run under a bound, and sweeps with no
// preset column or no x.
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../experiments/file/claims.ts';
import type { ClaimSpec } from '../../experiments/file/schema.ts';
import { summarizeRows } from '../../experiments/report/summary.ts';

// Two presets; method a's delay is 1.5× b's on paper and 3× on contested; iterations grow with
// servers on paper (2 → 4) and fall on contested (5 → 3); one contested run takes 9 iterations.
const rows = [
  { preset: 'paper', servers: 5, method: 'a', delayS: 3, iterations: 2 },
  { preset: 'paper', servers: 5, method: 'b', delayS: 2, iterations: 2 },
  { preset: 'paper', servers: 10, method: 'a', delayS: 3, iterations: 4 },
  { preset: 'paper', servers: 10, method: 'b', delayS: 2, iterations: 4 },
  { preset: 'contested', servers: 5, method: 'a', delayS: 6, iterations: 9 },
  { preset: 'contested', servers: 5, method: 'b', delayS: 2, iterations: 1 },
  { preset: 'contested', servers: 10, method: 'a', delayS: 6, iterations: 3 },
  { preset: 'contested', servers: 10, method: 'b', delayS: 2, iterations: 3 },
];
const summary = summarizeRows(rows, ['preset', 'servers', 'method'], ['delayS', 'iterations']);
const check = (c: Record<string, unknown>) => checkClaim({ claim: 'c', ...c } as ClaimSpec, summary);

describe('claims of an experiment file', () => {
  it('ratio-at-most: holds where the ratio is within the factor, partly when one preset is not', () => {
    const within2 = { check: 'ratio-at-most', metric: 'delayS', x: 'servers', method: 'a', than: 'b' };
    expect(check({ ...within2, atMost: 2 }).verdict).toBe('partly');
    expect(check({ ...within2, atMost: 3 }).verdict).toBe('holds');
    expect(check({ ...within2, atMost: 1 }).verdict).toBe('fails');
    expect(check({ ...within2, atMost: 2 }).detail).toContain('contested: 0/2; not at servers=5 (3×)');
  });
  it('without x: one case per preset', () => {
    const r = check({ check: 'below', metric: 'delayS', method: 'b', than: 'a' });
    expect(r.verdict).toBe('holds');
    expect(r.detail).toContain('paper: 1/1');
  });
  it('non-decreasing along x, per preset', () => {
    const r = check({ check: 'non-decreasing', metric: 'iterations', x: 'servers', method: 'b' });
    expect(r.verdict).toBe('holds');
    expect(r.detail).toContain('paper: 2 → 4; contested: 1 → 3');
    expect(check({ check: 'non-decreasing', metric: 'iterations', x: 'servers', method: 'a' }).verdict).toBe(
      'partly',
    );
  });
  it('at-most: every group, by its largest value', () => {
    expect(check({ check: 'at-most', metric: 'iterations', stat: 'max', atMost: 9 }).verdict).toBe('holds');
    const r = check({ check: 'at-most', metric: 'iterations', stat: 'max', atMost: 8 });
    expect(r.verdict).toBe('partly');
    expect(r.detail).toMatch(/^iterations at most 8 in 7 of 8 groups/);
  });
  it('at-most: a statistic other than the max, over a list of metrics', () => {
    // The mean of iterations is at most 4.5 except in (contested, 5, a) at 9; delayS means are 2..6.
    const r = check({ check: 'at-most', metric: ['iterations', 'delayS'], stat: 'mean', atMost: 4.5 });
    expect(r.verdict).toBe('partly');
    expect(r.detail).toMatch(/^iterations, delayS mean at most 4\.5 in 13 of 16 groups \(over: /);
    expect(r.detail).toContain('iterations, preset=contested, servers=5, method=a: mean 9');
    expect(
      check({ check: 'at-most', metric: ['iterations', 'delayS'], stat: 'median', atMost: 9 }).verdict,
    ).toBe('holds');
    expect(check({ check: 'at-most', metric: 'delayS', stat: 'p95', atMost: 1 }).verdict).toBe('fails');
  });
  it('a summary without presets is one panel', () => {
    const flat = summarizeRows(
      rows.filter((r) => r.preset === 'paper').map(({ preset: _p, ...r }) => r),
      ['servers', 'method'],
      ['delayS'],
    );
    const r = checkClaim(
      { claim: 'c', check: 'lowest', metric: 'delayS', x: 'servers', method: 'b', among: ['a', 'b'] },
      flat,
    );
    expect(r.verdict).toBe('holds');
    expect(r.detail).toBe('b lowest delayS at 2/2');
  });
});
