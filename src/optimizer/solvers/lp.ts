/**
 * A linear program as data, and its rendering to CPLEX LP text for HiGHS (STYLE.md §8): the
 * association step builds the data; only `renderLp` knows the text format.
 */

/** Σ coef·x over the named variables. */
export interface LinearTerm {
  readonly variable: string;
  readonly coef: number;
}

export interface LpRow {
  readonly name: string;
  readonly terms: readonly LinearTerm[];
  readonly sense: '=' | '<=' | '>=';
  readonly rhs: number;
}

/** min Σ objective, subject to rows, every variable in [lower, upper]. */
export interface LinearProgram {
  readonly variables: readonly string[];
  readonly objective: readonly LinearTerm[];
  readonly rows: readonly LpRow[];
  readonly lower: number;
  readonly upper: number;
}

/** A number as LP text: JavaScript's shortest round-trip form (exponent form is accepted by HiGHS). */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`LP coefficient must be finite, got ${x}`);
  return String(x);
}

function linear(terms: readonly LinearTerm[]): string {
  if (terms.length === 0) return '0';
  return terms
    .map((t, i) => {
      const sign = t.coef < 0 ? '- ' : i === 0 ? '' : '+ ';
      return `${sign}${num(Math.abs(t.coef))} ${t.variable}`;
    })
    .join(' ');
}

/** The CPLEX LP text of a program (one line per row; lines wrap within HiGHS's limits). */
export function renderLp(lp: LinearProgram): string {
  const out: string[] = ['Minimize', ` obj: ${linear(lp.objective)}`, 'Subject To'];
  for (const row of lp.rows) out.push(` ${row.name}: ${linear(row.terms)} ${row.sense} ${num(row.rhs)}`);
  out.push('Bounds');
  for (const v of lp.variables) out.push(` ${num(lp.lower)} <= ${v} <= ${num(lp.upper)}`);
  out.push('End', '');
  return out.join('\n');
}
