// The README's example study (experiments/policies/study.ts) runs as written: its --quick version
// makes the table and the figure, with the three policies and both cost settings.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../cli/files.ts';
import { root } from '../cli/spawn.ts';

describe('the policy study', () => {
  it(
    '--quick: six runs, a CSV and an SVG; the static plan pays no re-planning cost',
    { timeout: 600_000 },
    async () => {
      const out = tempDir();
      await new Promise<void>((resolve, reject) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', join(root, 'experiments/policies/study.ts'), '--quick', '--out', out],
          { cwd: root },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
      const [header, ...lines] = readFileSync(join(out, 'study-quick.csv'), 'utf8').trim().split('\n');
      expect(header).toBe(
        'policy,costs,objective,meanDelayS,totalEnergyJ,steps,handovers,migratedLayers,solveWaitS,epochs',
      );
      const rows = lines.map((l) => l.split(','));
      expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
        'static proposed off',
        'proposed every epoch off',
        'external threshold off',
        'static proposed on',
        'proposed every epoch on',
        'external threshold on',
      ]);
      // A plan that never changes is charged nothing: the same run with costs on.
      expect(rows[3]!.slice(2)).toEqual(rows[0]!.slice(2));
      expect(rows.every((r) => Number(r[5]) > 0)).toBe(true);
      expect(readFileSync(join(out, 'study-quick.svg'), 'utf8')).toMatch(/^<svg .*external threshold/s);
    },
  );
});
