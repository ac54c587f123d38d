import { describe, expect, it } from 'vitest';
import { fitAroundCorner, isClear, overlaps, revealBox, toScreen, union, type Box } from './view-fit';

const pane = { width: 800, height: 500 };
const corner: Box = { x: 580, y: 300, width: 220, height: 200 };
const options = { padding: 24, minZoom: 0.05, maxZoom: 1 };

describe('fitting the graph clear of the minimap corner', () => {
  it('shows every node and none under the corner, beside or above it, whichever is bigger', () => {
    const nodes: Box[] = [
      { x: 0, y: 0, width: 220, height: 76 },
      { x: 900, y: 0, width: 220, height: 76 },
      { x: 900, y: 600, width: 220, height: 76 }, // bottom right: where a plain fit puts the minimap
      { x: 0, y: 600, width: 220, height: 76 },
    ];
    const view = fitAroundCorner(union(nodes)!, pane, corner, options);
    for (const n of nodes) expect(isClear(n, view, pane, corner)).toBe(true);
    // a wide graph goes above the corner: the whole width is worth more than the height lost
    const wide = union([{ x: 0, y: 0, width: 3000, height: 76 }])!;
    const w = fitAroundCorner(wide, pane, corner, options);
    expect(toScreen(wide, w).y + toScreen(wide, w).height).toBeLessThanOrEqual(corner.y);
    // a tall one goes left of it
    const tall = union([{ x: 0, y: 0, width: 220, height: 3000 }])!;
    const t = fitAroundCorner(tall, pane, corner, options);
    expect(toScreen(tall, t).x + toScreen(tall, t).width).toBeLessThanOrEqual(corner.x);
  });

  it('never zooms past the maximum, and fills the pane when there is no corner', () => {
    const small = { x: 0, y: 0, width: 220, height: 76 };
    expect(fitAroundCorner(small, pane, corner, options).zoom).toBe(1);
    const big = { x: 0, y: 0, width: 1600, height: 1000 };
    expect(fitAroundCorner(big, pane, undefined, options).zoom).toBeCloseTo((500 - 48) / 1000);
  });

  it('reveals a node under the corner or off the pane, and leaves a clear one alone', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    const clear = { x: 100, y: 100, width: 220, height: 76 };
    expect(revealBox(clear, view, pane, corner)).toBeUndefined();
    const hidden = { x: 600, y: 350, width: 220, height: 76 };
    const moved = revealBox(hidden, view, pane, corner)!;
    expect(isClear(hidden, moved, pane, corner)).toBe(true);
    const away = { x: 4000, y: -900, width: 220, height: 76 };
    expect(isClear(away, revealBox(away, view, pane, corner)!, pane, corner)).toBe(true);
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
  });
});
