/**
 * A binary min-heap of items by a numeric key, ties broken by a strict order on the items: the
 * event queue's heap (key: time) and a processor-sharing server's (key: finish tag).
 *
 * Why not fastpriorityqueue (which the bench's raw loop uses): the keys live in a parallel
 * Float64Array, so the comparison that decides almost every sift step reads a contiguous double
 * instead of a field of an object elsewhere in memory, and the heap never reads an item's fields
 * unless two keys tie — so one heap class serves items of any shape without the polymorphic
 * comparator calls that slow a shared fastpriorityqueue. `mecsim bench` measures it against the
 * raw fastpriorityqueue loop. It also exposes its implicit tree read-only (`at`: item i's children
 * are items 2i + 1 and 2i + 2, none of them before it), so a caller can find every item near the
 * top by a search that stops at the first item out of range on each branch, without popping.
 */
export class MinHeap<T> {
  private items: T[] = [];
  /** keys[i] is the key of items[i]. */
  private keys = new Float64Array(64);
  private count = 0;

  /** `tieBefore(a, b)` is true when a must come out before b among items of equal key (a strict
   *  order). */
  constructor(private readonly tieBefore: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.count;
  }

  /** The item at position i of the tree (0 is the least); undefined past the end. */
  at(i: number): T | undefined {
    return i < this.count ? this.items[i] : undefined;
  }

  peek(): T | undefined {
    return this.count > 0 ? this.items[0] : undefined;
  }

  push(item: T, key: number): void {
    if (this.count === this.keys.length) {
      const keys = new Float64Array(2 * this.keys.length);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.siftUp(this.count++, item, key);
  }

  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const { items, keys } = this;
    const top = items[0];
    const n = --this.count;
    const last = items[n]!;
    // The slot stays allocated (shrinking the array on every pop is measurably slower); clearing
    // it would not free much, as the slot is reused by the next push.
    if (n > 0) {
      // Floyd's pop: move the hole at the root down along the lesser children to a leaf (one
      // comparison a level), then sift the last item up from there; it rarely rises far, so this
      // takes about half the comparisons of sifting it down from the root.
      let i = 0;
      for (let child = 1; child < n; child = 2 * i + 1) {
        const right = child + 1;
        if (right < n) {
          const kr = keys[right]!;
          const kc = keys[child]!;
          if (kr < kc || (kr === kc && this.tieBefore(items[right]!, items[child]!))) child = right;
        }
        items[i] = items[child]!;
        keys[i] = keys[child]!;
        i = child;
      }
      this.siftUp(i, last, keys[n]!);
    }
    return top;
  }

  /** Keeps only the items `keep` accepts (O(n log n)). */
  filter(keep: (item: T) => boolean): void {
    const items = this.items.slice(0, this.count);
    const keys = this.keys.slice(0, this.count);
    this.items = [];
    this.count = 0;
    for (let i = 0; i < items.length; i++)
      if (keep(items[i]!)) this.siftUp(this.count++, items[i]!, keys[i]!);
  }

  /** Places `item` at hole i and moves it up to its place. */
  private siftUp(i: number, item: T, key: number): void {
    const { items, keys } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const kp = keys[parent]!;
      if (key > kp || (key === kp && !this.tieBefore(item, items[parent]!))) break;
      items[i] = items[parent]!;
      keys[i] = kp;
      i = parent;
    }
    items[i] = item;
    keys[i] = key;
  }
}
