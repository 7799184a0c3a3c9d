/**
 * A worker thread of the pool: runs the tasks it is sent, one at a time, and posts back each
 * run-file text (the main thread writes the files, so a worker never touches the output).
 */
import { parentPort } from 'node:worker_threads';
import type { BaseConfig, Experiment, Task } from '../experiment.ts';
import { experimentFor } from '../registry.ts';
import { executeTask, failureKind } from './execute.ts';
import { STOP, type TaskMessage, type ResultMessage } from './pool.ts';
import { taskList } from './tasks.ts';

if (parentPort === null) throw new Error('experiments/batch/worker.ts must run in a worker thread');
const port = parentPort;
let cached: { key: string; experiment: Experiment<BaseConfig>; tasks: Task[] } | undefined;

function prepared(config: BaseConfig): NonNullable<typeof cached> {
  const key = JSON.stringify(config);
  if (cached?.key !== key) {
    const experiment = experimentFor(config);
    cached = { key, experiment, tasks: taskList(experiment, config) };
  }
  return cached;
}

port.on('message', (msg: TaskMessage | typeof STOP) => {
  // process.exit, not the pool's terminate(): its 'exit' event lets a running task's policy
  // processes be killed (src/subprocess/line-process.ts) instead of outliving the run.
  if (msg === STOP) process.exit(0);
  const { experiment, tasks } = prepared(msg.config);
  executeTask(experiment, msg.config, tasks[msg.index]!).then(
    (result) => port.postMessage({ index: msg.index, result } satisfies ResultMessage),
    (err: unknown) =>
      port.postMessage({
        index: msg.index,
        error: err instanceof Error ? err.message : String(err),
        kind: failureKind(err),
      } satisfies ResultMessage),
  );
});
