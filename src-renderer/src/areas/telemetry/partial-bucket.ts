/** The length of each rollup grain a series can come in. */
export const grainLength: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export interface ChartPoint {
  x: number;
  /** The value of a complete bucket (null on the partial one). */
  y: number | null;
  /** The partial bucket and the point before it, drawn apart (dashed) so the unfinished bucket never reads as a drop. */
  partial: number | null;
}

/**
 * A series whose last bucket is still filling (it starts less than one grain before `now`):
 * that bucket is split off as partial, joined to the point before it; `partialFrom` is where
 * it starts and `elapsed` how much of it has passed.
 */
export function splitPartial(points: ReadonlyArray<{ x: number; y: number }>, grain: string, now: number): { data: ChartPoint[]; partialFrom?: number; elapsed?: number } {
  const size = grainLength[grain];
  const last = points.at(-1);
  if (!size || !last || last.x + size <= now) return { data: points.map((p) => ({ x: p.x, y: p.y, partial: null })) };
  const data = points.map((p, i): ChartPoint => {
    if (i === points.length - 1) return { x: p.x, y: null, partial: p.y };
    return { x: p.x, y: p.y, partial: i === points.length - 2 ? p.y : null };
  });
  return { data, partialFrom: last.x, elapsed: Math.max(0, now - last.x) };
}
