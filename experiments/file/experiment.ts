/**
 * An experiment file as an Experiment of the batch runner: its sweep points, its task (task.ts),
 * its columns and its figures. Built from the stored configuration alone, so workers, resume and
 * merge rebuild the same experiment from `experiment.json`.
 */
import type { Experiment } from '../experiment.ts';
import type { FileConfig } from './config.ts';
import { fileFigures } from './figures.ts';
import { taskPoints } from './sweep.ts';
import { runFileTask } from './task.ts';
import { fileColumns, fileGroups } from './task-columns.ts';

function describeSweep(config: FileConfig): string {
  const f = config.file;
  const axes = Object.entries(f.sweep.axes).map(([name, a]) => `${name} (${a.path ?? 'a label'})`);
  const base =
    f.scenario.file !== undefined
      ? `the scenario file ${f.scenario.file}`
      : `preset ${f.scenario.preset ?? (Object.keys(f.scenario).some((k) => ['phones', 'edgeGpus', 'llm', 'finetune', 'precision', 'radio'].includes(k)) ? 'realistic' : 'paper')}`;
  const sim = f.simulation === undefined ? '' : '; each allocation is also simulated';
  const methods = f.optimizer.methods?.join(', ') ?? f.optimizer.method ?? 'proposed';
  return `From an experiment file: ${base}, swept over ${axes.join(f.sweep.combine === 'zip' ? ' zipped with ' : ' × ') || 'nothing'}; method ${methods}${sim}.`;
}

export function fileExperiment(config: FileConfig): Experiment<FileConfig> {
  const f = config.file;
  const { columns, metrics } = fileColumns(f);
  return {
    name: config.experiment,
    title: f.title ?? config.experiment,
    description: f.description ?? describeSweep(config),
    ...(f.record.per === 'user'
      ? {
          statsOver:
            'every user of every run (users of one run share its scenario, so the intervals are indicative)',
        }
      : {}),
    columns,
    groupBy: fileGroups(f),
    metrics,
    points: () => taskPoints(f),
    runTask: runFileTask,
    figures: (summary, _config, rows) => fileFigures(f.figures, summary, rows),
    command: (c) =>
      `mecsim experiment FILE --runs ${c.runs} --seed ${c.seed}` + ` (FILE: name ${c.experiment})`,
  };
}
