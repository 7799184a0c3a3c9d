/**
 * Progress of a long command on stderr: a cli-progress bar with ETA on a terminal, plain lines (at
 * most one every few seconds, and the last) when stderr is a file or a pipe. The work reports
 * `(done, total)` through a callback and knows nothing of this; wall time appears only here, never
 * in results.
 */
import { Presets, SingleBar } from 'cli-progress';

export interface ProgressBar {
  /** The callback to hand to the work: first call at the start (tasks already done), then per task. */
  readonly update: (done: number, total: number) => void;
  stop(): void;
}

const LINE_EVERY_MS = 5000;

function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}

export interface ProgressOptions {
  /** What is counted: tasks of an experiment, steps or simulated seconds of a run. */
  readonly unit?: string;
  /** Off a terminal, the first line waits the full interval too, instead of the first update:
   *  a run that ends within seconds says nothing. */
  readonly quietStart?: boolean;
}

export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  { unit = 'tasks', quietStart = false }: ProgressOptions = {},
): ProgressBar {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`,
        stream,
        etaBuffer: 20,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (started) bar.update(done);
        else bar.start(total, done);
        started = true;
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let t0 = 0;
  let first: number | undefined;
  let lastLine = 0;
  return {
    update: (done, total) => {
      if (first === undefined) {
        first = done;
        t0 = Date.now();
        if (quietStart) lastLine = t0;
        return;
      }
      const now = Date.now();
      if (done < total && now - lastLine < LINE_EVERY_MS) return;
      lastLine = now;
      const elapsedS = (now - t0) / 1000;
      const rate = (done - first) / elapsedS;
      stream.write(
        `${label}: ${done}/${total} ${unit} (${Math.floor((100 * done) / total)}%), ` +
          `elapsed ${formatDuration(elapsedS)}, ETA ${formatDuration((total - done) / rate)}\n`,
      );
    },
    stop: () => {},
  };
}
