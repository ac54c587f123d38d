/**
 * Fitting the graph into the canvas around the corner the minimap and the zoom buttons take
 * (bottom right), so that neither ever sits on a step: the graph is fitted either into the
 * part of the canvas left of that corner or into the part above it, whichever shows it bigger.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitOptions {
  /** Space kept between the graph and the region's edges, in screen pixels. */
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** The pane's free regions: left of the corner and above it (the whole pane when there is no corner). */
export function freeRegions(pane: { width: number; height: number }, corner: Box | undefined): Box[] {
  if (!corner || corner.width <= 0 || corner.height <= 0) return [{ x: 0, y: 0, width: pane.width, height: pane.height }];
  return [
    { x: 0, y: 0, width: pane.width, height: Math.max(0, corner.y) },
    { x: 0, y: 0, width: Math.max(0, corner.x), height: pane.height },
  ];
}

function fitInto(bounds: Box, region: Box, o: FitOptions): Viewport {
  const w = Math.max(1, bounds.width);
  const h = Math.max(1, bounds.height);
  const fit = Math.min((region.width - 2 * o.padding) / w, (region.height - 2 * o.padding) / h);
  const zoom = Math.min(o.maxZoom, Math.max(o.minZoom, fit));
  return { x: region.x + (region.width - w * zoom) / 2 - bounds.x * zoom, y: region.y + (region.height - h * zoom) / 2 - bounds.y * zoom, zoom };
}

/** The viewport that shows all of `bounds` (flow coordinates) as big as it can, clear of the corner. */
export function fitAroundCorner(bounds: Box, pane: { width: number; height: number }, corner: Box | undefined, o: FitOptions): Viewport {
  let best: Viewport | undefined;
  for (const region of freeRegions(pane, corner)) {
    const v = fitInto(bounds, region, o);
    if (!best || v.zoom > best.zoom + 1e-9) best = v;
  }
  return best as Viewport;
}

/** Whether a box (flow coordinates) shows whole on the pane, clear of the corner. */
export function isClear(box: Box, view: Viewport, pane: { width: number; height: number }, corner: Box | undefined): boolean {
  const s = toScreen(box, view);
  const inside = s.x >= 0 && s.y >= 0 && s.x + s.width <= pane.width && s.y + s.height <= pane.height;
  return inside && !(corner && overlaps(s, corner));
}

/**
 * The viewport (same zoom) that brings a box into the middle of the biggest free region, or
 * undefined when it already shows clear of the corner.
 */
export function revealBox(box: Box, view: Viewport, pane: { width: number; height: number }, corner: Box | undefined): Viewport | undefined {
  if (isClear(box, view, pane, corner)) return undefined;
  const regions = freeRegions(pane, corner);
  const region = regions.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return { x: region.x + region.width / 2 - cx * view.zoom, y: region.y + region.height / 2 - cy * view.zoom, zoom: view.zoom };
}

export function toScreen(box: Box, view: Viewport): Box {
  return { x: box.x * view.zoom + view.x, y: box.y * view.zoom + view.y, width: box.width * view.zoom, height: box.height * view.zoom };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The smallest box holding every box; undefined for none. */
export function union(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}
