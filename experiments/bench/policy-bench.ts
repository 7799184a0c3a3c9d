/**
 * Policy benchmark: decisions per second of the same rule in process (experiments/policies/
 * threshold.ts) and through the external protocol (threshold_agent.py under python3, JSON lines
 * over pipes), in the same run on the same workload: the paper's 50×10 scenario for one simulated
 * hour with 1 s Rayleigh blocks and an epoch every second (3,600 decisions, so deciding, not
 * simulating, is the cost). A decision's time is from the observation's making to the checked
 * allocation (for the process: the JSON both ways and its thinking). Both runs must give the same
 * metrics, or the bench fails: the two paths are one rule.
 */
import { fileURLToPath } from 'node:url';
import { generateScenario } from '../../src/scenario/generate.ts';
import { LineProcess } from '../../src/subprocess/index.ts';
import { externalPolicy } from '../../sim/external-policy.ts';
import type { Policy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';
import threshold from '../policies/threshold.ts';

const AGENT = fileURLToPath(new URL('../policies/threshold_agent.py', import.meta.url));
const SETTING = {
  durationS: 3600,
  maxStepsPerUser: Infinity,
  fading: { kind: 'rayleigh' as const, coherenceS: 1, ricianK: 0 },
  epoch: { everyS: 1, rateChange: Infinity },
};

interface PolicyRun {
  decisions: number;
  /** Wall time in `decide`, summed over the run. */
  decideS: number;
  decisionsPerS: number;
  /** Wall time of the whole run. */
  runS: number;
}

export interface PolicyBench {
  setting: string;
  inProcess: PolicyRun;
  external: PolicyRun & { command: string };
  /** External decisions per second over in-process ones. */
  ratio: number;
}

/** `policy` with the wall time of its decisions summed. */
function timed(policy: Policy): { policy: Policy; decideS: () => number } {
  let totalMs = 0;
  const decide: Policy['decide'] = async (o) => {
    const t0 = performance.now();
    const decision = await policy.decide(o);
    totalMs += performance.now() - t0;
    return decision;
  };
  return {
    policy: { name: policy.name, decide, ...(policy.end ? { end: policy.end } : {}) },
    decideS: () => totalMs / 1000,
  };
}

async function run(policy: Policy) {
  const scenario = generateScenario({ seed: 1 });
  const { policy: measured, decideS } = timed(policy);
  const t0 = performance.now();
  const result = await simulate(scenario, { policy: measured, config: SETTING, seed: 1 });
  const runS = (performance.now() - t0) / 1000;
  const decisions = result.epochs.length;
  const timing: PolicyRun = { decisions, decideS: decideS(), decisionsPerS: decisions / decideS(), runS };
  return { timing, metrics: result.metrics };
}

export async function benchPolicy(): Promise<PolicyBench> {
  const inProcess = await run(threshold);
  const command = `python3 ${AGENT}`;
  const child = new LineProcess(command, { timeoutS: 30, timeoutName: 'the bench time-out' });
  let external: Awaited<ReturnType<typeof run>>;
  try {
    external = await run(externalPolicy(child, { name: 'threshold_agent', seed: 1 }));
    await child.close();
  } finally {
    child.kill();
  }
  if (JSON.stringify(external.metrics) !== JSON.stringify(inProcess.metrics))
    throw new Error('policy bench: the external threshold agent and threshold.ts disagree');
  return {
    setting:
      'paper preset, 50 users, 10 servers, seed 1; 1 h; Rayleigh blocks of 1 s; an epoch every second (threshold rule)',
    inProcess: inProcess.timing,
    external: { ...external.timing, command: 'python3 experiments/policies/threshold_agent.py' },
    ratio: external.timing.decisionsPerS / inProcess.timing.decisionsPerS,
  };
}

export function formatPolicy(p: PolicyBench): string[] {
  const row = (label: string, r: PolicyRun): string =>
    `  ${label.padEnd(22)} ${r.decisions} decisions, ${r.decisionsPerS.toFixed(0)} decisions/s (${r.decideS.toFixed(2)} s deciding, run ${r.runS.toFixed(2)} s)`;
  return [
    `policy: ${p.setting}`,
    row('in process (TS)', p.inProcess),
    row('external (python3)', p.external),
    `  external / in process: ${(100 * p.ratio).toFixed(1)}% of the decisions per second; same metrics`,
  ];
}
