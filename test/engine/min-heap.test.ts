import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../src/engine/min-heap.ts';

interface Item {
  readonly key: number;
  readonly id: number;
}
const tieBefore = (a: Item, b: Item): boolean => a.id < b.id;
const byKeyThenId = (a: Item, b: Item): number => a.key - b.key || a.id - b.id;

describe('MinHeap', () => {
  it('pops in (key, tie order) under any mix of pushes, pops and filters; no child before its parent', () => {
    const op = fc.oneof(
      fc.integer({ min: 0, max: 20 }),
      fc.constant('pop' as const),
      fc.constant('filter' as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new MinHeap<Item>(tieBefore);
        let model: Item[] = [];
        let id = 0;
        for (const o of ops) {
          if (o === 'pop') {
            model.sort(byKeyThenId);
            expect(heap.pop()).toBe(model.shift());
          } else if (o === 'filter') {
            // Keeps odd ids: what a sweep of cancelled entries does to a queue.
            heap.filter((item) => item.id % 2 === 1);
            model = model.filter((item) => item.id % 2 === 1);
          } else {
            const item = { key: o, id: id++ };
            heap.push(item, item.key);
            model.push(item);
          }
          expect(heap.size).toBe(model.length);
          for (let i = 1; i < heap.size; i++) {
            const parent = heap.at((i - 1) >> 1)!;
            expect(byKeyThenId(heap.at(i)!, parent)).toBeGreaterThan(0);
          }
          expect(heap.at(heap.size)).toBeUndefined();
        }
        model.sort(byKeyThenId);
        expect(heap.peek()).toBe(model[0]);
      }),
    );
  });
});
