/** One workload of isolate.ts, measured in this worker thread and posted back. */
import { parentPort, workerData } from 'node:worker_threads';
import { ENGINE_WORKLOADS } from './engine-workloads.ts';
import type { IsolatedRequest, Rate } from './isolate.ts';
import { bestRate } from './measure.ts';

const { workload, repeats } = workerData as IsolatedRequest;
let events = 0;
const best = bestRate(repeats, () => (events = ENGINE_WORKLOADS[workload]()));
parentPort!.postMessage({ ...best, events } satisfies Rate);
