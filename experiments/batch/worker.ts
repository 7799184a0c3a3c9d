/**
 * A worker thread of the pool: runs the tasks it is sent, one at a time, and posts back each
 * run-file text (the main thread writes the files, so a worker never touches the output).
 */
import { parentPort } from 'node:worker_threads';
import type { ExperimentConfig, Task } from '../experiment.ts';
import { experimentNamed } from '../registry.ts';
import { executeTask } from './execute.ts';
import type { TaskMessage, ResultMessage } from './pool.ts';
import { taskList } from './tasks.ts';

if (parentPort === null) throw new Error('experiments/batch/worker.ts must run in a worker thread');
const port = parentPort;
let cached: { key: string; tasks: Task[] } | undefined;

function tasksOf(config: ExperimentConfig): Task[] {
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, tasks: taskList(experimentNamed(config.experiment), config) };
  return cached.tasks;
}

port.on('message', (msg: TaskMessage) => {
  const task = tasksOf(msg.config)[msg.index]!;
  executeTask(experimentNamed(msg.config.experiment), msg.config, task).then(
    (text) => port.postMessage({ index: msg.index, text } satisfies ResultMessage),
    (err: unknown) =>
      port.postMessage({
        index: msg.index,
        error: err instanceof Error ? err.message : String(err),
      } satisfies ResultMessage),
  );
});
