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
    const n = items.length;
    if (n === 0 || last === undefined) return top;
    // Floyd's pop: move the hole at the root down along the lesser children to a leaf (one
    // comparison a level), then sift the last item up from there; it rarely rises far, so this
    // takes about half the comparisons of sifting it down from the root.
    let i = 0;
    for (let child = 1; child < n; child = 2 * i + 1) {
      if (child + 1 < n && this.before(items[child + 1]!, items[child]!)) child++;
      items[i] = items[child]!;
      i = child;
    }
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent]!;
      if (!this.before(last, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = last;
    return top;
  }
}
