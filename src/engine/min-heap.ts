/**
 * A binary min-heap over an array, for the jobs of a processor-sharing server. Unlike
 * fastpriorityqueue it exposes its implicit tree read-only (`at`: item i's children are items
 * 2i + 1 and 2i + 2, none of them before it), so a caller can find every item near the top by a
 * search that stops at the first item out of range on each branch, without popping.
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  /** `before(a, b)` is true when a must come out before b (a strict order). */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** The item at position i of the tree (0 is the least); undefined past the end. */
  at(i: number): T | undefined {
    return this.items[i];
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent]!;
      if (!this.before(item, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    // Sift the last item down from the root.
    const n = items.length;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.before(items[child + 1]!, items[child]!)) child++;
      const below = items[child]!;
      if (!this.before(below, last)) break;
      items[i] = below;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
