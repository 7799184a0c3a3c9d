/**
 * An experiment's output directory. `experiment.json` holds the configuration; `runs/` holds one
 * file per finished task, written atomically (temporary file, then rename), so a killed run
 * leaves only whole files and `--resume` redoes exactly the tasks without one. Shards may share
 * a directory: each writes only its own tasks' files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, readJsonFile, writeFileAtomic } from '../../src/files/index.ts';
import { z } from 'zod';
import { toJsonText } from '../../src/scenario/format.ts';
import { issueLine } from '../../src/scenario/parse.ts';
import { integerIn, RANGES } from '../../src/scenario/ranges.ts';
import { strictObject } from '../../src/scenario/strict.ts';
import type { BaseConfig, Row, Task } from '../experiment.ts';

export const CONFIG_FILE = 'experiment.json';
export const RUNS_DIR = 'runs';
/** Wall-clock times per task: outside every byte-compared output (they differ run to run). */
export const TIMING_DIR = 'wall-time';

function configText(config: BaseConfig): string {
  return toJsonText(config);
}

function runFileName(task: number): string {
  return `task-${String(task).padStart(6, '0')}.json`;
}

export function runFilePath(dir: string, task: number): string {
  return join(dir, RUNS_DIR, runFileName(task));
}

/** What a run file holds. */
export interface RunRecord {
  readonly version: 1;
  readonly task: number;
  readonly run: number;
  readonly seed: number;
  readonly rows: readonly Row[];
}

export function runRecordText(task: Task, seed: number, rows: readonly Row[]): string {
  const record: RunRecord = { version: 1, task: task.index, run: task.run, seed, rows };
  return `${JSON.stringify(record)}\n`;
}

export function timingFilePath(dir: string, task: number): string {
  return join(dir, TIMING_DIR, runFileName(task));
}

/** A task's wall-clock seconds by what was timed (e.g. optimizeS), marked as such. */
export function timingRecordText(task: Task, seconds: Readonly<Record<string, number>>): string {
  return `${JSON.stringify({ version: 1, wallClock: true, task: task.index, run: task.run, seconds })}\n`;
}

export function writeTimingFile(dir: string, task: Task, text: string): void {
  mkdirSync(join(dir, TIMING_DIR), { recursive: true });
  writeFileAtomic(timingFilePath(dir, task.index), text);
}

/** The wall-clock seconds of a task, or undefined when it has no (readable) timing record. */
export function readTimingFile(dir: string, task: number): Record<string, number> | undefined {
  const path = timingFilePath(dir, task);
  if (!existsSync(path)) return undefined;
  try {
    const seconds = (JSON.parse(readFileSync(path, 'utf8')) as { seconds?: unknown }).seconds;
    if (seconds === null || typeof seconds !== 'object') return undefined;
    return Object.fromEntries(Object.entries(seconds).filter(([, v]) => typeof v === 'number')) as Record<
      string,
      number
    >;
  } catch {
    return undefined;
  }
}

/** The configuration stored in `dir`, or undefined when there is none. */
export function storedConfigText(dir: string): string | undefined {
  const path = join(dir, CONFIG_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Prepares `dir` for the given tasks: creates it, or checks that it holds the same configuration.
 * Without `resume`, refuses a directory in which any of these tasks has already finished.
 * Returns the indices of the tasks already finished.
 */
export function prepareStore(
  dir: string,
  config: BaseConfig,
  tasks: readonly Task[],
  resume: boolean,
): Set<number> {
  const text = configText(config);
  const stored = storedConfigText(dir);
  if (stored !== undefined && stored !== text) {
    throw new InputError(
      `--out ${dir}: holds a different experiment configuration (${join(dir, CONFIG_FILE)}); choose another --out`,
    );
  }
  const done = finishedTasks(dir, tasks);
  if (done.size > 0 && !resume) {
    throw new InputError(
      `--out ${dir}: ${done.size} of these ${tasks.length} tasks have already finished; pass --resume to continue, or choose another --out`,
    );
  }
  mkdirSync(join(dir, RUNS_DIR), { recursive: true });
  if (stored === undefined) writeFileAtomic(join(dir, CONFIG_FILE), text);
  removeStaleTemporaries(dir, tasks);
  return done;
}

/** The tasks whose run file exists (a run file exists only whole). */
function finishedTasks(dir: string, tasks: readonly Task[]): Set<number> {
  const runs = join(dir, RUNS_DIR);
  const names = new Set(existsSync(runs) ? readdirSync(runs) : []);
  return new Set(tasks.filter((t) => names.has(runFileName(t.index))).map((t) => t.index));
}

/** Temporary files of these tasks left by a killed process (never another shard's: they are per task). */
function removeStaleTemporaries(dir: string, tasks: readonly Task[]): void {
  const runs = join(dir, RUNS_DIR);
  const mine = new Set(tasks.map((t) => `.${runFileName(t.index)}.`));
  for (const name of readdirSync(runs)) {
    if (name.endsWith('.tmp') && mine.has(name.slice(0, name.indexOf('.json.') + 6)))
      rmSync(join(runs, name), { force: true });
  }
}

export function writeRunFile(dir: string, task: Task, text: string): void {
  writeFileAtomic(runFilePath(dir, task.index), text);
}

const RunRecordSchema = strictObject({
  version: z.literal(1),
  task: integerIn(RANGES.tally),
  run: integerIn(RANGES.tally),
  seed: integerIn(RANGES.tally),
  rows: z.array(z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]))),
});

export function readRunFile(dir: string, task: Task): RunRecord {
  const path = runFilePath(dir, task.index);
  const json = readJsonFile(path, 'run file');
  const parsed = RunRecordSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`run file ${path}: ${issueLine(parsed.error, json).line}`);
  if (parsed.data.task !== task.index)
    throw new InputError(`run file ${path}: not the result of task ${task.index}`);
  return parsed.data as RunRecord;
}
