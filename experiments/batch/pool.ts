/**
 * Runs tasks on W worker threads (or in this thread when W = 1), each worker one task at a time,
 * handing out tasks in index order. Results come back in completion order; the caller stores
 * each under its task index, so nothing downstream depends on the order or on W.
 */
import { Worker } from 'node:worker_threads';
import type { Experiment, BaseConfig, Task } from '../experiment.ts';
import { executeTask, taskFailure, type FailureKind, type TaskResult } from './execute.ts';

export interface TaskMessage {
  readonly config: BaseConfig;
  readonly index: number;
}

/** Tells a worker to exit now, ending what its task started (worker.ts). */
export const STOP = 'stop';
/** How long a worker may take to stop before it is terminated (it is busy in a synchronous step). */
const STOP_WAIT_MS = 1000;

export type ResultMessage =
  | { readonly index: number; readonly result: TaskResult }
  | { readonly index: number; readonly error: string; readonly kind: FailureKind };

export type OnResult = (task: Task, result: TaskResult) => void;

const WORKER_ENTRY = new URL('./worker.mjs', import.meta.url);

export async function runTasks(
  experiment: Experiment<BaseConfig>,
  config: BaseConfig,
  todo: readonly Task[],
  workers: number,
  onResult: OnResult,
): Promise<void> {
  if (workers <= 1 || todo.length <= 1) {
    for (const task of todo) onResult(task, await executeTask(experiment, config, task));
    return;
  }
  const pool = Array.from({ length: Math.min(workers, todo.length) }, () => new Worker(WORKER_ENTRY));
  const exits = pool.map((w) => new Promise<void>((resolve) => w.once('exit', () => resolve())));
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = todo.length;
      const byIndex = new Map(todo.map((t) => [t.index, t]));
      const feed = (w: Worker): void => {
        const task = todo[next++];
        if (task !== undefined) w.postMessage({ config, index: task.index } satisfies TaskMessage);
      };
      for (const w of pool) {
        w.on('message', (msg: ResultMessage) => {
          if ('error' in msg) {
            reject(taskFailure(msg.kind, msg.error));
            return;
          }
          try {
            onResult(byIndex.get(msg.index)!, msg.result);
          } catch (err) {
            reject(err);
            return;
          }
          if (--pending === 0) resolve();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (pending > 0 && code !== 0) reject(new Error(`a worker thread exited with code ${code}`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w, i) => stopWorker(w, exits[i]!)));
  }
}

/**
 * Asks a worker to exit and waits until it has, terminating it if it does not within
 * STOP_WAIT_MS. Asked, it exits through its own `process.exit`, whose 'exit' handlers kill the
 * policy processes of a task still running (a run that failed elsewhere); `terminate()` alone
 * would skip them and leave those processes behind.
 */
async function stopWorker(w: Worker, exited: Promise<void>): Promise<void> {
  w.postMessage(STOP);
  const timer = setTimeout(() => void w.terminate(), STOP_WAIT_MS);
  await exited;
  clearTimeout(timer);
}
