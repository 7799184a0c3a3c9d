/**
 * Validation of untrusted JSON into scenarios and solutions, with one-line errors that name the
 * field and the allowed range, e.g. `scenario: users[3].maxPowerW: must be > 0 (got -1)`.
 * Pure: the caller reads the file (src/cli/io.ts) and passes the parsed JSON.
 */
import type { z } from 'zod';
import { ScenarioSchema, SolutionSchema, type Scenario, type Solution } from './schema.ts';

/** Invalid scenario or solution content; `message` is one line naming the field. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** `users[3].maxPowerW` from `['users', 3, 'maxPowerW']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : typeof v;
}

const article = (expected: string): string => {
  if (expected === 'int') return 'an integer';
  if (expected === 'object' || expected === 'array') return `an ${expected}`;
  return `a ${expected}`;
};

/** One issue as `what is wrong (got what)`, without the path. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const got = valueAt(root, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (got === undefined) return `missing; expected ${article(issue.expected)}`;
      return `must be ${article(issue.expected)}, got ${show(got)}`;
    case 'too_small':
    case 'too_big': {
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      if (issue.origin === 'array') {
        const n = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        return `must have ${op} ${String(n)} entries, got ${Array.isArray(got) ? got.length : show(got)}`;
      }
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      return `must be ${op} ${String(bound)} (got ${show(got)})`;
    }
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')} (got ${show(got)})`;
    case 'custom':
      return / got /.test(issue.message) || got === undefined
        ? issue.message
        : `${issue.message}, got ${show(got)}`;
    default:
      return issue.message;
  }
}

/**
 * The first issue of a failed parse as one line, `field: what is wrong (got what)`, and the rest
 * counted; the one wording of every file mecsim reads (scenario, solution, config, experiment).
 */
export function issueLine(error: z.ZodError, input: unknown): { field: string; line: string } {
  const [first, ...rest] = error.issues;
  if (first === undefined) return { field: '(root)', line: 'invalid' };
  const field = formatPath(first.path);
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  const at = field === '(root)' ? '' : `${field}: `;
  return { field, line: `${at}${describeIssue(first, input)}${more}` };
}

/** Parses with a schema; on failure throws one line for the first issue (and counts the rest). */
export function parseWith<S extends z.ZodType>(schema: S, json: unknown, source: string): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const { field, line } = issueLine(result.error, json);
  throw new ValidationError(`${source}: ${line}`, field);
}

/** A validated scenario from parsed JSON; `source` starts the error line (e.g. the file name). */
export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  return parseWith(ScenarioSchema, json, source);
}

/** A solution file's shape from parsed JSON (ranges are checked by `checkSolution`). */
export function parseSolution(json: unknown, source = 'solution'): Solution {
  return parseWith(SolutionSchema, json, source);
}
