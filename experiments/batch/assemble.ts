/**
 * The final outputs of a finished experiment, built from its run files in task order (never in
 * completion order): rows.csv and rows.jsonl (every row),  summary.csv, figures/*.svg, report.md and report.html (the same report, figures inlined).
 * Running it twice gives the same bytes; it runs once every task has finished, in one process.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/files/index.ts';
import type { Experiment, BaseConfig, Row, Task } from '../experiment.ts';
import type { Figure } from '../report/figure.ts';
import { reportHtml } from '../report/html.ts';
import { reportIntro, reportMarkdown } from '../report/markdown.ts';
import { renderSvg } from '../report/plot.ts';
import { summarizeRows } from '../report/summary.ts';
import { summaryRows, toCsv, toJsonl } from '../report/tables.ts';
import { readRunFile, readTimingFile } from './store.ts';

/** Rows with exactly the experiment's columns, in its order (a missing cell is null). */
function normalize(columns: readonly string[], row: Row): Row {
  return Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
}

function removeTemporaries(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir))
    if (name.startsWith('.') && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
}

/** Writes every final output; returns the figures (with their claim verdicts). */
export async function assemble(
  dir: string,
  experiment: Experiment<BaseConfig>,
  config: BaseConfig,
  tasks: readonly Task[],
): Promise<Figure[]> {
  const rows = tasks.flatMap((t) => readRunFile(dir, t).rows.map((r) => normalize(experiment.columns, r)));
  const summary = summarizeRows(rows, experiment.groupBy, experiment.metrics);
  const figures = experiment.figures(summary, config, rows);
  const figuresDir = join(dir, 'figures');
  removeTemporaries(dir);
  removeTemporaries(figuresDir);
  mkdirSync(figuresDir, { recursive: true });
  const svgs = new Map<string, string>();
  for (const f of figures) {
    svgs.set(f.name, await renderSvg(f.spec));
    writeFileAtomic(join(figuresDir, `${f.name}.svg`), svgs.get(f.name)!);
  }
  const s = summaryRows(summary, experiment.groupBy);
  writeFileAtomic(join(dir, 'rows.csv'), toCsv(experiment.columns, rows));
  writeFileAtomic(join(dir, 'rows.jsonl'), toJsonl(experiment.columns, rows));
  writeFileAtomic(join(dir, 'summary.csv'), toCsv(s.columns, s.rows));
  writeFileAtomic(join(dir, 'report.md'), reportMarkdown(experiment, config, figures, tasks.length));
  const intro = reportIntro(experiment, config, tasks.length);
  writeFileAtomic(join(dir, 'report.html'), reportHtml({ title: experiment.title, intro, figures, svgs }));
  writeWallTimes(dir, tasks);
  return figures;
}

/**
 * `wall-time.csv`: the seconds each task measured (optimizer, simulation), from its wall-time
 * record. Wall-clock: it differs from run to run and is left out of every byte comparison.
 */
function writeWallTimes(dir: string, tasks: readonly Task[]): void {
  const timed = tasks.map((t) => ({ t, seconds: readTimingFile(dir, t.index) }));
  if (timed.every((x) => x.seconds === undefined)) return;
  const names = [...new Set(timed.flatMap((x) => Object.keys(x.seconds ?? {})))];
  const pointColumns = Object.keys(tasks[0]?.point ?? {});
  const columns = ['task', ...pointColumns, 'run', ...names.map((n) => `wallClock_${n}`)];
  const rows = timed.map(({ t, seconds }) => ({
    task: t.index,
    ...t.point,
    run: t.run,
    ...Object.fromEntries(names.map((n) => [`wallClock_${n}`, seconds?.[n] ?? null])),
  }));
  writeFileAtomic(join(dir, 'wall-time.csv'), toCsv(columns, rows));
}
