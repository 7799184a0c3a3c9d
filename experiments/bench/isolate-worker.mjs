// Worker-thread entry of isolate.ts: registers tsx's loader in this thread (loaders are per
// thread), as experiments/batch/worker.mjs does, then runs the requested workload.
import { register } from 'tsx/esm/api';

register();
await import('./isolate-worker.ts');
