import dagre from '@dagrejs/dagre';
import { edgesOf, moveNodes, nodesOf, type Doc } from './doc-ops';

/** A step as drawn (canvas.css .fc-node): its width and its usual height. */
export const NODE_W = 220;
export const NODE_H = 76;

/** Left-to-right layered layout (dagre); only positions change. */
export function autoLayout(doc: Doc): Doc {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set<string>();
  for (const n of nodesOf(doc)) {
    if (typeof n.id !== 'string' || ids.has(n.id)) continue;
    ids.add(n.id);
    g.setNode(n.id, { width: NODE_W, height: NODE_H });
  }
  for (const e of edgesOf(doc)) {
    const edge = e as { from?: unknown; to?: unknown };
    if (typeof edge.from === 'string' && typeof edge.to === 'string' && ids.has(edge.from) && ids.has(edge.to)) g.setEdge(edge.from, edge.to);
  }
  dagre.layout(g);
  const moves: Record<string, { x: number; y: number }> = {};
  for (const id of ids) {
    const p = g.node(id) as { x: number; y: number } | undefined;
    // dagre gives centres, the canvas wants top-left corners
    if (p) moves[id] = { x: Math.round(p.x - NODE_W / 2), y: Math.round(p.y - NODE_H / 2) };
  }
  return moveNodes(doc, moves);
}
