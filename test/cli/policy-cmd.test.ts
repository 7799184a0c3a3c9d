// `--policy-cmd`: a policy in another process speaking the JSON-lines protocol (sim/policy-protocol.ts).
// The Python example gives the same run as its TypeScript twin; an episode's messages carry the
// rewards; and every way a process can fail — a crash, garbage, wrong sizes, an infeasible
// allocation, a hang — ends the run with one line, exit 3 and no output or trace file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScenario } from '../../src/scenario/format.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { expectNoFiles, tempDir } from './files.ts';
import { mecsim, oneLineFailure, root } from './spawn.ts';
import { goneWithin } from '../process-gone.ts';

const dir = tempDir();
const scenario = join(dir, 's.json');
writeFileSync(scenario, formatScenario(generateScenario({ seed: 2, users: 5, servers: 2, layers: 6 })));
const agentPy = join(root, 'experiments/policies/threshold_agent.py');
const RUN = ['--duration', '60000', '--fading', 'rayleigh', '--coherence', '700', '--epoch', '15000'];

/**
 * A Python agent that speaks the protocol and, at each epoch, answers `act(scenario, observation)`
 * (by default the threshold example's decision); `ready` names it after its file.
 */
function agent(name: string, act = 'decide(scenario, observation)', prelude = ''): string {
  const path = join(dir, `${name}.py`);
  writeFileSync(
    path,
    `import json, sys, time, os
sys.path.insert(0, ${JSON.stringify(join(root, 'experiments/policies'))})
from threshold_agent import decide
${prelude}
def act(scenario, observation):
    return ${act}
def say(m):
    print(json.dumps(m), flush=True)
for line in sys.stdin:
    m = json.loads(line)
    if m['type'] == 'reset':
        scenario = m['scenario']
        say({'version': 1, 'type': 'ready', 'name': ${JSON.stringify(name)}})
    elif m['type'] == 'observe':
        d = act(scenario, m['observation'])
        if d is not None: say({'version': 1, 'type': 'act', 'decision': d})
`,
  );
  return `python3 ${path}`;
}
/** At epoch 1 `then`, else the threshold decision. */
const atEpoch1 = (then: string): string =>
  `(${then}) if observation['epoch'] == 1 else decide(scenario, observation)`;

const noFiles = expectNoFiles;

/** Runs `simulate` with `--out` and `--trace`, expects a policy failure and no file; its one line. */

let failures = 0;
async function failing(command: string, ...more: string[]): Promise<string> {
  const k = failures++;
  const [out, trace] = [join(dir, `failed-${k}.json`), join(dir, `failed-${k}.jsonl`)];
  const r = await mecsim(
    'simulate',
    scenario,
    ...RUN,
    '--policy-cmd',
    command,
    '--out',
    out,
    '--trace',
    trace,
    ...more,
  );
  noFiles(out, trace);
  return oneLineFailure(r, 3);
}

/** Up to a dozen mecsim and python3 processes at once on 2 shared cores take their time. */
const LOADED = { timeout: 360_000 };

describe.concurrent('--policy-cmd', LOADED, () => {
  it('the Python threshold agent gives the run of threshold.ts, byte for byte (trace too)', async () => {
    const out = (k: string) => join(dir, `same-${k}.json`);
    const trace = (k: string) => join(dir, `same-${k}.jsonl`);
    const [py, ts] = await Promise.all([
      mecsim(
        'simulate',
        scenario,
        ...RUN,
        '--policy-cmd',
        `python3 ${agentPy}`,
        '--out',
        out('py'),
        '--trace',
        trace('py'),
      ),
      mecsim(
        'simulate',
        scenario,
        ...RUN,
        '--policy',
        join(root, 'experiments/policies/threshold.ts'),
        '--out',
        out('ts'),
        '--trace',
        trace('ts'),
      ),
    ]);
    expect(py.code, py.stderr).toBe(0);
    expect(ts.code, ts.stderr).toBe(0);
    const named = (k: string, file: string) =>
      readFileSync(file, 'utf8').replaceAll('"threshold_agent"', '"threshold"');
    expect(named('py', out('py'))).toBe(readFileSync(out('ts'), 'utf8'));
    expect(named('py', trace('py'))).toBe(readFileSync(trace('ts'), 'utf8'));
    const result = JSON.parse(readFileSync(out('py'), 'utf8'));
    expect(result.policy).toBe('threshold_agent');
    expect(result.epochs).toHaveLength(4);
  });

  it('an episode: reset with the seed, observe with reward = −cost since the last decision, end', async () => {
    const log = join(dir, 'episode.jsonl');
    const recorder = agent(
      'recorder',
      'decide(scenario, observation)',
      `log = open(${JSON.stringify(log)}, 'w')
_loads = json.loads
def loads(line):
    log.write(line); log.flush()
    return _loads(line)
json.loads = loads`,
    );
    const out = join(dir, 'episode.json');
    const r = await mecsim(
      'simulate',
      scenario,
      ...RUN,
      '--seed',
      '7',
      '--policy-cmd',
      recorder,
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const messages = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(messages.map((m) => m.type)).toEqual(['reset', 'observe', 'observe', 'observe', 'observe', 'end']);
    expect(messages.every((m) => m.version === 1)).toBe(true);
    expect([messages[0].episode, messages[0].seed]).toEqual([0, 7]);
    const observes = messages.filter((m) => m.type === 'observe');
    expect(observes.map((m) => m.observation.epoch)).toEqual([0, 1, 2, 3]);
    expect(observes[0].reward).toBeNull();
    const end = messages.at(-1);
    for (const m of [
      ...observes.slice(1).map((o) => ({ reward: o.reward, w: o.observation.sinceLast })),
      { reward: end.reward, w: end.sinceLast },
    ])
      expect(m.reward).toBe(-m.w.cost);
    // The windows partition the run's completed steps.
    const windows = [...observes.map((o) => o.observation.sinceLast.steps), end.sinceLast.steps];
    const result = JSON.parse(readFileSync(out, 'utf8'));
    const steps = result.metrics.perUser.reduce((s: number, u: { steps: number }) => s + u.steps, 0);
    expect(windows.reduce((s, k) => s + k, 0)).toBe(steps);
    expect(steps).toBeGreaterThan(0);
    expect(end.timeS).toBe(60000);
  });

  it('validate takes --policy-cmd too', async () => {
    const r = await mecsim('validate', scenario, '--policy-cmd', `python3 ${agentPy}`, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ policy: 'threshold_agent' });
    expect(JSON.parse(r.stdout).maxAbsRelError).toBeLessThan(1e-9);
  });

  it('a crash: the exit code and the last line of its stderr', async () => {
    expect(await failing(agent('crash', atEpoch1('1 / 0')))).toBe(
      'mecsim: policy crash at t = 15000 s (epoch 1): exited with code 1 before it answered (stderr: ZeroDivisionError: division by zero)',
    );
  });

  it('garbage on stdout', async () => {
    expect(await failing(agent('garbage', atEpoch1("print('thinking...', flush=True)")))).toBe(
      "mecsim: policy garbage at t = 15000 s (epoch 1): printed a line that is not JSON, expected {type: 'act', decision}: 'thinking...'",
    );
  });

  it('a reply of the wrong shape, and one of another protocol version', async () => {
    expect(await failing(agent('shape', atEpoch1("{'powerW': 'max'}")))).toBe(
      "mecsim: policy shape at t = 15000 s (epoch 1): bad reply, expected {type: 'act', decision}: decision.powerW: Invalid input: expected array, received string",
    );
    const v2 = `python3 -c "import sys; sys.stdin.readline(); print('{\\"version\\": 2, \\"type\\": \\"ready\\"}', flush=True); sys.stdin.readline()"`;
    expect(await failing(v2)).toBe(
      'mecsim: policy python3 at t = 0 s (epoch 0): speaks protocol version 2, mecsim speaks 1',
    );
  });

  it('wrong array sizes', async () => {
    expect(await failing(agent('sizes', atEpoch1("{'powerW': [1.0]}")))).toBe(
      'mecsim: policy sizes at t = 15000 s (epoch 1): powerW has 1 entries, expected 5 (one per user)',
    );
  });

  it('an infeasible allocation stops the run, or the fallback decides', async () => {
    const over = agent('over', atEpoch1("{'users': [0], 'powerW': [99]}"));
    expect(await failing(over)).toMatch(
      /^mecsim: policy over at t = 15000 s \(epoch 1\): infeasible allocation: powerW\[0\]: = 99: .*\(9d\)$/,
    );
    const r = await mecsim(
      'simulate',
      scenario,
      ...RUN,
      '--policy-cmd',
      over,
      '--fallback',
      'reference',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const epochs = JSON.parse(r.stdout).epochs as { policy: string; rejected?: string }[];
    expect(epochs.map((e) => e.policy)).toEqual(['over', 'reference', 'over', 'over']);
    expect(epochs[1]!.rejected).toMatch(/\(9d\)$/);
  });

  it('a hang beyond --policy-timeout: killed, with its children', async () => {
    const pids = join(dir, 'hang.pid');
    const hang = agent(
      'hang',
      atEpoch1('hang()'),
      `def hang():
    with open(${JSON.stringify(pids)}, 'w') as f:
        f.write(str(os.getpid()))
    time.sleep(600)`,
    );
    const t0 = performance.now();
    expect(await failing(hang, '--policy-timeout', '5')).toBe(
      'mecsim: policy hang at t = 15000 s (epoch 1): did not answer within 5 s (--policy-timeout)',
    );
    // Far less than the agent's 600 s sleep, even on a loaded machine.
    expect(performance.now() - t0).toBeLessThan(300_000);
    const pid = Number(readFileSync(pids, 'utf8'));
    expect(pid).toBeGreaterThan(1);
    expect(await goneWithin(pid, 5_000)).toBe(true);
  });

  it('a process that exits cleanly too early, or fails after the run', async () => {
    expect(await failing(agent('early', atEpoch1('sys.exit(0)')))).toBe(
      'mecsim: policy early at t = 15000 s (epoch 1): exited with code 0 before it answered',
    );
    const late = `${agent('late')} && exit 4`;
    expect(await failing(late)).toBe('mecsim: policy late at the end of the run: exited with code 4');
  });

  it('bad flags: input errors (exit 2)', async () => {
    expect(
      oneLineFailure(await mecsim('simulate', scenario, '--policy-cmd', 'x', '--policy', 'reference')),
    ).toBe('mecsim: give --policy or --policy-cmd, not both');
    expect(
      oneLineFailure(await mecsim('simulate', scenario, '--policy-cmd', 'x', '--policy-timeout', '0')),
    ).toMatch(/^mecsim: --policy-timeout: must be a number > 0 and <= 86400, got '0'$/);
    expect(oneLineFailure(await mecsim('simulate', scenario, '--policy-timeout', '5'))).toBe(
      'mecsim: --policy-timeout: only with --policy-cmd',
    );
  });
});
