import { describe, expect, it } from 'vitest';
import { freeSpot } from './free-spot';
import { NODE_H, NODE_W } from './layout';

const step = (id: string, x: number, y: number) => ({ id, type: 'log', params: {}, position: { x, y } });
const doc = (...nodes: unknown[]) => ({ name: 'w', trigger: { type: 'manual' }, nodes, edges: [] });
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NODE_W && Math.abs(a.y - b.y) < NODE_H;

describe('freeSpot: where a step added from the palette without a drop point goes', () => {
  it('is undefined on an empty canvas (the view\u2019s middle is used)', () => {
    expect(freeSpot(doc(), [])).toBeUndefined();
  });

  it('goes right of the last step, or of the selection', () => {
    const d = doc(step('a', 0, 0), step('b', 0, 300));
    expect(freeSpot(d, [])).toEqual({ x: NODE_W + 60, y: 300 });
    expect(freeSpot(d, ['a'])).toEqual({ x: NODE_W + 60, y: 0 });
  });

  it('never lands on another step: repeated adds line up below each other', () => {
    let d = doc(step('a', 0, 0));
    const spots: { x: number; y: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const at = freeSpot(d, ['a'])!;
      for (const n of d.nodes as { position: { x: number; y: number } }[]) expect(overlaps(at, n.position)).toBe(false);
      spots.push(at);
      d = doc(...d.nodes, step(`s${i}`, at.x, at.y));
    }
    expect(new Set(spots.map((s) => `${s.x},${s.y}`)).size).toBe(5);
  });

  it('counts steps with no position where the canvas draws them', () => {
    const d = doc({ id: 'a', type: 'log', params: {} }, { id: 'b', type: 'log', params: {} });
    const at = freeSpot(d, ['a'])!;
    expect(overlaps(at, { x: 520, y: 0 })).toBe(false); // b sits at the second grid place
  });
});
