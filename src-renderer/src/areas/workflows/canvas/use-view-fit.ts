import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { FlowNode } from './flow-model';
import { fitAroundCorner, revealBox, union, type Box, type Viewport } from './view-fit';

/** A node React Flow has not measured yet (drawn off screen) counts as this big: never smaller than a step with problems. */
const FALLBACK = { width: 220, height: 130 };
const GAP = 8;
const options = { padding: 24, minZoom: 0.05, maxZoom: 1 };

/**
 * Fit and reveal for the canvas, clear of the bottom-right corner where the minimap and the
 * zoom buttons sit (measured from the page, so a hidden minimap frees its room). When the canvas
 * changes size (the window, the side panel) a view nobody has moved since it was fitted is
 * fitted again, so a smaller window does not slide steps under the minimap.
 */
export function useViewFit(canvas: RefObject<HTMLDivElement | null>, nodes: readonly FlowNode[]) {
  const flow = useReactFlow();

  const measure = useCallback(() => {
    const el = canvas.current?.querySelector('.react-flow');
    if (!el) return undefined;
    const p = el.getBoundingClientRect();
    const pane = { width: p.width, height: p.height };
    if (pane.width <= 0 || pane.height <= 0) return undefined;
    const taken: Box[] = [];
    for (const sel of ['.react-flow__minimap', '.react-flow__controls']) {
      const r = el.querySelector(sel)?.getBoundingClientRect();
      if (r && r.width > 0 && r.height > 0) taken.push({ x: r.left - p.left, y: r.top - p.top, width: r.width, height: r.height });
    }
    const u = union(taken);
    // the corner runs from the controls' top-left to the pane's bottom-right
    const corner = u ? { x: u.x - GAP, y: u.y - GAP, width: pane.width - u.x + GAP, height: pane.height - u.y + GAP } : undefined;
    return { pane, corner };
  }, [canvas]);

  const boxOf = useCallback((n: FlowNode): Box => ({ x: n.position.x, y: n.position.y, width: n.measured?.width ?? FALLBACK.width, height: n.measured?.height ?? FALLBACK.height }), []);

  const fitted = useRef<Viewport | undefined>(undefined);
  const fit = useCallback(
    (duration = 0) => {
      const m = measure();
      const bounds = union(nodes.map(boxOf));
      if (!m || !bounds) return;
      const next = fitAroundCorner(bounds, m.pane, m.corner, options);
      fitted.current = next;
      void flow.setViewport(next, duration ? { duration } : undefined);
    },
    [flow, measure, nodes, boxOf],
  );

  const latestFit = useRef(fit);
  latestFit.current = fit;
  useEffect(() => {
    const el = canvas.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => {
      const last = fitted.current;
      const now = flow.getViewport();
      if (last && Math.abs(last.x - now.x) < 1 && Math.abs(last.y - now.y) < 1 && Math.abs(last.zoom - now.zoom) < 1e-3) latestFit.current();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [canvas, flow]);

  const reveal = useCallback(
    (ids: readonly string[]) => {
      const m = measure();
      const wanted = new Set(ids);
      const box = union(nodes.filter((n) => wanted.has(n.id)).map(boxOf));
      if (!m || !box) return;
      const next = revealBox(box, flow.getViewport(), m.pane, m.corner);
      if (next) void flow.setViewport(next, { duration: 200 });
    },
    [flow, measure, nodes, boxOf],
  );

  return { fit, reveal };
}
