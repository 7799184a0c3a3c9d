/**
 * Locates the first syntax error in a JSON text, with the line, column and field path where it
 * happens, because JSON.parse's messages vary between engines, often give no position and quote
 * whole lines. Used only after JSON.parse has failed, so speed does not matter.
 */

export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  /** The field being read, e.g. `users[3].maxPowerW`, or `(root)`. */
  readonly path: string;
  readonly message: string;
}

class Fail extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Scanner {
  i = 0;
  readonly path: (string | number)[] = [];
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new Fail(message);
  }

  ws(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  describe(): string {
    const c = this.text[this.i];
    return c === undefined ? 'the end of the file' : `'${c}'`;
  }

  value(): void {
    this.ws();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return void this.string();
    for (const lit of ['true', 'false', 'null']) {
      if (this.text.startsWith(lit, this.i)) {
        this.i += lit.length;
        return;
      }
    }
    if (/^-?(NaN|Infinity)/.test(this.text.slice(this.i, this.i + 9)))
      this.fail('NaN and Infinity are not JSON numbers');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    if (c === undefined) this.fail('unexpected end of the file, expected a value');
    this.fail(`unexpected ${this.describe()}, expected a value`);
  }

  object(): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"')
        this.fail(`expected a double-quoted field name, found ${this.describe()}`);
      const key = this.string();
      this.ws();
      if (this.text[this.i] !== ':') this.fail(`expected ':' after the field name, found ${this.describe()}`);
      this.i++;
      this.path.push(key);
      this.value();
      this.path.pop();
      this.ws();
      const c = this.text[this.i];
      this.i++;
      if (c === '}') return;
      if (c !== ',') {
        this.i--;
        this.fail(`expected ',' or '}', found ${this.describe()}`);
      }
    }
  }

  array(): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (let k = 0; ; k++) {
      this.path.push(k);
      this.value();
      this.path.pop();
      this.ws();
      const c = this.text[this.i];
      this.i++;
      if (c === ']') return;
      if (c !== ',') {
        this.i--;
        this.fail(`expected ',' or ']', found ${this.describe()}`);
      }
    }
  }

  string(): string {
    const start = ++this.i;
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (c === '"') return this.decode(this.text.slice(start - 1, ++this.i));
      if (c === '\\') this.i++;
      else if (c < ' ') this.fail('control character in a string');
      this.i++;
    }
    return this.fail('unterminated string');
  }

  decode(literal: string): string {
    try {
      return JSON.parse(literal) as string;
    } catch {
      return this.fail('invalid escape in a string');
    }
  }

  number(): void {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (m === null) this.fail(`malformed number`);
    this.i += m[0].length;
  }
}

/**
 * A field path as the error line shows it: `users[3].maxPowerW`, or `(root)`. The same form as the
 * scenario validator's (src/scenario/parse.ts), which cannot import this Node-side module.
 */
function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out === '' ? '(root)' : out;
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const s = new Scanner(text);
  try {
    s.value();
    s.ws();
    if (s.i < text.length) s.fail(`unexpected ${s.describe()} after the end of the JSON value`);
    return undefined;
  } catch (err) {
    if (!(err instanceof Fail)) throw err;
    const before = text.slice(0, s.i);
    const line = before.split('\n').length;
    const column = s.i - before.lastIndexOf('\n');
    return { line, column, path: pathText(s.path), message: err.message };
  }
}
