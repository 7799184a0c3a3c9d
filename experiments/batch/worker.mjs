// Worker-thread entry: registers tsx's loader in this thread (loaders are per thread) so the
// TypeScript worker runs without a build step, as src/cli/bin.mjs does for the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
