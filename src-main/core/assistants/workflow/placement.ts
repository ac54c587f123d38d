type Doc = Record<string, unknown>;
type Node = Record<string, unknown>;

/** Node fields the answer cannot carry: kept from the current workflow's step of the same id and type. */
const keptFields = ['class', 'retry', 'timeout', 'approval', 'position'] as const;

const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);
const COLUMN = 280;
const ROW = 120;

/** Each node's column: the longest path of edges leading to it (a cycle stops counting). */
function columns(nodes: Node[], edges: Doc[]): Map<string, number> {
  const col = new Map<string, number>(nodes.map((n) => [String(n.id), 0]));
  for (let pass = 0; pass < nodes.length; pass++) {
    let moved = false;
    for (const e of edges) {
      const from = col.get(String(e.from));
      const to = col.get(String(e.to));
      if (from !== undefined && to !== undefined && to < from + 1 && from + 1 < nodes.length) {
        col.set(String(e.to), from + 1);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return col;
}

/**
 * The generated document made ready for the editor: a step that was already in the current
 * workflow (same id and type) keeps what the answer cannot say (class, retry, timeout, approval,
 * position), the workflow keeps its concurrency, and a step with no position gets one, left to
 * right by its place in the graph.
 */
export function placeNodes(document: Doc, current?: Doc): Doc {
  const before = new Map((Array.isArray(current?.nodes) ? current.nodes.filter(isObject) : []).map((n) => [String(n.id), n]));
  const nodes = (document.nodes as Node[]).map((n) => {
    const old = before.get(String(n.id));
    if (!old || old.type !== n.type) return n;
    return { ...n, ...Object.fromEntries(keptFields.filter((k) => old[k] !== undefined).map((k) => [k, old[k]])) };
  });
  const col = columns(nodes, (document.edges as Doc[]) ?? []);
  const rows = new Map<number, number>();
  const placed = nodes.map((n) => {
    if (isObject(n.position)) return n;
    const c = col.get(String(n.id)) ?? 0;
    const r = rows.get(c) ?? 0;
    rows.set(c, r + 1);
    return { ...n, position: { x: c * COLUMN, y: r * ROW } };
  });
  return { ...document, ...(current?.concurrency !== undefined ? { concurrency: current.concurrency } : {}), nodes: placed };
}
