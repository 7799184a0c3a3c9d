// `mecsim evaluate` in-process (the same function the command runs); test/cli/cli.test.ts runs
// the real binary for a few of these cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../src/cli/commands/evaluate.ts';
import { InputError } from '../../src/files/index.ts';
import { layerFlops } from '../../src/model/flops.ts';
import { expectRel } from '../model/expect-rel.ts';
import { makeFiles, replaced } from './files.ts';
import { oneLineError } from '../one-line-error.ts';

const f = makeFiles();

const inputError = (run: () => unknown): string => oneLineError(run, InputError);

const json = (scenario: string, solution: string, strict = false): any =>
  JSON.parse(evaluateFiles(scenario, solution, { json: true, strict }));

describe('evaluate: bad input gets one line naming the field', () => {
  it('a missing file', () => {
    expect(inputError(() => evaluateFiles(`${f.dir}/nope.json`, f.reference))).toBe(
      `scenario file ${f.dir}/nope.json: no such file`,
    );
    expect(inputError(() => evaluateFiles(f.scenario, `${f.dir}/nope.json`))).toBe(
      `solution file ${f.dir}/nope.json: no such file`,
    );
  });
  it('invalid JSON: a NaN literal is located by line, column and field', () => {
    const text = readFileSync(f.reference, 'utf8').replace(/("powerW": \[\n\s+)[^,\n]+/, '$1NaN');
    const bad = f.put('nan-literal.json', text);
    expect(inputError(() => evaluateFiles(f.scenario, bad))).toMatch(
      new RegExp(
        `^solution file ${bad}: invalid JSON at line \\d+, column 5 \\(powerW\\[0\\]\\): NaN and Infinity are not JSON numbers$`,
      ),
    );
  });
  it('invalid JSON: a truncated file', () => {
    const text = readFileSync(f.scenario, 'utf8');
    const bad = f.put('truncated.json', text.slice(0, 200));
    expect(inputError(() => evaluateFiles(bad, f.reference))).toMatch(
      /^scenario file .*truncated\.json: invalid JSON at line \d+, column \d+ \(.+\): /,
    );
  });
  it('a missing field', () => {
    const j = JSON.parse(readFileSync(f.scenario, 'utf8'));
    delete j.users[1].maxFreqHz;
    const bad = f.put('missing-field.json', JSON.stringify(j));
    expect(inputError(() => evaluateFiles(bad, f.reference))).toBe(
      `scenario file ${bad}: users[1].maxFreqHz: missing; expected a number`,
    );
  });
  it('a negative power in the scenario', () => {
    const j = JSON.parse(readFileSync(f.scenario, 'utf8'));
    j.users[0].maxPowerW = -1;
    const bad = f.put('negative-cap.json', JSON.stringify(j));
    expect(inputError(() => evaluateFiles(bad, f.reference))).toBe(
      `scenario file ${bad}: users[0].maxPowerW: must be > 0 (got -1)`,
    );
  });
  it('NaN in a solution (JSON.stringify writes it as null)', () => {
    const j = JSON.parse(readFileSync(f.reference, 'utf8'));
    j.powerW[2] = NaN;
    const bad = f.put('nan.json', JSON.stringify(j));
    expect(inputError(() => evaluateFiles(f.scenario, bad))).toBe(
      `solution file ${bad}: powerW[2]: must be a number, got null`,
    );
  });
});

describe('evaluate: an infeasible solution lists the violated constraints', () => {
  const infeasible = (name: string, change: Parameters<typeof f.solutionWith>[1]): string => {
    const sol = f.solutionWith(name, change);
    const message = inputError(() => evaluateFiles(f.scenario, sol));
    expect(message).toMatch(
      new RegExp(`^solution file ${sol} is infeasible for ${f.scenario}, \\d+ violated constraints?: `),
    );
    return message;
  };
  it('a negative power', () => {
    expect(infeasible('neg-power.json', (a) => ({ ...a, powerW: replaced(a.powerW, 1, -0.5) }))).toContain(
      'powerW[1]: = -0.5: must be in [0.001, ',
    );
  });
  it('a user associated with server 99', () => {
    expect(
      infeasible('server-99.json', (a) => ({ ...a, association: replaced(a.association, 3, 99) })),
    ).toContain('association[3]: = 99: must be a server index, an integer in 0..1 (9c)');
  });
  it('a layer count above L', () => {
    expect(
      infeasible('layers-33.json', (a) => ({ ...a, localLayers: replaced(a.localLayers, 0, 33) })),
    ).toContain('localLayers[0]: = 33: must be an integer in 0..32 (9a)');
  });
  it("a bandwidth sum above the server's budget", () => {
    const m = f.scenarioData.servers.length;
    const message = infeasible('bandwidth.json', (a) => ({
      ...a,
      bandwidthHz: replaced(a.bandwidthHz, 0, (a.bandwidthHz[0] ?? 0) + 1e6),
    }));
    expect(message).toMatch(
      /servers\[\d\]\.bandwidthHz: its users are given [\d.e+]+ Hz of bandwidth in total, over the budget 20000000 Hz .*\(9e\)/,
    );
    expect(m).toBe(2);
  });
  it('edge-only is a baseline outside (9a): accepted, and rejected with --strict', () => {
    expect(json(f.scenario, f.edgeOnly).objective).toBeGreaterThan(0);
    expect(inputError(() => evaluateFiles(f.scenario, f.edgeOnly, { strict: true }))).toContain(
      '(0, edge-only, is a baseline outside (9a)) (9a)',
    );
  });
});

describe('evaluate: the baselines give what MODEL.md predicts', () => {
  it('the table', () => {
    const table = evaluateFiles(f.hand, f.handRef);
    expect(table).toMatch(/^objective +3 +\(delay 1 \+ energy 1 \+ stability 1; uplink delay counted\)\n/);
    expect(table).toMatch(/\n +0 +0 +1 +51 +42 +3 +6 +48\.4566 +42 +0\.9 +5\.5566 +0\.0266667\n$/);
  });
  it('hand network, reference: delay 51 s, energy 48.4566 J, objective 1 + 1 + 1', () => {
    const m = json(f.hand, f.handRef);
    expectRel(m.totalDelayS, 51);
    expectRel(m.totalEnergyJ, 48.4566);
    expectRel(m.objective, 3);
  });
  it('hand network, edge-only: 320 bits in 0.16 s + 4 layers × 2 s; energy 0.048 + 4 × 1.8522 J', () => {
    const m = json(f.hand, f.handEdgeOnly);
    expectRel(m.totalDelayS, 0.16 + 4 * 2);
    expectRel(m.totalEnergyJ, 0.048 + 4 * 1.8522);
    expectRel(m.stability, 2 / 100); // a = 0: 2L²/k
    expectRel(m.objective, 8.16 / 51 + 7.4568 / 48.4566 + 0.02 / (2 / 75));
    expect(m.stabilityBounded).toBe(true);
  });
  it('hand network, local-only: 4 × 42 s and 4 × 42 J, unbounded stability written as null', () => {
    const text = evaluateFiles(f.hand, f.handLocalOnly, { json: true });
    expect(text).not.toMatch(/Infinity|NaN/);
    const m = JSON.parse(text);
    expectRel(m.totalDelayS, 168);
    expectRel(m.totalEnergyJ, 168);
    expect(m.stability).toBeNull();
    expect(m.objective).toBeNull();
    expect(m.terms.stability).toBeNull();
    expect(m.stabilityBounded).toBe(false);
    expect(m.perUser[0].stability).toBeNull();
    expect(m.perUser[0].uplinkDelayS).toBe(0);
  });
  it('generated network: every user of edge-only and local-only follows MODEL.md §3', () => {
    const s = f.scenarioData;
    const edge = json(f.scenario, f.edgeOnly);
    const local = json(f.scenario, f.localOnly);
    const gainBest = s.channelGain.map((row) => row.indexOf(Math.max(...row)));
    s.users.forEach((u, n) => {
      const psi = 72 * 512 * u.tokens * 1024 ** 2 + 12 * 512 * u.tokens ** 2 * 1024;
      expect(psi).toBe(layerFlops(u.tokens, 512, 1024));
      // local-only: Υ·ψ/(f·C·D) and Υ·κ1·f²·ψ/(C·D), nothing sent
      expectRel(local.perUser[n].delayS, (32 * psi) / (u.maxFreqHz * u.gpuCores * u.flopsPerCycle));
      expectRel(
        local.perUser[n].energyJ,
        (32 * u.kappa * u.maxFreqHz ** 2 * psi) / (u.gpuCores * u.flopsPerCycle),
      );
      // edge-only: B·d·32 bits at r = b·log2(1 + g·p/(σ²·b)), equal shares, then Υ edge layers
      const m = gainBest[n]!;
      const k = gainBest.filter((x) => x === m).length;
      const srv = s.servers[m]!;
      const b = srv.bandwidthHz / k;
      const fe = srv.maxFreqHz / k;
      const r = b * Math.log2(1 + (s.channelGain[n]![m]! * u.maxPowerW) / (s.noisePsdWPerHz * b));
      const up = (512 * u.tokens * 32) / r;
      const edgeT = (32 * psi) / (fe * srv.gpuCores * srv.flopsPerCycle);
      const edgeE = (32 * srv.kappa * fe ** 2 * psi) / (srv.gpuCores * srv.flopsPerCycle);
      expectRel(edge.perUser[n].delayS, up + edgeT, 1e-9);
      expectRel(edge.perUser[n].energyJ, u.maxPowerW * up + edgeE, 1e-9);
    });
    expect(local.stability).toBeNull();
  });
});
