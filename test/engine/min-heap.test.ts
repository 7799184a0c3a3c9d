import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../src/engine/min-heap.ts';

describe('MinHeap', () => {
  it('pops in order under any mix of pushes and pops; no child in its tree comes before its parent', () => {
    const op = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant('pop' as const));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const heap = new MinHeap<number>((a, b) => a < b);
        const model: number[] = [];
        for (const o of ops) {
          if (o === 'pop') {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(o);
            model.push(o);
          }
          expect(heap.size).toBe(model.length);
          for (let i = 1; i < heap.size; i++) {
            expect(heap.at(i)!).toBeGreaterThanOrEqual(heap.at((i - 1) >> 1)!);
          }
        }
        expect(heap.peek()).toBe(Math.min(...model) === Infinity ? undefined : Math.min(...model));
      }),
    );
  });
});
