/**
 * A figure of an experiment: a Vega-Lite spec (rendered to SVG by plot.ts) and the paper's
 * claims about it, each checked against the summary and given a verdict with the numbers.
 */
import type { TopLevelSpec } from 'vega-lite';

export type Verdict = 'holds' | 'partly' | 'fails' | 'n/a';

export interface ClaimCheck {
  /** The paper's claim, in its words where it has them. */
  readonly claim: string;
  readonly verdict: Verdict;
  /** What mecsim measured, with the numbers (and where the claim fails). */
  readonly detail: string;
}

export interface Figure {
  /** File name stem: figures/<name>.svg. */
  readonly name: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
  readonly claims: readonly ClaimCheck[];
  /** The numbers behind the figure, for the report (mean ± 95% CI). */
  readonly table: { readonly header: readonly string[]; readonly body: readonly (readonly string[])[] };
}

/** holds when every case holds, fails when none does, partly otherwise. */
export function verdictOf(held: number, cases: number): Verdict {
  if (cases === 0) return 'n/a';
  if (held === cases) return 'holds';
  return held === 0 ? 'fails' : 'partly';
}

/** One line per checked claim, `  [verdict] figure: claim`, for the command line. */
export function verdictLines(figures: readonly Figure[]): string {
  return figures.flatMap((f) => f.claims.map((c) => `  [${c.verdict}] ${f.name}: ${c.claim}\n`)).join('');
}
