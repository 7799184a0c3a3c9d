/**
 * Quantiles of Student's t distribution, for confidence intervals of a mean over n runs. The
 * degrees of freedom are whole numbers here (n − 1), so the CDF has a finite closed form
 * (Abramowitz & Stegun 26.7.3–4) with no special functions; bisection inverts it.
 */

/** P(|T| ≤ t) for t ≥ 0 and integer df ≥ 1 (A&S 26.7.3 for odd df, 26.7.4 for even df). */
function centralMass(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  if (df === 1) return (2 / Math.PI) * theta;
  // The bracketed series: odd df 1 + (2/3)c² + (2·4)/(3·5)c⁴ + …, even df 1 + (1/2)c² + (1·3)/(2·4)c⁴ + …,
  // up to the power c^(df−3) (odd) or c^(df−2) (even).
  const odd = df % 2 === 1;
  const terms = odd ? (df - 3) / 2 : (df - 2) / 2;
  let term = 1;
  let sum = 1;
  for (let j = 1; j <= terms; j++) {
    term *= odd ? (c2 * 2 * j) / (2 * j + 1) : (c2 * (2 * j - 1)) / (2 * j);
    sum += term;
  }
  return odd ? (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * sum) : Math.sin(theta) * sum;
}

/** P(T ≤ t) for Student's t with integer `df` ≥ 1 degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const half = centralMass(Math.abs(t), df) / 2;
  return t >= 0 ? 0.5 + half : 0.5 - half;
}

/** The p-quantile (0.5 < p < 1) of Student's t with integer `df` ≥ 1. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1) || !Number.isInteger(df) || df < 1) {
    throw new RangeError(`studentTQuantile: need 0.5 < p < 1 and an integer df >= 1, got p=${p}, df=${df}`);
  }
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
