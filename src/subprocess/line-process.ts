/**
 * A child process spoken to in lines: a shell command started with pipes, one line written, the
 * next line it prints read back, within a time limit. Every way it can fail — it exits or is
 * killed, prints a line nobody asked for, or does not answer in time — rejects with a
 * `LineProcessError` whose message says which, quoting the last line of its stderr (kept, not
 * shown, so a failed run still ends with one line). On a time-out or `kill()` the whole process
 * group goes (the shell and what it started); on `close()` stdin ends and the process must exit
 * by itself within the limit, with code 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export class LineProcessError extends Error {
  override readonly name = 'LineProcessError';
}

export interface LineProcessOptions {
  /** Wall-clock limit for each answer and for the exit after `close()`. */
  readonly timeoutS: number;
  /** What to call the limit in messages, e.g. the flag that sets it. */
  readonly timeoutName: string;
  /** The folder the command runs in (default: ours). */
  readonly cwd?: string;
}

interface Waiter {
  resolve: (line: string) => void;
  reject: (err: Error) => void;
}

/** Bytes of stderr kept for messages. */
const STDERR_TAIL = 4096;

export class LineProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private partial = '';
  private readonly unasked: string[] = [];
  private waiter: Waiter | null = null;
  private exited: string | null = null;
  private stderrTail = '';
  private readonly onExit = (): void => this.kill();

  constructor(
    readonly command: string,
    private readonly options: LineProcessOptions,
  ) {
    // detached: its own process group, so a time-out can kill the shell and its children at once.
    this.child = spawn(command, {
      shell: true,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    this.child.stdout.setEncoding('utf8').on('data', (text: string) => this.take(text));
    this.child.stderr.setEncoding('utf8').on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL);
    });
    // Writing to a process that has exited fails with EPIPE; its exit is what gets reported.
    this.child.stdin.on('error', () => {});
    this.child.on('error', (err) => this.finish(`could not start: ${err.message}`));
    // 'close' comes after stdout has been read to its end, so no answer is lost to the exit.
    this.child.on('close', (code, signal) =>
      this.finish(signal !== null ? `was killed by ${signal}` : `exited with code ${code}`),
    );
    process.once('exit', this.onExit);
  }

  /** Writes `line` and resolves with the next line the process prints. */
  request(line: string): Promise<string> {
    this.checkAlive();
    if (this.unasked.length > 0)
      throw new LineProcessError(`printed a line before it was asked: '${clip(this.unasked[0]!)}'`);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill();
        fail(
          new LineProcessError(
            `did not answer within ${this.options.timeoutS} s (${this.options.timeoutName})`,
          ),
        );
      }, this.options.timeoutS * 1000);
      const fail = (err: Error): void => {
        clearTimeout(timer);
        this.waiter = null;
        reject(err);
      };
      this.waiter = {
        resolve: (answer) => {
          clearTimeout(timer);
          this.waiter = null;
          resolve(answer);
        },
        reject: fail,
      };
      this.child.stdin.write(`${line}\n`);
    });
  }

  /** Writes `line`, which needs no answer. */
  async send(line: string): Promise<void> {
    this.checkAlive();
    this.child.stdin.write(`${line}\n`);
  }

  /** Ends stdin and waits for the process to exit with code 0 (killing it after the time limit). */
  async close(): Promise<void> {
    if (this.exited === null) {
      this.child.stdin.end();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.kill();
          this.finish(
            `did not exit within ${this.options.timeoutS} s of its stdin closing (${this.options.timeoutName})`,
          );
        }, this.options.timeoutS * 1000);
        this.child.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    process.removeListener('exit', this.onExit);
    if (this.exited !== 'exited with code 0') throw new LineProcessError(this.describe(this.exited!));
    if (this.unasked.length > 0)
      throw new LineProcessError(`printed a line nobody asked for: '${clip(this.unasked[0]!)}'`);
  }

  /** Kills the process group now (safe to call at any time, and again). */
  kill(): void {
    process.removeListener('exit', this.onExit);
    if (this.exited !== null || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  private take(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop()!;
    for (const raw of lines) {
      const line = raw.replace(/\r$/, '');
      if (this.waiter !== null) this.waiter.resolve(line);
      else this.unasked.push(line);
    }
  }

  private finish(how: string): void {
    if (this.exited !== null) return;
    this.exited = how;
    this.waiter?.reject(new LineProcessError(this.describe(`${how} before it answered`)));
  }

  private checkAlive(): void {
    if (this.exited !== null) throw new LineProcessError(this.describe(this.exited));
  }

  /** `how`, with the last line of stderr if there is one. */
  private describe(how: string): string {
    const last = this.stderrTail.trimEnd().split('\n').pop()?.trim() ?? '';
    return last === '' ? how : `${how} (stderr: ${clip(last)})`;
  }
}

const clip = (line: string): string => (line.length > 80 ? `${line.slice(0, 77)}...` : line);
