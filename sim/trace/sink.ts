/**
 * Where trace text goes, without knowing what holds it (a file, memory, a socket): a writer
 * formats records into text and hands it to a `TextSink`. `ChunkedSink` batches the text into
 * chunks of about 64 KiB, so a file sink makes one system call per chunk and memory stays flat
 * however long the run.
 */
export interface TextSink {
  write(text: string): void;
}

const CHUNK_CHARS = 64 * 1024;

export class ChunkedSink implements TextSink {
  private parts: string[] = [];
  private chars = 0;

  constructor(private readonly out: (chunk: string) => void) {}

  write(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  /** Hands over what is buffered. */
  flush(): void {
    if (this.parts.length === 0) return;
    this.out(this.parts.join(''));
    this.parts = [];
    this.chars = 0;
  }
}
