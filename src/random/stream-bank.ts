/**
 * Many streams of one purpose held in typed arrays: stream k of a bank gives exactly the draws of
 * `new RandomStreams(seed).get(purpose, ...indicesOf(k))`, for a fraction of the memory (32 bytes
 * a stream instead of a generator object, a closure and a map key). A city-scale channel has a
 * fading stream per user-server pair — a million at 10,000 × 100 — and redraws every pair each
 * block, so the generator's state must sit in flat arrays.
 *
 * The generator is seedrandom's Alea (the one `RandomStream` uses), re-expressed on arrays: the
 * seeding (Baagøe's Mash hash of the key string) and the step are the library's, line for line;
 * test/random/stream-bank.test.ts checks the draws against the library's.
 */
import { RandomStream } from './streams.ts';
import type { StreamPurpose } from './purposes.ts';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Mash's state after hashing `data`, from state `n`; `out[0]` receives the hash in [0, 1). */
function mash(n: number, data: string, out: Float64Array): number {
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
  out[0] = (n >>> 0) * TWO_POW_MINUS_32;
  return n;
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

  /** `count` streams; stream k is the stream of `purpose` with the entity indices `indicesOf(k)`. */
  constructor(masterSeed: number, purpose: StreamPurpose, count: number, indicesOf: (k: number) => readonly number[]) {
    this.s0 = new Float64Array(count);
    this.s1 = new Float64Array(count);
    this.s2 = new Float64Array(count);
    this.c = new Float64Array(count);
    const hash = new Float64Array(1);
    for (let k = 0; k < count; k++) this.seed(k, `${masterSeed}|${purpose}|${indicesOf(k).join(',')}`, hash);
    this.cursor = new RandomStream(() => this.next());
  }

  /** Points `cursor` at stream k; returns the cursor. */
  at(k: number): RandomStream {
    this.current = k;
    return this.cursor;
  }

  /** Alea's seeding: three hashes of ' ' minus three successive hashes of the key. */
  private seed(k: number, key: string, hash: Float64Array): void {
    let n = 0xefc8249d;
    n = mash(n, ' ', hash);
    let s0 = hash[0]!;
    n = mash(n, ' ', hash);
    let s1 = hash[0]!;
    n = mash(n, ' ', hash);
    let s2 = hash[0]!;
    n = mash(n, key, hash);
    s0 -= hash[0]!;
    if (s0 < 0) s0 += 1;
    n = mash(n, key, hash);
    s1 -= hash[0]!;
    if (s1 < 0) s1 += 1;
    mash(n, key, hash);
    s2 -= hash[0]!;
    if (s2 < 0) s2 += 1;
    this.s0[k] = s0;
    this.s1[k] = s1;
    this.s2[k] = s2;
    this.c[k] = 1;
  }

  /** Alea's step on the current stream: uniform on [0, 1). */
  private next(): number {
    const k = this.current;
    const t = 2091639 * this.s0[k]! + this.c[k]! * TWO_POW_MINUS_32;
    this.s0[k] = this.s1[k]!;
    this.s1[k] = this.s2[k]!;
    const c = t | 0;
    this.c[k] = c;
    return (this.s2[k] = t - c);
  }
}
