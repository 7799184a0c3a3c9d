/**
 * report.md of one experiment: its configuration and seed rule, then each figure beside the
 * paper's claims, a verdict per claim, and the numbers behind the figure.
 */
import type { BaseConfig, Experiment } from '../experiment.ts';
import type { Figure } from './figure.ts';
import { markdownTable } from './tables.ts';

/** The paragraphs before the figures, shared by report.md and report.html. */
export function reportIntro(experiment: Experiment<BaseConfig>, config: BaseConfig, tasks: number): string[] {
  return [
    experiment.description,
    `Configuration: \`${experiment.command(config)}\`; ${tasks} tasks. ` +
      `Each run is a scenario generated with a seed derived from (master seed ${config.seed}, "${experiment.name}", run index), ` +
      'shared by every sweep point and method of that run (paired comparisons). Cells are mean ± 95% Student-t ' +
      `confidence half-width over ${experiment.statsOver ?? `the ${config.runs} runs`}.`,
  ];
}

export function reportMarkdown(
  experiment: Experiment<BaseConfig>,
  config: BaseConfig,
  figures: readonly Figure[],
  tasks: number,
): string {
  const parts = [`# ${experiment.title}`, ...reportIntro(experiment, config, tasks)];
  for (const f of figures) {
    parts.push(`## ${f.title}`, `![${f.title}](figures/${f.name}.svg)`);
    if (f.claims.length > 0) {
      parts.push(
        f.claims.map((c) => `- **${c.verdict}** — paper: “${c.claim}” — mecsim: ${c.detail}`).join('\n'),
      );
    }
    parts.push(markdownTable(f.table.header, f.table.body));
  }
  return `${parts.join('\n\n')}\n`;
}
