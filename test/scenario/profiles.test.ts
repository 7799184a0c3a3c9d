import { describe, expect, it } from 'vitest';
import { profilesJson } from '../../src/cli/commands/profiles.ts';
import { composeScenario } from '../../src/scenario/compose.ts';
import { REALISTIC_RECIPE } from '../../src/scenario/presets.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import { ValidationError } from '../../src/scenario/parse.ts';
import {
  EDGE_GPUS,
  LLMS,
  PHONES,
  PRECISIONS,
  RADIOS,
  layerFlopsLaw,
  llmNamed,
  parseFinetune,
  parseMix,
} from '../../src/scenario/profiles/index.ts';

/** Paths of every number that is not the `value` of an object with a non-empty `source`. */
function unsourcedNumbers(node: unknown, path = ''): string[] {
  if (typeof node === 'number') return [path];
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  if (typeof o.value === 'number' && Object.keys(o).length === 2) {
    return typeof o.source === 'string' && o.source.trim().length > 3 ? [] : [path];
  }
  return Object.entries(o).flatMap(([k, v]) => unsourcedNumbers(v, `${path}.${k}`));
}

describe('profiles', () => {
  it('every number of every profile, and of what is derived from it, carries a source', () => {
    expect(unsourcedNumbers(profilesJson())).toEqual([]);
    // The check can fail: a bare number and an empty source are both caught.
    expect(unsourcedNumbers({ a: { b: 3 }, c: { value: 1, source: '' } })).toEqual(['.a.b', '.c']);
  });

  it('derived numbers show their arithmetic and agree with it', () => {
    const a15 = profilesJson() as {
      phones: { name: string; fp32: { flopsPerCycle: { value: number; source: string } } }[];
    };
    const d = a15.phones.find((p) => p.name === 'a15')!.fp32.flopsPerCycle;
    expect(d.source).toMatch(/^derived: .*\/.*=/);
    expect(d.value).toBeCloseTo(1.713e12 / (640 * 1.338e9), 12);
  });

  it('enough of each kind, names unique', () => {
    expect(PHONES.length).toBeGreaterThanOrEqual(8);
    expect(EDGE_GPUS.length).toBeGreaterThanOrEqual(6);
    expect(LLMS.length).toBeGreaterThanOrEqual(8);
    for (const list of [PHONES, EDGE_GPUS, LLMS, PRECISIONS, RADIOS]) {
      const names = list.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('every profile composes into a scenario the schema accepts', () => {
    const base = { ...REALISTIC_RECIPE, users: 4, servers: 2 };
    const variants = [
      ...PHONES.map((p) => ({ ...base, phones: [[p.name, 1]] as const })),
      ...EDGE_GPUS.map((g) => ({ ...base, edgeGpus: [[g.name, 1]] as const })),
      ...LLMS.map((m) => ({ ...base, llm: m.name })),
      ...PRECISIONS.map((p) => ({ ...base, precision: p.name })),
      ...RADIOS.map((r) => ({ ...base, radio: r.name })),
      ...['full', 'lora:16', 'frozen:4'].map((t) => ({ ...base, finetune: parseFinetune(t) })),
    ];
    for (const recipe of variants) {
      const s = composeScenario(recipe, { seed: 3 });
      expect(ScenarioSchema.safeParse(s).success).toBe(true);
      expect(s.channelGain.flat().every((g) => g > 0 && g < 1)).toBe(true);
    }
  });

  it("full fine-tuning of a 12·h² layer gives the paper's ψ; LoRA is about 2/3 of it", () => {
    const gpt2 = llmNamed('gpt2'); // plain MLP of 4h: W = 12·h²
    const h = gpt2.hiddenDim.value;
    expect(layerFlopsLaw(gpt2, { method: 'full' })).toEqual({
      perToken: 72 * h * h,
      perTokenSquared: 12 * h,
    });
    const llama = llmNamed('llama-7b');
    const full = layerFlopsLaw(llama, { method: 'full' }).perToken;
    const lora = layerFlopsLaw(llama, { method: 'lora', rank: 8 }).perToken;
    expect(lora / full).toBeGreaterThan(0.66);
    expect(lora / full).toBeLessThan(0.67);
  });

  it('a mix: equal shares, explicit shares, and one-line errors naming the field', () => {
    const names = ['a15', 'sd8g2'];
    expect(parseMix('a15,sd8g2', names, '--phones')).toEqual([
      ['a15', 0.5],
      ['sd8g2', 0.5],
    ]);
    expect(() => parseMix('a15:0.5,sd8g2:0.4', names, '--phones')).toThrow(
      /--phones: shares must sum to 1, got 0.9/,
    );
    expect(() => parseMix('a14:1', names, '--phones')).toThrow(
      /--phones: unknown profile 'a14' \(choose from a15, sd8g2\)/,
    );
    expect(() => parseMix('a15:x', names, '--phones')).toThrow(ValidationError);
    expect(() => parseFinetune('lora')).toThrow(/--finetune: lora:N needs an integer N in 1..4096/);
    expect(() => parseFinetune('adapter:3')).toThrow(/must be one of full, lora:R, frozen:K/);
  });

  it('mix shares give exact device counts, in order', () => {
    const s = composeScenario(
      {
        ...REALISTIC_RECIPE,
        phones: [
          ['a15', 0.25],
          ['sd8g3', 0.75],
        ],
      },
      { users: 8, servers: 2, seed: 1 },
    );
    const a15Cores = PHONES.find((p) => p.name === 'a15')!.gpuCores.value;
    expect(s.users.filter((u) => u.gpuCores === a15Cores)).toHaveLength(2);
  });
});
