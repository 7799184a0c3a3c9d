import { describe, expect, it } from 'vitest';
import { equalShareAllocation } from '../../src/model/index.ts';
import { generateScenario } from '../../src/scenario/generate.ts';
import { staticPolicy } from '../../sim/policy.ts';
import { simulate } from '../../sim/run.ts';
import { ChunkedSink } from '../../sim/trace/sink.ts';
import { traceWriter } from '../../sim/trace/writer.ts';

interface ChromeEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur: number;
  args: { name?: string };
}

/** Slices on one track that overlap without one containing the other, in whole nanoseconds. */
function partialOverlaps(slices: ChromeEvent[]): string[] {
  const spans = slices
    .map((e) => ({
      name: e.name,
      start: Math.round(e.ts * 1000),
      end: Math.round(e.ts * 1000) + Math.round(e.dur * 1000),
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const open: typeof spans = [];
  const bad: string[] = [];
  for (const s of spans) {
    while (open.length > 0 && open[open.length - 1]!.end <= s.start) open.pop();
    const parent = open[open.length - 1];
    if (parent !== undefined && s.end > parent.end) bad.push(`${s.name} overlaps ${parent.name}`);
    open.push(s);
  }
  return bad;
}

async function chromeTrace(): Promise<ChromeEvent[]> {
  // 60 users on 3 processor-shared GPUs under fading, several steps each: dozens of users in their
  // edge phase at once on every server, and gradients coming back.
  const scenario = generateScenario({ seed: 7, users: 60, servers: 3, layers: 6 });
  const chunks: string[] = [];
  const sink = new ChunkedSink((chunk) => chunks.push(chunk));
  const writer = traceWriter('chrome', sink);
  await simulate(scenario, {
    policy: staticPolicy(equalShareAllocation(scenario, 2)),
    config: {
      maxStepsPerUser: 3,
      edgeGpu: 'processor-sharing',
      gradientDownload: true,
      fading: { kind: 'rayleigh', coherenceS: 200, ricianK: 0 },
    },
    onTrace: writer.write,
  });
  writer.end();
  sink.flush();
  return (JSON.parse(chunks.join('')) as { traceEvents: ChromeEvent[] }).traceEvents;
}

describe('the Chrome/Perfetto trace', () => {
  it('on every (pid, tid) track, slices nest or are disjoint, with many users sharing each server', async () => {
    const events = await chromeTrace();
    const tracks = new Map<string, ChromeEvent[]>();
    for (const e of events.filter((x) => x.ph === 'X')) {
      const key = `${e.pid}:${e.tid}`;
      tracks.set(key, [...(tracks.get(key) ?? []), e]);
    }
    const serverTracks = [...tracks.keys()].filter((k) => !k.startsWith('1:'));
    expect(serverTracks.length).toBeGreaterThan(30); // a track per (server, user served)
    for (const [key, slices] of tracks) expect(partialOverlaps(slices), key).toEqual([]);
    // The same slices on one track per server (the old layout) do overlap: the check can fail.
    const perServer = new Map<number, ChromeEvent[]>();
    for (const e of events.filter((x) => x.ph === 'X' && x.pid > 1))
      perServer.set(e.pid, [...(perServer.get(e.pid) ?? []), e]);
    expect([...perServer.values()].some((slices) => partialOverlaps(slices).length > 0)).toBe(true);
  });

  it('names every slice after its user, and every track and process', async () => {
    const events = await chromeTrace();
    const slices = events.filter((e) => e.ph === 'X');
    for (const e of slices) expect(e.name).toMatch(/^user \d+ (layer \d+|uplink|download|step \d+)$/);
    expect(slices.some((e) => e.pid > 1 && e.name === 'user 59 layer 5')).toBe(true);
    const threadNames = new Set(
      events.filter((e) => e.name === 'thread_name').map((e) => `${e.pid}:${e.tid}`),
    );
    for (const e of slices) expect(threadNames.has(`${e.pid}:${e.tid}`)).toBe(true);
    const tids = events.filter((e) => e.name === 'thread_name').map((e) => e.tid);
    expect(new Set(tids).size).toBe(tids.length); // thread ids are unique across processes
    expect(Math.min(...tids)).toBe(1);
  });
});
