/**
 * The input-error type: a bad file, flag or value the user can fix. Its message is one line that
 * names the file, flag or field and what is allowed; the CLI prints it and exits 2. It lives
 * below src/cli and experiments so both can throw it without knowing each other.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}
