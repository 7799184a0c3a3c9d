// A "noreg" test (pure-rand's idea): the JSONL trace of a small dynamic run is pinned by its
// SHA-256, so a change that moves any simulated number, or the order or shape of any record,
// fails here loudly. If a change is meant to alter the trace, say so in its commit and re-pin.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { policyNamed } from '../../sim/policies.ts';
import { simulate } from '../../sim/run.ts';
import { ChunkedSink } from '../../sim/trace/sink.ts';
import { traceWriter } from '../../sim/trace/writer.ts';

const GOLDEN_SHA256 = '085b332099fb0c4c226b5e6e649b794efc4fb28e9d88044c214d6d8efe8b7f19';

describe('golden trace', () => {
  it('a small run with fading, mobility, epochs, processor sharing and gradient download has a pinned trace', async () => {
    // The scenario is a fixture file, so the pin does not move with the scenario generator.
    const scenario = parseScenario(
      JSON.parse(readFileSync(new URL('fixtures/golden-scenario.json', import.meta.url), 'utf8')),
    );
    const chunks: string[] = [];
    const sink = new ChunkedSink((chunk) => chunks.push(chunk));
    const writer = traceWriter('jsonl', sink);
    const result = await simulate(scenario, {
      policy: policyNamed('reference', { seed: 4 })!,
      seed: 9,
      config: {
        durationS: 1.5e5,
        maxStepsPerUser: Infinity,
        edgeGpu: 'processor-sharing',
        gradientDownload: true,
        fading: { kind: 'rayleigh', coherenceS: 700, ricianK: 0 },
        mobility: { kind: 'gauss-markov', minSpeedMps: 0.5, maxSpeedMps: 1.5, memory: 0.8 },
        epoch: { everyS: 4e4, rateChange: 1 },
      },
      onTrace: writer.write,
    });
    writer.end();
    sink.flush();
    const text = chunks.join('');
    const types = new Set(
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { type: string }).type),
    );
    expect([...types].sort()).toEqual(['download', 'epoch', 'gain', 'layer', 'step', 'uplink']);
    expect(result.epochs.some((e) => e.trigger === 'rate-change')).toBe(true);
    expect(createHash('sha256').update(text).digest('hex')).toBe(GOLDEN_SHA256);
  });
});
