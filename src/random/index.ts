export { RandomStream, RandomStreams, MAX_SEED } from './streams.ts';
export { STREAM_PURPOSES, runSeedPurpose, type RunSeedPurpose, type StreamPurpose } from './purposes.ts';
export { StreamBank } from './stream-bank.ts';
