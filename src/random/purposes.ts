/**
 * Every purpose a random stream may serve, declared once. A stream's key is
 * `masterSeed|purpose|indices`, so a purpose name is part of every result it feeds: renaming one
 * changes those results, and two concepts sharing one name would draw correlated numbers. The
 * type below makes a purpose that is not in this table a compile error.
 */
export const STREAM_PURPOSES = {
  user: 'a user’s hardware and workload draws (scenario generator), by user',
  'placement-user': 'a user’s position in the area (scenario generator), by user',
  server: 'a server’s hardware draws (scenario generator), by server',
  'placement-server': 'a server’s position in the area (scenario generator), by server',
  fading: 'block-fading power gains (simulation), by user and server',
  mobility: 'a user’s movement (simulation), by user',
  start: 'random association starts of the multi-start (optimizer), by start',
  cccp: 'tie-breaks inside one CCCP run (optimizer), by start',
  'layers-only': 'the random resources of the layers-only baseline (optimizer), by user',
  'resources-only': 'the random split of the resources-only baseline (optimizer), by user',
  random: 'the random association of the random baseline (optimizer)',
  bench: 'workload draws of the benchmarks',
  'test-allocation': 'random allocations built by tests',
} as const;

/** The per-run seeds of an experiment: one purpose per experiment name (`run-seed:weights`). */
export type RunSeedPurpose = `run-seed:${string}`;

export type StreamPurpose = keyof typeof STREAM_PURPOSES | RunSeedPurpose;

export function runSeedPurpose(experiment: string): RunSeedPurpose {
  return `run-seed:${experiment}`;
}
