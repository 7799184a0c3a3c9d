// The import-boundary check (.dependency-cruiser.cjs) fails on an import the layout table of
// DESIGN.md does not allow (type-only imports included) and passes a tree that keeps to it.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../cli/spawn.ts';
import { tempDir } from '../cli/files.ts';

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function depcruise(cwd: string): Promise<{ code: number; out: string }> {
  const bin = join(root, 'node_modules', '.bin', 'depcruise');
  const args = [
    'src',
    'sim',
    'experiments',
    '--config',
    join(root, '.dependency-cruiser.cjs'),
    '--output-type',
    'err',
  ];
  return new Promise((resolve) => {
    execFile(bin, args, { cwd }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, out: stdout + stderr });
    });
  });
}

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    module: 'ESNext',
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    noEmit: true,
  },
});

describe('import-boundary check', () => {
  it('fails on an arrow the layout table does not allow, and only on those', async () => {
    const dir = tree({
      'tsconfig.json': TSCONFIG,
      'src/model/delay.ts': 'export const delayS = 1;\n',
      'src/engine/clock.ts': "import { delayS } from '../model/delay.ts';\nexport const t = delayS;\n",
      'sim/run.ts':
        "import type { t } from '../src/engine/clock.ts';\nimport { delayS } from '../src/model/delay.ts';\nexport const r = delayS;\n",
      'experiments/index.ts': "export { r } from '../sim/run.ts';\n",
      'experiments/report/x.ts':
        "import type { m } from '../../src/cli/main.ts';\nexport type X = typeof m;\n",
      'experiments/batch/store.ts': 'export const s = 1;\n',
      'src/cli/main.ts':
        "import { r } from '../../experiments/index.ts';\nimport { s } from '../../experiments/batch/store.ts';\nexport const m = r + s;\n",
    });
    const r = await depcruise(dir);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('not-in-allowed: src/engine/clock.ts → src/model/delay.ts');
    expect(r.out).toContain('not-in-allowed: src/cli/main.ts → experiments/batch/store.ts');
    // A type-only import is an arrow too.
    expect(r.out).toContain('not-in-allowed: experiments/report/x.ts → src/cli/main.ts');
    expect(r.out).toMatch(/x 3 dependency violations/);
  }, 60_000);

  it('passes a tree that keeps to the table', async () => {
    const dir = tree({
      'tsconfig.json': TSCONFIG,
      'src/model/delay.ts': 'export const delayS = 1;\n',
      'src/scenario/schema.ts': "import { delayS } from '../model/delay.ts';\nexport const x = delayS;\n",
      'sim/run.ts': "import type { x } from '../src/scenario/schema.ts';\nexport type R = typeof x;\n",
      'experiments/index.ts':
        "import { x } from '../src/scenario/schema.ts';\nimport type { R } from '../sim/run.ts';\nexport const e: R = x;\n",
      'src/cli/main.ts': "import { e } from '../../experiments/index.ts';\nexport const m = e;\n",
    });
    const r = await depcruise(dir);
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  }, 60_000);
});
