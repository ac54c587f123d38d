import type { WorkflowDiff } from '../../../../shared/contract/ai-workflow';

type Doc = Record<string, unknown>;
type Node = Record<string, unknown>;
type Edge = { from: string; fromPort?: string; to: string };

const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function nodesOf(doc: Doc): Map<string, Node> {
  const nodes = Array.isArray(doc.nodes) ? doc.nodes.filter(isObject) : [];
  return new Map(nodes.filter((n) => typeof n.id === 'string').map((n) => [n.id as string, n]));
}

function edgesOf(doc: Doc): Edge[] {
  const edges = Array.isArray(doc.edges) ? doc.edges.filter(isObject) : [];
  return edges.map((e) => ({ from: String(e.from), ...(typeof e.fromPort === 'string' ? { fromPort: e.fromPort } : {}), to: String(e.to) }));
}

const edgeKey = (e: Edge) => `${e.from}\u0000${e.fromPort ?? ''}\u0000${e.to}`;

/** Params whose value differs, by key: set, changed or removed (a missing side is null). */
function paramChanges(before: unknown, after: unknown): WorkflowDiff['changed'][number]['params'] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => !same(b[k], a[k])).map((key) => ({ key, before: b[key] ?? null, after: a[key] ?? null }));
}

/** Node fields other than params and position that differ (type, name, class, retry, timeout, approval). */
function otherChanges(before: Node, after: Node): string[] {
  return ['type', 'name', 'class', 'retry', 'timeout', 'approval'].filter((k) => !same(before[k], after[k]));
}

/** What a change does to a workflow: steps added, removed and changed (params by key), edges, trigger and name. */
export function workflowDiff(before: Doc, after: Doc): WorkflowDiff {
  const was = nodesOf(before);
  const now = nodesOf(after);
  const brief = (n: Node) => ({ id: String(n.id), type: String(n.type) });
  const changed: WorkflowDiff['changed'] = [];
  for (const [id, n] of now) {
    const old = was.get(id);
    if (!old) continue;
    const params = paramChanges(old.params, n.params);
    const fields = otherChanges(old, n);
    if (params.length > 0 || fields.length > 0) changed.push({ ...brief(n), fields, params });
  }
  const oldEdges = edgesOf(before);
  const newEdges = edgesOf(after);
  const oldKeys = new Set(oldEdges.map(edgeKey));
  const newKeys = new Set(newEdges.map(edgeKey));
  return {
    name: same(before.name, after.name) ? null : { before: String(before.name ?? ''), after: String(after.name ?? '') },
    trigger: same(before.trigger, after.trigger) ? null : { before: before.trigger ?? null, after: after.trigger ?? null },
    added: [...now.values()].filter((n) => !was.has(String(n.id))).map(brief),
    removed: [...was.values()].filter((n) => !now.has(String(n.id))).map(brief),
    changed,
    edgesAdded: newEdges.filter((e) => !oldKeys.has(edgeKey(e))),
    edgesRemoved: oldEdges.filter((e) => !newKeys.has(edgeKey(e))),
  };
}
