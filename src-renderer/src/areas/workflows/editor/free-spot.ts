import { nodePosition } from '../canvas/flow-model';
import { nodesOf, type Doc } from './doc-ops';
import { NODE_H, NODE_W } from './layout';

/** Room kept around a step: a step with problems listed on it is taller than NODE_H. */
const GAP_X = 60;
const TALL = NODE_H + 44;
const GAP_Y = 24;

/**
 * Where a step added without a drop point (Enter or a double-click in the palette) goes: right
 * of the selected steps (or of the last step), moved down until it covers no other step.
 * Undefined on an empty canvas (the caller uses the middle of the view).
 */
export function freeSpot(doc: Doc, selected: readonly string[]): { x: number; y: number } | undefined {
  const placed = nodesOf(doc).map((n, i) => ({ id: typeof n.id === 'string' ? n.id : '', ...nodePosition(n, i) }));
  const last = placed.at(-1);
  if (!last) return undefined;
  const chosen = placed.filter((p) => selected.includes(p.id));
  const anchors = chosen.length > 0 ? chosen : [last];
  const x = Math.max(...anchors.map((p) => p.x)) + NODE_W + GAP_X;
  let y = Math.min(...anchors.map((p) => p.y));
  const covers = (p: { x: number; y: number }) => Math.abs(p.x - x) < NODE_W + GAP_X / 2 && Math.abs(p.y - y) < TALL + GAP_Y / 2;
  while (placed.some(covers)) y += TALL + GAP_Y;
  return { x, y };
}
