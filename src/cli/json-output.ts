/**
 * mecsim's JSON, for stdout and files alike: `"version": 1` first at every root (the DESIGN.md
 * contract), a document with two-space indent, or one line per item for commands that report
 * several (`experiment all --json`).
 */
import { toJsonText } from '../scenario/format.ts';

/** A JSON document: `{ "version": 1, ...body }`, two-space indent, final newline. */
export function jsonText(body: object): string {
  return toJsonText({ version: 1, ...body });
}

/** One JSON line: `{"version":1,...}` and a newline. */
export function jsonLine(body: object): string {
  return `${JSON.stringify({ version: 1, ...body })}\n`;
}
