/**
 * Progress of a batch on stderr: a cli-progress bar with ETA on a terminal, plain lines (at most
 * one every few seconds, and the last) when stderr is a file or a pipe. Wall time appears only
 * here, never in results.
 */
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

const LINE_EVERY_MS = 5000;

function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}

export function startProgress(label: string, total: number, alreadyDone: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | {value}/{total} tasks | ETA {eta_formatted}`,
      stream, etaBuffer: 20, hideCursor: true,
    }, Presets.shades_classic);
    bar.start(total, alreadyDone);
    return { tick: () => bar.increment(), stop: () => bar.stop() };
  }
  const t0 = Date.now();
  let done = alreadyDone;
  let lastLine = 0;
  const line = (): void => {
    const elapsedS = (Date.now() - t0) / 1000;
    const rate = (done - alreadyDone) / elapsedS;
    stream.write(`${label}: ${done}/${total} tasks (${Math.floor((100 * done) / total)}%), `
      + `elapsed ${formatDuration(elapsedS)}, ETA ${formatDuration((total - done) / rate)}\n`);
  };
  return {
    tick: () => {
      done++;
      const now = Date.now();
      if (done === total || now - lastLine >= LINE_EVERY_MS) {
        lastLine = now;
        line();
      }
    },
    stop: () => {},
  };
}
