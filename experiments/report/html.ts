/**
 * report.html beside report.md: the same parts — title, description, configuration, each figure
 * with its claims and table — in one self-contained page, the SVGs inlined, so it opens in a
 * browser from disk with no server and no other file.
 */
import type { Figure } from './figure.ts';

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Markdown's `code` and **bold** as HTML (the only inline marks the reports use). */
const inline = (text: string): string =>
  escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');

function table(t: Figure['table']): string {
  const row = (cells: readonly string[], tag: string): string =>
    `<tr>${cells.map((c) => `<${tag}>${escape(c)}</${tag}>`).join('')}</tr>`;
  return `<table>\n<thead>${row(t.header, 'th')}</thead>\n<tbody>\n${t.body.map((r) => row(r, 'td')).join('\n')}\n</tbody>\n</table>`;
}

export interface HtmlReport {
  readonly title: string;
  /** Paragraphs before the figures (description, configuration), in Markdown's inline form. */
  readonly intro: readonly string[];
  readonly figures: readonly Figure[];
  /** Each figure's SVG text, by figure name. */
  readonly svgs: ReadonlyMap<string, string>;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:13px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
code{background:#f3f3f3;padding:0 3px}`;

export function reportHtml(r: HtmlReport): string {
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escape(r.title)}</title><style>${STYLE}</style></head>`,
    '<body>',
    `<h1>${escape(r.title)}</h1>`,
    ...r.intro.map((p) => `<p>${inline(p)}</p>`),
  ];
  for (const f of r.figures) {
    parts.push(`<h2>${escape(f.title)}</h2>`);
    parts.push(`<figure id="figure-${escape(f.name)}">${r.svgs.get(f.name) ?? ''}</figure>`);
    if (f.claims.length > 0) {
      const items = f.claims.map(
        (c) =>
          `<li><strong>${escape(c.verdict)}</strong> — paper: “${inline(c.claim)}” — mecsim: ${inline(c.detail)}</li>`,
      );
      parts.push(`<ul>\n${items.join('\n')}\n</ul>`);
    }
    parts.push(table(f.table));
  }
  parts.push('</body>', '</html>');
  return `${parts.join('\n')}\n`;
}
