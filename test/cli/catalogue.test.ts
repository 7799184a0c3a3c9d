// The catalogue of wrong inputs (issues 7 and 12): every command and every file kind, real
// processes. Each case must end with exactly one `mecsim: …` line on stderr naming the field, flag
// or path, exit code 2, no stack trace, nothing on stdout, no output file written (nothing new
// anywhere in the test folder), and every input file byte-identical afterwards.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExperimentFile } from '../../experiments/file/load.ts';
import { paperFile } from '../../experiments/registry.ts';
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
const withUser = (name: string, field: string, value: unknown): string =>
  f.put(
    name,
    json({ ...scenario, users: scenario.users.map((u, n) => (n === 0 ? { ...u, [field]: value } : u)) }),
  );
const withServer = (name: string, field: string, value: unknown): string =>
  f.put(
    name,
    json({ ...scenario, servers: scenario.servers.map((v, m) => (m === 0 ? { ...v, [field]: value } : v)) }),
  );
const withTop = (name: string, change: Record<string, unknown>): string =>
  f.put(name, json({ ...scenario, ...change }));
const extreme = {
  tinyGain: withTop('tiny-gain.json', {
    channelGain: scenario.channelGain.map((row, n) => (n === 1 ? row.map(() => 1e-320) : row)),
  }),
  hugeGain: withTop('huge-gain.json', {
    channelGain: scenario.channelGain.map((row) => row.map(() => 1e300)),
  }),
  hugeServerKappa: withServer('huge-server-kappa.json', 'kappa', 1e308),
  hugeUserKappa: withUser('huge-user-kappa.json', 'kappa', 1e308),
  tinyUserFreq: withUser('tiny-user-freq.json', 'maxFreqHz', 1e-320),
  hugeServerFreq: withServer('huge-server-freq.json', 'maxFreqHz', 1e300),
  tinyFlops: withServer('tiny-flops.json', 'flopsPerCycle', 1e-300),
  hugeBandwidth: withServer('huge-bandwidth.json', 'bandwidthHz', 1e308),
  hugePower: withUser('huge-power.json', 'maxPowerW', 1e300),
  tinyNoise: withTop('tiny-noise.json', { noisePsdWPerHz: 1e-320 }),
  hugeNoise: withTop('huge-noise.json', { noisePsdWPerHz: 1e300 }),
  hugeWeight: withTop('huge-weight.json', { weights: { ...scenario.weights, delay: 1e308 } }),
  negativeWeight: withTop('negative-weight.json', { weights: { ...scenario.weights, energy: -1 } }),
  tinyNormalization: withTop('tiny-norm.json', {
    normalization: { ...scenario.normalization, delayS: 1e-320 },
  }),
  hugeLipschitz: withTop('huge-lipschitz.json', { stability: { lipschitz: 1e300 } }),
  zeroTokens: withUser('zero-tokens.json', 'tokens', 0),
  fractionalCores: withServer('fractional-cores.json', 'gpuCores', 2.5),
  zeroHidden: withTop('zero-hidden.json', { llm: { ...scenario.llm, hiddenDim: 0 } }),
  hugeLayers: withTop('huge-layers.json', { llm: { ...scenario.llm, layers: 1e6 } }),
  farUser: withUser('far-user.json', 'xM', 1e300),
};
const strict = {
  misspeltKey: withTop('misspelt.json', { objective: { uplinkdelay: true, minPowerW: 1e-3 } }),
  unknownTop: withTop('unknown-top.json', { weight: { delay: 1 } }),
  unknownUserKey: withUser('unknown-user-key.json', 'maxPowerWatts', 1),
  stringNumber: withUser('string-number.json', 'maxPowerW', '0.2'),
  seedTooBig: withTop('seed-too-big.json', { seed: 2 ** 32 }),
  solutionUnknownKey: f.put(
    'sol-unknown-key.json',
    json({ ...JSON.parse(readFileSync(f.reference, 'utf8')), power: 1 }),
  ),
  solutionShort: f.solutionWith('sol-short.json', (a) => ({ ...a, powerW: a.powerW.slice(1) })),
  solutionNegativeBandwidth: f.solutionWith('sol-neg-bw.json', (a) => ({
    ...a,
    bandwidthHz: a.bandwidthHz.map((b, n) => (n === 1 ? -b : b)),
  })),
  configTrue: f.put('users-true.yaml', 'users: true\n'),
  configEmptySeed: f.put('empty-seed.json', json({ seed: '' })),
  configUnknownKey: f.put('unknown-key.yaml', 'method: [greedy]\n'),
  configBadMethod: f.put('bad-method.json', json({ methods: ['oracle'] })),
  configStarts: f.put('bad-starts.yaml', 'starts: 2.5\n'),
};
// What `mecsim experiment users --quick --runs 2 --preset paper` stores (4 tasks).
const experimentJson = loadExperimentFile(paperFile('users'), {
  quick: true,
  runs: 2,
  presets: ['paper'],
}).config;
const experimentDir = (name: string, config: unknown, runFile?: string): string => {
  mkdirSync(join(f.dir, name, 'runs'), { recursive: true });
  f.put(join(name, 'experiment.json'), json(config));
  if (runFile !== undefined) f.put(join(name, 'runs', 'task-000000.json'), runFile);
  return join(f.dir, name);
};
const shards = {
  unknownKey: experimentDir('exp-unknown-key', { ...experimentJson, seeds: 1 }),
  seedRange: experimentDir('exp-seed-range', { ...experimentJson, seed: 2 ** 40 }),
  badRunFile: experimentDir('exp-bad-run', experimentJson, '{"version": 1, "task": \n'),
};
const policyModule = f.put('my-policy.ts', 'export default {};\n');
symlinkSync(f.scenario, join(f.dir, 'link-to-s.json'));
const scenarioLink = join(f.dir, 'link-to-s.json');
const emptyDir = join(f.dir, 'empty-dir');
mkdirSync(emptyDir);
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
    says: /--out .*: is a directory/,
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
  // Issue 12 — strict input: unknown keys with a suggestion, no coercion, one range per concept.
  'scenario: misspelt key': {
    args: ['optimize', strict.misspeltKey],
    says: /objective.*unknown key 'uplinkdelay' \(did you mean 'uplinkDelay'\?\)/,
  },
  'scenario: unknown top-level key': {
    args: ['evaluate', strict.unknownTop, f.reference],
    says: /'weight'.*'weights'/,
  },
  'scenario: unknown user key': {
    args: ['simulate', strict.unknownUserKey],
    says: /users\[0\].*maxPowerWatts/,
  },
  'scenario: a number written as text': {
    args: ['evaluate', strict.stringNumber, f.reference],
    says: /users\[0\]\.maxPowerW: must be a number, got "0\.2"/,
  },
  'scenario: seed above 2^32-1': {
    args: ['validate', strict.seedTooBig],
    says: /seed: must be an integer in 0\.\.4294967295/,
  },
  'solution: unknown key': {
    args: ['evaluate', f.scenario, strict.solutionUnknownKey],
    says: /unknown key 'power'/,
  },
  'solution: an array of the wrong length': {
    args: ['evaluate', f.scenario, strict.solutionShort],
    says: /powerW/,
  },
  'solution: negative bandwidth': {
    args: ['simulate', f.scenario, '--solution', strict.solutionNegativeBandwidth],
    says: /bandwidth/,
  },
  'config: users: true': {
    args: ['run', '--config', strict.configTrue],
    says: /users: must be a number, got true/,
  },
  'config: seed: ""': {
    args: ['run', '--config', strict.configEmptySeed],
    says: /seed: must be a number, got ""/,
  },
  'config: unknown key': { args: ['run', '--config', strict.configUnknownKey], says: /'method'.*'methods'/ },
  'config: unknown method': { args: ['run', '--config', strict.configBadMethod], says: /methods/ },
  'config: fractional starts': {
    args: ['run', '--config', strict.configStarts],
    says: /starts: must be an integer/,
  },
  'experiment file: unknown key': {
    args: ['merge', shards.unknownKey],
    says: /experiment\.json.*'seeds'.*'seed'/,
  },
  'experiment file: seed out of range': {
    args: ['merge', shards.seedRange],
    says: /experiment\.json.*seed: must be an integer in 0\.\.4294967295/,
  },
  'merge: run files missing': {
    args: ['merge', shards.badRunFile],
    says: /merge: 3 of 4 tasks have no run file/,
  },
  'merge: a folder without experiment.json': {
    args: ['merge', emptyDir],
    says: /not an experiment output directory/,
  },
  'seed 2^32 in simulate': {
    args: ['simulate', f.scenario, '--seed', '4294967296'],
    says: /--seed: must be an integer in 0\.\.4294967295/,
  },
  'seed 2^32 in optimize': {
    args: ['optimize', f.scenario, '--seed', '4294967296'],
    says: /--seed: must be an integer in 0\.\.4294967295/,
  },
  'seed 2^32 in experiment': {
    args: ['experiment', 'users', '--seed', '4294967296', '--out', out('e3')],
    says: /--seed: must be an integer in 0\.\.4294967295/,
  },
  'seed 2^32 in run': {
    args: ['run', '--seed', '4294967296', '--out', out('r3')],
    says: /--seed: must be an integer in 0\.\.4294967295/,
  },
  'seed in exponent form': { args: ['scenario', '--seed', '1e3'], says: /--seed/ },
  'empty seed': { args: ['optimize', f.scenario, '--seed', ''], says: /--seed: .*got ''/ },
  'empty real flag': { args: ['simulate', f.scenario, '--duration', ''], says: /--duration/ },
  'hexadecimal real flag': { args: ['simulate', f.scenario, '--epoch', '0x10'], says: /--epoch/ },
  '--set: unknown path': {
    args: ['optimize', f.scenario, '--set', 'weights.delya=1'],
    says: /weights\.delya/,
  },
  '--set: value of the wrong kind': {
    args: ['evaluate', f.scenario, f.reference, '--set', 'llm.layers=many'],
    says: /llm\.layers/,
  },
  '--set: without =': { args: ['scenario', '--set', 'weights.delay'], says: /--set/ },

  // Issue 12 — numerical extremes: a value the model cannot compute with names its field.
  'channel gain 1e-320 (optimize)': {
    args: ['optimize', extreme.tinyGain, '--out', out('g1.json')],
    says: /channelGain\[1\]\[0\]: must be >= 1e-30/,
  },
  'channel gain 1e-320 (simulate)': { args: ['simulate', extreme.tinyGain], says: /channelGain\[1\]\[0\]/ },
  'channel gain 1e300': {
    args: ['evaluate', extreme.hugeGain, f.reference],
    says: /channelGain\[0\]\[0\]: must be <= 1000/,
  },
  'server kappa 1e308': {
    args: ['optimize', extreme.hugeServerKappa],
    says: /servers\[0\]\.kappa: must be <=/,
  },
  'user kappa 1e308': { args: ['evaluate', extreme.hugeUserKappa, f.reference], says: /users\[0\]\.kappa/ },
  'user frequency 1e-320': {
    args: ['simulate', extreme.tinyUserFreq],
    says: /users\[0\]\.maxFreqHz: must be >= 1/,
  },
  'server frequency 1e300': { args: ['optimize', extreme.hugeServerFreq], says: /servers\[0\]\.maxFreqHz/ },
  'FLOPs per cycle 1e-300': { args: ['validate', extreme.tinyFlops], says: /servers\[0\]\.flopsPerCycle/ },
  'bandwidth 1e308': { args: ['optimize', extreme.hugeBandwidth], says: /servers\[0\]\.bandwidthHz/ },
  'power 1e300': { args: ['optimize', extreme.hugePower], says: /users\[0\]\.maxPowerW/ },
  'noise PSD 1e-320': { args: ['optimize', extreme.tinyNoise], says: /noisePsdWPerHz: must be >=/ },
  'noise PSD 1e300': { args: ['simulate', extreme.hugeNoise], says: /noisePsdWPerHz: must be <=/ },
  'weight 1e308': { args: ['optimize', extreme.hugeWeight], says: /weights\.delay: must be <=/ },
  'negative weight': { args: ['optimize', extreme.negativeWeight], says: /weights\.energy/ },
  'normalisation 1e-320': {
    args: ['evaluate', extreme.tinyNormalization, f.reference],
    says: /normalization\.delayS/,
  },
  'Lipschitz constant 1e300': { args: ['optimize', extreme.hugeLipschitz], says: /stability\.lipschitz/ },
  'zero tokens': { args: ['optimize', extreme.zeroTokens], says: /users\[0\]\.tokens/ },
  'fractional GPU cores': { args: ['simulate', extreme.fractionalCores], says: /servers\[0\]\.gpuCores/ },
  'zero-size layers (hiddenDim 0)': {
    args: ['evaluate', extreme.zeroHidden, f.reference],
    says: /llm\.hiddenDim/,
  },
  'a million layers': {
    args: ['optimize', extreme.hugeLayers],
    says: /llm\.layers: must be an integer in 1\.\.10000/,
  },
  'a position 1e300 m away': { args: ['simulate', extreme.farUser], says: /users\[0\]\.xM/ },
  '--set: gain 1e-320': {
    args: ['optimize', f.scenario, '--set', 'channelGain[0][0]=1e-320'],
    says: /channelGain\[0\]\[0\]/,
  },

  // Issue 12 — output safety: never onto an input, never two outputs to one file, only regular files.
  'trace onto the scenario': {
    args: ['simulate', f.scenario, '--trace', f.scenario],
    says: /--trace .*s\.json: is the scenario file this command reads/,
  },
  'trace onto the scenario through a link': {
    args: ['simulate', scenarioLink, '--trace', f.scenario],
    says: /--trace .*: is the scenario file/,
  },
  'out onto the scenario': {
    args: ['optimize', f.scenario, '--out', f.scenario],
    says: /--out .*: is the scenario file/,
  },
  'out onto the solution': {
    args: ['simulate', f.scenario, '--solution', f.reference, '--out', f.reference],
    says: /--out .*ref\.json: is the --solution file/,
  },
  'trace onto a policy module': {
    args: ['simulate', f.scenario, '--policy', policyModule, '--trace', policyModule],
    says: /--trace .*my-policy\.ts: is the --policy file/,
  },
  'out onto the run config': {
    args: ['scenario', '--out', strict.configEmptySeed, '--from', strict.configEmptySeed],
    says: /--from|scenario file/,
  },
  '--out and --trace to one file': {
    args: [
      'simulate',
      f.scenario,
      '--out',
      out('same.json'),
      '--trace',
      join(f.dir, 'out', '.', 'same.json'),
    ],
    says: /--(out|trace) .*same\.json: is the same file as --(trace|out)/,
  },
  'file output onto a folder (scenario)': {
    args: ['scenario', '--out', emptyDir],
    says: /--out .*empty-dir: is a directory/,
  },
  'trace onto a folder': {
    args: ['simulate', f.scenario, '--trace', emptyDir],
    says: /--trace .*: is a directory/,
  },
  'folder output onto a file (run)': {
    args: ['run', '--out', f.reference],
    says: /--out .*ref\.json: exists and is not a folder/,
  },
  'folder output onto a file (experiment)': {
    args: ['experiment', 'users', '--quick', '--out', f.reference],
    says: /--out .*: exists and is not a folder/,
  },
  'folder output onto a file (merge)': {
    args: ['merge', shards.badRunFile, '--out', f.reference],
    says: /--out .*: exists and is not a folder/,
  },

  // Issue 12 — long runs refused up front with the estimate.
  'coherence 1e-300': {
    args: [
      'simulate',
      f.scenario,
      '--fading',
      'rayleigh',
      '--coherence',
      '1e-300',
      '--trace',
      out('t1.jsonl'),
    ],
    says: /--coherence: the run would take about .*e\+\d+ engine events .*--force/,
  },
  'duration 1e12': {
    args: ['simulate', f.scenario, '--duration', '1e12'],
    says: /--duration: the run would take about/,
  },
  'steps 1e15': {
    args: ['simulate', f.scenario, '--steps', '1000000000000000'],
    says: /--steps: the run would take about/,
  },
  'validate with coherence 1e-300': {
    args: ['validate', f.scenario, '--dynamics', '--fading', 'rician', '--coherence', '1e-300'],
    says: /--coherence: the run would take/,
  },
  'scenario: a file of gigabytes': {
    args: ['scenario', '--users', '100000', '--servers', '1000', '--out', out('huge.json')],
    says: /--users 100000 --servers 1000: the scenario file would be about 2900 MiB .*--force/,
  },
  'max-wall zero': {
    args: ['simulate', f.scenario, '--max-wall', '0'],
    says: /--max-wall: must be a number > 0/,
  },
  'max-events zero': {
    args: ['simulate', f.scenario, '--max-events', '0'],
    says: /--max-events: must be an integer in 1\.\./,
  },
  'max-events fractional': { args: ['validate', f.scenario, '--max-events', '2.5'], says: /--max-events/ },
  'optimize: max-wall negative': {
    args: ['optimize', f.scenario, '--max-wall', '-1', '--out', out('partial.json')],
    says: /--max-wall: must be a number > 0/,
  },
  'optimize: max-iterations zero': {
    args: ['optimize', f.scenario, '--max-iterations', '0', '--out', out('partial.json')],
    says: /--max-iterations: must be an integer in 1\.\./,
  },

  // More flags of every command.
  'scenario: unknown phone profile': { args: ['scenario', '--phones', 'nokia3310'], says: /--phones/ },
  'scenario: unknown LLM profile': { args: ['scenario', '--llm', 'gpt-9'], says: /--llm/ },
  'scenario: LoRA rank 0': { args: ['scenario', '--finetune', 'lora:0'], says: /--finetune/ },
  'scenario: unknown precision': { args: ['scenario', '--precision', 'fp7'], says: /--precision/ },
  'scenario: unknown radio': { args: ['scenario', '--radio', 'mars'], says: /--radio/ },
  'scenario: --from with a generating flag': {
    args: ['scenario', '--from', f.scenario, '--users', '3'],
    says: /--users: generates a scenario/,
  },
  'scenario: --from a missing file': {
    args: ['scenario', '--from', missing],
    says: /missing\.json: no such file/,
  },
  'scenario: servers 0': { args: ['scenario', '--servers', '0', '--out', out('s4.json')], says: /--servers/ },
  'simulate: speed MIN above MAX': { args: ['simulate', f.scenario, '--speed', '2,1'], says: /--speed/ },
  'simulate: rate trigger 0': {
    args: ['simulate', f.scenario, '--rate-trigger', '0'],
    says: /--rate-trigger/,
  },
  'simulate: unknown fading': { args: ['simulate', f.scenario, '--fading', 'nakagami'], says: /--fading/ },
  'simulate: missing policy module': {
    args: ['simulate', f.scenario, '--policy', './no-such-policy.ts'],
    says: /no-such-policy/,
  },
  'simulate: missing solution': {
    args: ['simulate', f.scenario, '--solution', missing],
    says: /missing\.json: no such file/,
  },
  'validate: missing solution': {
    args: ['validate', f.scenario, '--solution', missing],
    says: /missing\.json/,
  },
  'optimize: starts not a number': { args: ['optimize', f.scenario, '--starts', 'three'], says: /--starts/ },
  'evaluate: solution is a directory': { args: ['evaluate', f.scenario, emptyDir], says: /is a directory/ },
  'experiment: zero runs': {
    args: ['experiment', 'users', '--runs', '0', '--out', out('e4')],
    says: /--runs/,
  },
  'experiment: unknown preset': {
    args: ['experiment', 'users', '--preset', 'fantasy', '--out', out('e5')],
    says: /--preset/,
  },
  'run: layers above 10000': {
    args: ['run', '--layers', '10001', '--out', out('r4')],
    says: /--layers: must be an integer in 1\.\.10000/,
  },
  'run: missing scenario file': {
    args: ['run', '--scenario', missing, '--out', out('r5')],
    says: /missing\.json: no such file/,
  },
  'profiles: unknown flag': { args: ['profiles', '--yaml'], says: /unknown option '--yaml'/ },
  'bench: extra argument': { args: ['bench', 'now'], says: /too many arguments|unknown/ },
};

/** Every file under `dir` and its bytes, for the check that nothing was written or changed. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else files.set(p, readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

const before = snapshot(f.dir);
/** The outputs a case asks for that did not exist before (`--out X`, `--trace X`). */
const outputsOf = (args: readonly string[]): string[] =>
  args.filter((a, i) => ['--out', '--trace'].includes(args[i - 1] ?? '') && !existsSync(a));
/** The files a case names, with their bytes before it ran. */
const inputsOf = (args: readonly string[]): [string, string][] =>
  args.filter((a) => before.has(a)).map((a) => [a, before.get(a)!]);

describe.concurrent('wrong inputs, one clear line each', { timeout: 120_000 }, () => {
  it('the catalogue has at least 100 cases', () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(100);
  });
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const inputs = inputsOf(c.args);
      const r = await mecsim(...c.args);
      const line = oneLineFailure(r);
      expect(line).toMatch(/^mecsim: /);
      expect(line).toMatch(c.says);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      for (const path of [...outputsOf(c.args), ...(c.noFile === undefined ? [] : [c.noFile])])
        expect(existsSync(path), path).toBe(false);
      for (const [path, bytes] of inputs) expect(readFileSync(path, 'latin1'), path).toBe(bytes);
    });
  }
});

// No case wrote a file, a temporary or an output, anywhere in the folder, or changed one.
afterAll(() => {
  expect([...snapshot(f.dir).keys()].sort()).toEqual([...before.keys()].sort());
  for (const [path, bytes] of snapshot(f.dir)) expect(bytes, path).toBe(before.get(path));
});
