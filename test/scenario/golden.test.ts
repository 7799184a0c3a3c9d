// Golden ("noreg") test: the default scenario for seed 1 is byte-identical to the committed file.
// If a deliberate change alters it, regenerate with
//   npx tsx src/cli/main.ts scenario --seed 1 --out test/scenario/golden/paper-seed1.json
// and say why in the commit message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.ts';
import { formatScenario } from '../../src/scenario/format.ts';

const goldenPath = new URL('./golden/paper-seed1.json', import.meta.url);

describe('golden scenario', () => {
  it('the default scenario for seed 1 is written byte-identically every time', () => {
    const first = formatScenario(generateScenario({ seed: 1 }));
    const second = formatScenario(generateScenario({ seed: 1 }));
    expect(second).toBe(first);
    expect(first).toBe(readFileSync(goldenPath, 'utf8'));
  });
});
