// report.html opens from disk in a browser: rendered by headless Chromium (Debian's `chromium`),
// every figure is present with a non-zero size and every table is there. Skipped, saying why,
// where Chromium is not installed (CI), so the suite stays green.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../experiments/batch/runner.ts';
import { loadExperimentFile } from '../../experiments/file/load.ts';

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => {
  try {
    execFileSync('which', [c], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const dir = mkdtempSync(join(tmpdir(), 'mecsim-report-html-'));

async function buildReport(): Promise<string> {
  const file = join(dir, 'tiny.yaml');
  writeFileSync(
    file,
    stringify({
      name: 'tiny-html',
      scenario: { preset: 'contested', users: 3, servers: 2 },
      sweep: { axes: { users: { path: 'scenario.users', values: [2, 3] } } },
      record: { per: 'user' },
      figures: [
        { name: 'delay', x: 'users', y: 'delayS' },
        { name: 'energy-box', kind: 'box', x: 'users', y: 'energyJ' },
        { name: 'energy-cdf', kind: 'cdf', colour: 'users', y: 'energyJ' },
      ],
    }),
  );
  const { experiment, config } = loadExperimentFile(file);
  const out = join(dir, 'out');
  await runExperiment({
    experiment,
    config,
    outDir: out,
    workers: 1,
    shard: { index: 0, count: 1 },
    resume: false,
  });
  return join(out, 'report.html');
}

let built: Promise<string> | undefined;
/** The report of a tiny experiment file, built once for both tests. */
const tinyReport = (): Promise<string> => (built ??= buildReport());

describe('report.html', () => {
  it('is one self-contained page: every figure inlined, every table, no external reference', async () => {
    const html = readFileSync(await tinyReport(), 'utf8');
    expect(html.match(/<figure id="figure-[a-z-]+"><svg/g)).toHaveLength(3);
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html).not.toMatch(/<(img|script|link)\b/);
  }, 60_000);

  it.skipIf(CHROMIUM === undefined)(
    `renders in headless Chromium with every figure of non-zero size${CHROMIUM === undefined ? ' (skipped: no chromium on PATH; apt-get install -y chromium)' : ''}`,
    async () => {
      const page = join(dir, 'probe.html');
      // A copy with a probe that writes each figure's rendered size into the DOM Chromium dumps.
      const probe = `<script>addEventListener('load',()=>{document.body.dataset.sizes=JSON.stringify([...document.querySelectorAll('figure')].map(f=>{const r=f.querySelector('svg').getBoundingClientRect();return [f.id,r.width,r.height]}))})</script>`;
      writeFileSync(page, readFileSync(await tinyReport(), 'utf8').replace('</body>', `${probe}</body>`));
      const dom = execFileSync(
        CHROMIUM!,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          `--user-data-dir=${join(dir, 'profile')}`,
          '--dump-dom',
          `file://${page}`,
        ],
        { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      const sizes = JSON.parse(/data-sizes="([^"]*)"/.exec(dom)![1]!.replaceAll('&quot;', '"')) as [
        string,
        number,
        number,
      ][];
      expect(sizes.map(([id]) => id)).toEqual(['figure-delay', 'figure-energy-box', 'figure-energy-cdf']);
      for (const [, w, h] of sizes) {
        expect(w).toBeGreaterThan(50);
        expect(h).toBeGreaterThan(50);
      }
    },
    90_000,
  );
});
