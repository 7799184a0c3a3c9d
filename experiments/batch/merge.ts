/**
 * Joins the output directories of an experiment's shards: checks that they hold the same
 * configuration, that together they cover every task, and that a task found twice has the same
 * bytes; then gathers the run files into one directory and writes the final outputs. Nothing is
 * written unless every check passes.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, readJsonFile, writeFileAtomic } from '../../src/files/index.ts';
import type { Task } from '../experiment.ts';
import type { Figure } from '../report/figure.ts';
import { experimentFor } from '../registry.ts';
import { assemble } from './assemble.ts';
import { parseConfig } from './config.ts';
import {
  CONFIG_FILE,
  RUNS_DIR,
  runFilePath,
  storedConfigText,
  timingFilePath,
  writeTimingFile,
} from './store.ts';
import { taskList } from './tasks.ts';

export interface MergeOutcome {
  readonly experiment: string;
  readonly tasks: number;
  readonly outDir: string;
  readonly figures: readonly Figure[];
}

function describeMissing(missing: readonly number[]): string {
  const shown = missing.slice(0, 5).join(', ');
  return `${shown}${missing.length > 5 ? ', …' : ''}`;
}

/** A task's wall-time record, when a shard has one, goes along (not checked: it is wall-clock). */
function copyTiming(dirs: readonly string[], outDir: string, task: Task): void {
  const source = dirs.map((d) => timingFilePath(d, task.index)).find((p) => existsSync(p));
  if (source !== undefined && resolve(source) !== resolve(timingFilePath(outDir, task.index)))
    writeTimingFile(outDir, task, readFileSync(source, 'utf8'));
}

export async function mergeShards(dirs: readonly string[], outDir: string): Promise<MergeOutcome> {
  const texts = dirs.map((d) => {
    if (!existsSync(join(d, CONFIG_FILE)))
      throw new InputError(`${d}: not an experiment output directory (no ${CONFIG_FILE})`);
    return readFileSync(join(d, CONFIG_FILE), 'utf8');
  });
  const config = parseConfig(
    readJsonFile(join(dirs[0]!, CONFIG_FILE), 'experiment file'),
    join(dirs[0]!, CONFIG_FILE),
  );
  texts.forEach((t, i) => {
    if (t !== texts[0])
      throw new InputError(
        `${dirs[i]}: holds a different experiment configuration than ${dirs[0]}; only shards of one run can be merged`,
      );
  });
  const experiment = experimentFor(config);
  const tasks = taskList(experiment, config);
  const sources: string[] = [];
  const missing: number[] = [];
  for (const task of tasks) {
    const found = dirs.map((d) => runFilePath(d, task.index)).filter((p) => existsSync(p));
    const first = found[0];
    if (first === undefined) {
      missing.push(task.index);
      continue;
    }
    const bytes = readFileSync(first, 'utf8');
    for (const other of found.slice(1)) {
      if (readFileSync(other, 'utf8') !== bytes)
        throw new InputError(
          `task ${task.index}: ${first} and ${other} differ; were the shards run from different code?`,
        );
    }
    sources.push(first);
  }
  if (missing.length > 0) {
    throw new InputError(
      `merge: ${missing.length} of ${tasks.length} tasks have no run file in ${dirs.join(', ')} (tasks ${describeMissing(missing)}); run or --resume the missing shards first`,
    );
  }
  const stored = storedConfigText(outDir);
  if (stored !== undefined && stored !== texts[0])
    throw new InputError(`--out ${outDir}: holds a different experiment configuration`);
  mkdirSync(join(outDir, RUNS_DIR), { recursive: true });
  writeFileAtomic(join(outDir, CONFIG_FILE), texts[0]!);
  tasks.forEach((task, i) => {
    const target = runFilePath(outDir, task.index);
    if (resolve(target) !== resolve(sources[i]!)) writeFileAtomic(target, readFileSync(sources[i]!, 'utf8'));
    copyTiming(dirs, outDir, task);
  });
  const figures = await assemble(outDir, experiment, config, tasks);
  return { experiment: config.experiment, tasks: tasks.length, outDir, figures };
}
