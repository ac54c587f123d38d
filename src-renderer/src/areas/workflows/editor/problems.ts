import type { WorkflowProblem } from '../../../../../shared/workflow';
import { TRIGGER_NODE_ID } from '../canvas/node-state';
import { rawNodes } from '../canvas/flow-model';

export interface MappedProblem extends WorkflowProblem {
  /** The node (or `__trigger__`) the problem belongs to, when its path names one. */
  nodeId: string | undefined;
  /** The path inside that node, e.g. `params.url`. */
  field: string | undefined;
}

const nodePath = /^nodes\[(\d+)\](?:\.(.+))?$/;
const edgePath = /^edges\[(\d+)\]/;

/** Maps each problem's JSON path (`nodes[2].params.url`, `trigger.expr`, `edges[0].to`) to its node. */
export function mapProblems(document: unknown, problems: readonly WorkflowProblem[]): MappedProblem[] {
  const nodes = rawNodes(document);
  const edges = document && typeof document === 'object' && Array.isArray((document as { edges?: unknown }).edges) ? ((document as { edges: unknown[] }).edges) : [];
  return problems.map((p) => {
    const m = nodePath.exec(p.path);
    if (m) {
      const node = nodes[Number(m[1])];
      return { ...p, nodeId: node?.id, field: m[2] };
    }
    if (p.path === 'trigger' || p.path.startsWith('trigger.') || p.path.startsWith('trigger[')) return { ...p, nodeId: TRIGGER_NODE_ID, field: p.path.slice('trigger.'.length) || undefined };
    const e = edgePath.exec(p.path);
    if (e) {
      const edge = edges[Number(e[1])] as { from?: unknown } | undefined;
      const from = typeof edge?.from === 'string' ? nodes.find((n) => n.id === edge.from)?.id : undefined;
      return { ...p, nodeId: from, field: undefined };
    }
    return { ...p, nodeId: undefined, field: undefined };
  });
}

/** Messages per node id, for the canvas badges. */
export function problemsByNode(mapped: readonly MappedProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of mapped) {
    if (!p.nodeId) continue;
    (out[p.nodeId] ??= []).push(p.field ? `${p.field}: ${p.message}` : p.message);
  }
  return out;
}

/** Messages per field of one node (`params.url` → […]), for the side panel's form. */
export function problemsByField(mapped: readonly MappedProblem[], nodeId: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of mapped) {
    if (p.nodeId !== nodeId) continue;
    (out[p.field ?? ''] ??= []).push(p.message);
  }
  return out;
}
