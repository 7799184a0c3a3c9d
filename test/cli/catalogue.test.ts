// The catalogue of wrong inputs (issue 7): every command, real processes. Each case must end with
// exactly one `mecsim: …` line on stderr naming the problem, exit code 2, no stack trace, nothing
// on stdout, and no output file.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFiles } from './files.ts';
import { mecsim, oneLineFailure } from './spawn.ts';

const f = makeFiles();
const scenario = f.scenarioData;
const json = (x: unknown): string => JSON.stringify(x);
const out = (name: string): string => join(f.dir, 'out', name);
mkdirSync(join(f.dir, 'out'));

const badFiles = {
  malformed: f.put('malformed.json', '{"version": 1, "users": [\n'),
  wrongType: f.put('wrong-type.json', json({ ...scenario, users: 'fifty' })),
  negativePower: f.put(
    'negative-power.json',
    json({ ...scenario, users: scenario.users.map((u, n) => (n === 2 ? { ...u, maxPowerW: -1 } : u)) }),
  ),
  noUsers: f.put('no-users.json', json({ ...scenario, users: [], channelGain: [] })),
  noServers: f.put(
    'no-servers.json',
    json({ ...scenario, servers: [], channelGain: scenario.channelGain.map(() => []) }),
  ),
  zeroBandwidth: f.put(
    'zero-bandwidth.json',
    json({ ...scenario, servers: scenario.servers.map((s) => ({ ...s, bandwidthHz: 0 })) }),
  ),
  missingField: f.put(
    'missing-field.json',
    json(
      Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(scenario))).filter(([k]) => k !== 'llm')),
    ),
  ),
  solutionServer99: f.solutionWith('server99.json', (a) => ({
    ...a,
    association: a.association.map((m, n) => (n === 0 ? 99 : m)),
  })),
  solutionNoPower: f.put(
    'no-power.json',
    json({
      version: 1,
      association: [0],
      localLayers: [1],
      bandwidthHz: [1],
      userFreqHz: [1],
      edgeFreqHz: [1],
    }),
  ),
  solutionLayers: f.solutionWith('too-many-layers.json', (a) => ({
    ...a,
    localLayers: a.localLayers.map(() => 99),
  })),
  yamlConfig: f.put('bad.yml', 'methods: [proposed\n'),
  staleNormalization: f.put(
    'stale.json',
    json({ ...scenario, users: scenario.users.map((u) => ({ ...u, flopsPerCycle: 100 })) }),
  ),
  fixMalformed: f.put('fix-malformed.json', '[1, 2,\n'),
  fixNotNumbers: f.put('fix-strings.json', json(['a', 1, 1, 1, 1, 1])),
  fixPartialSolution: f.put('fix-partial.json', json({ version: 1, association: [0] })),
};
const missing = join(f.dir, 'missing.json');

interface Case {
  readonly args: string[];
  /** What the one line must say. */
  readonly says: RegExp;
  /** A file the command must not leave behind. */
  readonly noFile?: string;
}

const CASES: Record<string, Case> = {
  'missing scenario file': {
    args: ['evaluate', missing, f.reference],
    says: /scenario file .*missing\.json: no such file/,
  },
  'scenario path is a directory': { args: ['optimize', f.dir], says: /is a directory/ },
  'malformed JSON': { args: ['simulate', badFiles.malformed], says: /invalid JSON at line 2/ },
  'wrong type of a field': {
    args: ['optimize', badFiles.wrongType, '--out', out('o1.json')],
    says: /users/,
    noFile: out('o1.json'),
  },
  'missing field': { args: ['evaluate', badFiles.missingField, f.reference], says: /llm/ },
  'negative power': {
    args: ['evaluate', badFiles.negativePower, f.reference],
    says: /users\[2\]\.maxPowerW/,
  },
  'empty scenario (no users)': { args: ['optimize', badFiles.noUsers], says: /users/ },
  'zero servers': { args: ['simulate', badFiles.noServers], says: /servers/ },
  'infeasible scenario (no bandwidth)': {
    args: ['optimize', badFiles.zeroBandwidth, '--out', out('o2.json')],
    says: /bandwidth/i,
    noFile: out('o2.json'),
  },
  'solution: user on server 99': {
    args: ['evaluate', f.scenario, badFiles.solutionServer99],
    says: /association\[0\]/,
  },
  'solution: missing powerW': { args: ['evaluate', f.scenario, badFiles.solutionNoPower], says: /powerW/ },
  'solution: layers above L': {
    args: ['simulate', f.scenario, '--solution', badFiles.solutionLayers],
    says: /localLayers/,
  },
  'unknown command': { args: ['frobnicate'], says: /unknown command 'frobnicate'/ },
  'unknown flag': { args: ['simulate', f.scenario, '--bogus'], says: /unknown option '--bogus'/ },
  'missing argument': { args: ['evaluate', f.scenario], says: /missing required argument 'solution'/ },
  'unknown algorithm': { args: ['optimize', f.scenario, '--algorithm', 'magic'], says: /--algorithm.*magic/ },
  'unknown policy': {
    args: ['simulate', f.scenario, '--policy', 'oracle'],
    says: /--policy: unknown policy 'oracle'/,
  },
  'unknown experiment': { args: ['experiment', 'figure99'], says: /figure99/ },
  'unknown preset': {
    args: ['scenario', '--preset', 'fantasy', '--out', out('s1.json')],
    says: /--preset/,
    noFile: out('s1.json'),
  },
  'huge scenario': {
    args: ['scenario', '--users', '100000000', '--out', out('s2.json')],
    says: /--users/,
    noFile: out('s2.json'),
  },
  'negative seed': {
    args: ['scenario', '--seed', '-1', '--out', out('s3.json')],
    says: /--seed/,
    noFile: out('s3.json'),
  },
  'zero layers': { args: ['scenario', '--layers', '0'], says: /--layers/ },
  'unwritable output path': {
    args: ['scenario', '--out', join(f.dir, 'no', 'such', 'dir', 's.json')],
    says: /cannot write/,
  },
  'output path is a directory': {
    args: ['optimize', f.scenario, '--algorithm', 'greedy', '--out', f.dir],
    says: /cannot write/,
  },
  'duration zero': { args: ['simulate', f.scenario, '--duration', '0'], says: /--duration/ },
  'steps zero': { args: ['simulate', f.scenario, '--steps', '0'], says: /--steps/ },
  'not a number': { args: ['simulate', f.scenario, '--coherence', 'abc'], says: /--coherence/ },
  'unknown edge GPU mode': { args: ['simulate', f.scenario, '--edge-gpu', 'gpu'], says: /--edge-gpu/ },
  'unknown mobility model': { args: ['simulate', f.scenario, '--mobility', 'teleport'], says: /--mobility/ },
  'unknown trace format': {
    args: ['simulate', f.scenario, '--trace-format', 'xml', '--trace', out('t.xml')],
    says: /--trace-format/,
    noFile: out('t.xml'),
  },
  'negative Rician K': { args: ['simulate', f.scenario, '--rician-k', '-1'], says: /--rician-k/ },
  'dynamics without --dynamics': {
    args: ['validate', f.scenario, '--epoch', '5'],
    says: /--epoch: dynamics flags need --dynamics/,
  },
  'run: zero starts': {
    args: ['run', '--starts', '0', '--out', out('r1')],
    says: /--starts/,
    noFile: out('r1'),
  },
  'run: missing config file': {
    args: ['run', '--config', missing],
    says: /config file .*missing\.json: no such file/,
  },
  'run: malformed YAML config': { args: ['run', '--config', badFiles.yamlConfig], says: /invalid YAML/ },
  'run: unknown method': {
    args: ['run', '--methods', 'proposed,oracle', '--out', out('r2')],
    says: /--methods/,
    noFile: out('r2'),
  },
  'optimize: absurd starts': { args: ['optimize', f.scenario, '--starts', '1000000'], says: /--starts/ },
  'experiment: zero workers': {
    args: ['experiment', 'validation', '--workers', '0', '--out', out('e1')],
    says: /--workers/,
    noFile: out('e1'),
  },
  'experiment: bad shard': {
    args: ['experiment', 'validation', '--shard', '3/2', '--out', out('e2')],
    says: /--shard/,
    noFile: out('e2'),
  },
  'merge: no such directory': { args: ['merge', join(f.dir, 'nowhere')], says: /nowhere/ },
  'simulate: exact policy on a scenario too large for it': {
    args: ['simulate', f.scenario, '--policy', 'exact'],
    says: /'exact' enumerates every association.*at most 6 users/,
  },
  'bench: unknown flag': { args: ['bench', '--fast'], says: /unknown option '--fast'/ },
  // Issue 10: profiles, --set and --fix; each line names the flag or path and what is allowed.
  'scenario: unknown profile': {
    args: ['scenario', '--phones', 'nope', '--out', out('p1.json')],
    says: /--phones: unknown profile 'nope' \(choose from a15, a16, .*d9300\)$/,
    noFile: out('p1.json'),
  },
  'scenario: mix shares not summing to 1': {
    args: ['scenario', '--phones', 'a15:0.5,sd8g2:0.4', '--out', out('p2.json')],
    says: /--phones: shares must sum to 1, got 0\.9 in 'a15:0\.5,sd8g2:0\.4'$/,
    noFile: out('p2.json'),
  },
  'scenario: unknown --set path, with a suggestion': {
    args: ['scenario', '--set', 'llm.batchsize=64', '--out', out('p3.json')],
    says: /--set llm\.batchsize: unknown field 'batchsize' in llm \(did you mean 'batchSize'\?\)$/,
    noFile: out('p3.json'),
  },
  'optimize: unknown --set path': {
    args: ['optimize', f.scenario, '--set', 'weights.enrgy=5', '--out', out('p4.json')],
    says: /--set weights\.enrgy: unknown field 'enrgy' in weights \(did you mean 'energy'\?\)$/,
    noFile: out('p4.json'),
  },
  'scenario: wrong type in --set': {
    args: ['scenario', '--set', 'weights.energy=true', '--out', out('p5.json')],
    says: /--set weights\.energy=true: weights\.energy: must be a number, got true$/,
    noFile: out('p5.json'),
  },
  'scenario: out-of-range --set': {
    args: ['scenario', '--set', 'llm.layers=20000', '--out', out('p6.json')],
    says: /--set llm\.layers=20000: llm\.layers: must be an integer in 1\.\.10000, got 20000$/,
    noFile: out('p6.json'),
  },
  'evaluate: negative value in --set over a range of users': {
    args: ['evaluate', f.scenario, f.reference, '--set', 'users[1:3].maxPowerW=-1'],
    says: /--set users\[1:3\]\.maxPowerW=-1: users\[1\]\.maxPowerW: must be > 0 \(got -1\)/,
  },
  'optimize --strict: a hand-edited scenario whose normalisation is stale': {
    args: ['optimize', badFiles.staleNormalization, '--strict', '--out', out('n1.json')],
    says: /normalization is stale: .*; renormalise with: mecsim scenario --from .*stale\.json --out .*stale\.json$/,
    noFile: out('n1.json'),
  },
  'optimize --fix: list of the wrong length': {
    args: ['optimize', f.scenario, '--fix', 'localLayers=1,2', '--out', out('x1.json')],
    says: /--fix localLayers: must give one value per user \(6\), got 2$/,
    noFile: out('x1.json'),
  },
  'optimize --fix: layer out of range': {
    args: ['optimize', f.scenario, '--fix', 'localLayers=32', '--out', out('x2.json')],
    says: /--fix localLayers: must be an integer in 1\.\.31 .*got 32$/,
    noFile: out('x2.json'),
  },
  'optimize --fix: server out of range in a list': {
    args: ['optimize', f.scenario, '--fix', 'association=0,1,0,1,0,2'],
    says: /--fix association\[5\]: must be a server index, an integer in 0\.\.1, got 2$/,
  },
  'optimize --fix: unknown rule': {
    args: ['optimize', f.scenario, '--fix', 'association=nearest', '--out', out('x3.json')],
    says: /--fix association: unknown rule 'nearest' and no such file \(choose from greedy, random, highest-gain/,
    noFile: out('x3.json'),
  },
  'optimize --fix: unknown key': {
    args: ['optimize', f.scenario, '--fix', 'split=4'],
    says: /--fix: must be localLayers=VALUE or association=VALUE, got 'split=4'$/,
  },
  'optimize --fix: malformed file': {
    args: ['optimize', f.scenario, '--fix', `localLayers=${badFiles.fixMalformed}`],
    says: /--fix localLayers: file .*fix-malformed\.json: invalid JSON at line 2/,
  },
  'optimize --fix: file of non-numbers': {
    args: ['optimize', f.scenario, '--fix', `localLayers=${badFiles.fixNotNumbers}`],
    says: /--fix localLayers: file .*fix-strings\.json: entry 0 must be a number, got "a"$/,
  },
  'optimize --fix: an incomplete solution file': {
    args: ['optimize', f.scenario, '--fix', `association=${badFiles.fixPartialSolution}`],
    says: /--fix association: solution file .*fix-partial\.json: localLayers: missing/,
  },
  'optimize --fix: an algorithm that fixes its own decisions': {
    args: ['optimize', f.scenario, '--algorithm', 'random', '--fix', 'localLayers=2'],
    says: /--fix: algorithm 'random' fixes its own decisions; fixed decisions work with proposed, ao$/,
  },
};

describe.concurrent('wrong inputs, one clear line each', { timeout: 120_000 }, () => {
  it('the catalogue has at least 30 cases', () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(30);
  });
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const r = await mecsim(...c.args);
      const line = oneLineFailure(r);
      expect(line).toMatch(/^mecsim: /);
      expect(line).toMatch(c.says);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      if (c.noFile !== undefined) expect(existsSync(c.noFile)).toBe(false);
    });
  }
});
