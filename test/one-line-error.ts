// The message of the error `run` must throw: of the given class, and one line (what the CLI prints).
import { expect } from 'vitest';

export function oneLineError(run: () => unknown, errorClass: new (...args: any[]) => Error): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(errorClass);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`expected a ${errorClass.name}`);
}
