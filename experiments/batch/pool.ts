/**
 * Runs tasks on W worker threads (or in this thread when W = 1), each worker one task at a time,
 * handing out tasks in index order. Results come back in completion order; the caller stores
 * each under its task index, so nothing downstream depends on the order or on W.
 */
import { Worker } from 'node:worker_threads';
import type { Experiment, BaseConfig, Task } from '../experiment.ts';
import { executeTask, type TaskResult } from './execute.ts';

export interface TaskMessage {
  readonly config: BaseConfig;
  readonly index: number;
}

export type ResultMessage =
  | { readonly index: number; readonly result: TaskResult }
  | { readonly index: number; readonly error: string };

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
            reject(new Error(msg.error));
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
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
