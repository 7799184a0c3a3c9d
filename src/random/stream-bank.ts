/**
 * Many streams of one purpose held in typed arrays: stream k = row·cols + col of a bank gives
 * exactly the draws of `new RandomStreams(seed).get(purpose, row, col)`, for a fraction of the
 * memory (32 bytes a stream instead of a generator object, a closure and a map key). A city-scale channel has a
 * fading stream per user-server pair — a million at 10,000 × 100 — and redraws every pair each
 * block, so the generator's state must sit in flat arrays.
 *
 * The generator is seedrandom's Alea (the one `RandomStream` uses), re-expressed on arrays: the
 * seeding (Baagøe's Mash hash of the key string) and the step compute what the library computes,
 * with the hashing that all streams share done once; test/random/stream-bank.test.ts checks the
 * draws against the library's.
 */
import { RandomStream } from './streams.ts';
import type { StreamPurpose } from './purposes.ts';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Mash's state after hashing `data`, from state `n`. Mash reads a key character by character,
 *  so hashing a key piece by piece gives the same state as hashing it whole. */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

/** The hash Mash returns in a state, in [0, 1). */
const hashOf = (n: number): number => (n >>> 0) * TWO_POW_MINUS_32;

/** a − b wrapped into [0, 1), as Alea's seeding does. */
function unitDifference(a: number, b: number): number {
  const d = a - b;
  return d < 0 ? d + 1 : d;
}

export class StreamBank {
  private readonly s0: Float64Array;
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;
  private readonly c: Float64Array;
  /** The stream `cursor` draws from. */
  private current = 0;
  /** The distributions of `RandomStream`, drawing from stream `at(k)`. */
  readonly cursor: RandomStream;

  /** `rows × cols` streams: stream row·cols + col is the stream of (purpose, row, col). */
  constructor(masterSeed: number, purpose: StreamPurpose, rows: number, cols: number) {
    const count = rows * cols;
    this.s0 = new Float64Array(count);
    this.s1 = new Float64Array(count);
    this.s2 = new Float64Array(count);
    this.c = new Float64Array(count);
    // Alea's seeding: s_i = hash_i(' ') − hash_i(key), the hashes chained through Mash's state.
    // The ' ' hashes are the same for every stream, and the key `${masterSeed}|${purpose}|${row},${col}`
    // is hashed in pieces without being built; its first pass up to the row is shared by a row.
    let n = mash(0xefc8249d, ' ');
    const h0 = hashOf(n);
    n = mash(n, ' ');
    const h1 = hashOf(n);
    n = mash(n, ' ');
    const h2 = hashOf(n);
    const prefix = `${masterSeed}|${purpose}|`;
    const afterPrefix = mash(n, prefix);
    const colPieces = Array.from({ length: cols }, (_, col) => String(col));
    for (let row = 0; row < rows; row++) {
      const rowPiece = `${row},`;
      const afterRow = mash(afterPrefix, rowPiece);
      for (let col = 0; col < cols; col++) {
        const colPiece = colPieces[col]!;
        const n1 = mash(afterRow, colPiece);
        const n2 = mash(mash(mash(n1, prefix), rowPiece), colPiece);
        const n3 = mash(mash(mash(n2, prefix), rowPiece), colPiece);
        const k = row * cols + col;
        this.s0[k] = unitDifference(h0, hashOf(n1));
        this.s1[k] = unitDifference(h1, hashOf(n2));
        this.s2[k] = unitDifference(h2, hashOf(n3));
        this.c[k] = 1;
      }
    }
    this.cursor = new RandomStream(() => this.next());
  }

  /** Points `cursor` at stream k; returns the cursor. */
  at(k: number): RandomStream {
    this.current = k;
    return this.cursor;
  }

  /** Advances stream k by `draws` uniforms without using them (a pair nobody looked at); the
   *  state stays in locals meanwhile, so skipping costs a few arithmetic operations a draw. */
  skip(k: number, draws: number): void {
    let s0 = this.s0[k]!;
    let s1 = this.s1[k]!;
    let s2 = this.s2[k]!;
    let c = this.c[k]!;
    for (let i = 0; i < draws; i++) {
      // Alea's step.
      const t = 2091639 * s0 + c * TWO_POW_MINUS_32;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
    }
    this.s0[k] = s0;
    this.s1[k] = s1;
    this.s2[k] = s2;
    this.c[k] = c;
  }

  /** One uniform on [0, 1) from the current stream. */
  private next(): number {
    this.skip(this.current, 1);
    return this.s2[this.current]!;
  }
}
