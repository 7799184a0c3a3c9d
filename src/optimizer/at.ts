/**
 * Checked indexing for user and server indices: `xs[i] ?? 0` would quietly turn a bad index into
 * user or server 0 and give a plausible wrong answer; `at` throws instead.
 */
export function at<T>(xs: ArrayLike<T>, i: number): T {
  const v = xs[i];
  if (v === undefined) throw new RangeError(`index ${i} outside 0..${xs.length - 1}`);
  return v;
}
