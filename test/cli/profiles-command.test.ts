import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFromFlags, type ScenarioFlags } from '../../src/cli/commands/scenario.ts';
import { loadScenarioFile } from '../../src/cli/load.ts';
import { InputError } from '../../src/files/index.ts';
import { mecsim, oneLineFailure, SLOW } from './spawn.ts';
import { tempDir } from './files.ts';

const flags = (extra: Partial<ScenarioFlags> = {}): ScenarioFlags => ({
  seed: '1',
  uplinkDelay: true,
  ...extra,
});

describe('scenarios from profiles and --set (CLI)', () => {
  it('profile flags compose from profiles; the paper preset stays the default', () => {
    expect(scenarioFromFlags(flags()).scenario.preset).toBe('paper');
    const { scenario } = scenarioFromFlags(
      flags({
        phones: 'a15:0.5,sd8g2:0.5',
        edgeGpus: 't4,v100',
        llm: 'llama-7b',
        finetune: 'lora:8',
        precision: 'bf16',
        radio: 'umi',
        users: '6',
        servers: '2',
      }),
    );
    expect(scenario.profiles).toEqual({
      phones: 'a15:0.5,sd8g2:0.5',
      edgeGpus: 't4:0.5,v100:0.5',
      llm: 'llama-7b',
      finetune: 'lora:8',
      precision: 'bf16',
      radio: 'umi',
    });
    expect(scenario.llm.layerFlops).toBeDefined();
    expect(scenario.pathLoss).toMatchObject({ model: 'umi', los: false });
  });

  it.each([
    [
      { phones: 'a14:1' },
      "--phones: unknown profile 'a14' (choose from a15, a16, a17-pro, a18-pro, sd8g1, sd8g2, sd8g3, d9300)",
    ],
    [{ phones: 'a15:0.6,a16:0.6' }, "--phones: shares must sum to 1, got 1.2 in 'a15:0.6,a16:0.6'"],
    [{ llm: 'gpt5' }, "--llm: unknown profile 'gpt5'"],
    [{ finetune: 'frozen:40' }, '--finetune: frozen:K needs K < 32 (the layers of llama-2-7b), got 40'],
    [
      { preset: 'contested', radio: 'umi' },
      '--radio: composes a scenario from profiles, which the contested preset is not',
    ],
    [
      { set: ['weights.enrgy=5'] },
      "--set weights.enrgy: unknown field 'enrgy' in weights (did you mean 'energy'?)",
    ],
  ] as [Partial<ScenarioFlags>, string][])('%o → %s', (extra, message) => {
    expect(() => scenarioFromFlags(flags(extra))).toThrow(InputError);
    expect(() => scenarioFromFlags(flags(extra))).toThrow(message);
  });

  it('a hand-edited file: a warning naming the renormalising command, an error under --strict; --from fixes it', () => {
    const dir = tempDir();
    const file = join(dir, 's.json');
    const { scenario, text } = scenarioFromFlags(flags({ users: '5', servers: '2', preset: 'contested' }));
    const edited = JSON.parse(text) as typeof scenario;
    edited.users.forEach((u) => (u.flopsPerCycle = 250));
    writeFileSync(file, JSON.stringify(edited));
    expect(() => loadScenarioFile(file, { strict: true })).toThrow(
      new RegExp(
        `^scenario file ${file}: normalization is stale: .*; renormalise with: mecsim scenario --from ${file} --out ${file}$`,
      ),
    );
    const fixed = scenarioFromFlags(flags({ from: file }));
    expect(() => loadScenarioFile(file, { strict: true })).toThrow(InputError);
    writeFileSync(file, fixed.text);
    expect(loadScenarioFile(file, { strict: true }).normalization).toEqual({
      ...fixed.scenario.normalization,
      from: expect.stringMatching(/^cyrb64:[0-9a-f]{16}$/),
    });
    expect(fixed.scenario.normalization.delayS).toBeLessThan(scenario.normalization.delayS);
  });

  it('wrong input exits 2 with one line and writes nothing', SLOW, async () => {
    const dir = tempDir();
    const out = join(dir, 'x.json');
    const runs = await Promise.all([
      mecsim('scenario', '--phones', 'a15:0.5,sd8g2:0.4', '--out', out),
      mecsim('scenario', '--set', 'users[*].maxPowerW=-1', '--out', out),
      mecsim('scenario', '--set', 'llm.batchsize=64', '--out', out),
      mecsim('profiles', '--json'),
    ]);
    expect(oneLineFailure(runs[0]!)).toBe(
      "mecsim: --phones: shares must sum to 1, got 0.9 in 'a15:0.5,sd8g2:0.4'",
    );
    expect(oneLineFailure(runs[1]!)).toBe(
      'mecsim: --set users[*].maxPowerW=-1: users[0].maxPowerW: must be > 0 (got -1) (and 49 more problems)',
    );
    expect(oneLineFailure(runs[2]!)).toMatch(/did you mean 'batchSize'/);
    expect(existsSync(out)).toBe(false);
    expect(runs[3]!.code).toBe(0);
    expect(JSON.parse(runs[3]!.stdout).profiles.phones.length).toBeGreaterThanOrEqual(8);
  });
});
