/**
 * Runs one engine workload in a fresh worker thread (its own V8 isolate) and returns its best
 * rate. Why: workloads measured one after another in one isolate share the engine's functions,
 * so each inherits the type feedback of the others (a heap that has seen two kinds of entry, a
 * call site that has seen six callbacks) and is measured slower than it runs in a real
 * simulation, which runs one model per process; and by how much depends on the order.
 */
import { Worker } from 'node:worker_threads';
import type { EngineWorkload } from './engine-workloads.ts';

export interface Rate {
  eventsPerS: number;
  wallS: number;
  events: number;
}

export interface IsolatedRequest {
  readonly workload: EngineWorkload;
  readonly repeats: number;
}

const ENTRY = new URL('./isolate-worker.mjs', import.meta.url);

export function rateInFreshIsolate(workload: EngineWorkload, repeats: number): Promise<Rate> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { workload, repeats } satisfies IsolatedRequest });
    worker.once('message', (rate: Rate) => {
      resolve(rate);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`bench worker for ${workload} exited with code ${code}`)));
  });
}
