/**
 * What a process does when it is stopped from outside or loses its stdout, for every command at
 * once (the CLI installs it first thing):
 * - SIGINT, SIGTERM, SIGHUP: remove the temporaries (src/files/temporaries.ts), print one line
 *   saying what was kept, exit 128 + the signal number (130, 143, 129) as a shell reports it;
 * - stdout failing (EPIPE: the reader of a pipe went away; ENOSPC: a full disk): the output is
 *   lost, so exit 1 with one line on stderr, not 0 and not a stack trace.
 * A command with more to say than the list of finished outputs (an experiment's finished tasks
 * that `--resume` continues) sets its own note.
 */
import { writeSync } from 'node:fs';
import { finishedOutputs, removeTemporaries } from './temporaries.ts';

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Exit code when stdout fails: a runtime failure. */
const EXIT_OUTPUT_LOST = 1;

let note: (() => string) | undefined;
let installed = false;

/** What the interrupt line says was kept, instead of the list of finished outputs. */
export function setInterruptNote(describeKept: () => string): void {
  note = describeKept;
}

function keptText(): string {
  if (note !== undefined) return note();
  const kept = finishedOutputs();
  return kept.length === 0 ? 'no results written' : `kept ${kept.join(', ')}; nothing else written`;
}

/** One line on stderr, written synchronously (the process exits right after). */
function say(line: string): void {
  try {
    writeSync(2, `mecsim: ${line}\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left to say it
  }
}

/** Installs the signal and stdout handlers; idempotent. */
export function guardProcess(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      removeTemporaries();
      say(`interrupted; ${keptText()}`);
      process.exit(code);
    });
  }
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    removeTemporaries();
    const why = err.code === 'EPIPE' ? 'the reader closed the pipe' : (err.code ?? err.message);
    say(`cannot write to stdout (${why}): the output is lost or incomplete`);
    process.exit(EXIT_OUTPUT_LOST);
  });
  // A failing stderr has no one to tell; without a listener it would crash with a stack trace.
  process.stderr.on('error', () => {
    process.exitCode = EXIT_OUTPUT_LOST;
  });
}
