import { nodeIdPattern } from '../../../../../shared/workflow';
import type { StepTypeInfo } from '../../../../../shared/contract/workflows';

/**
 * Pure edits of a workflow document as the editor holds it: a plain JSON object that may be
 * invalid (a draft). Every function returns a new document and leaves unknown keys alone.
 */

export type Doc = Record<string, unknown>;
export type RawNode = Record<string, unknown>;
export interface DocEdge {
  from: string;
  fromPort?: string;
  to: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function nodesOf(doc: Doc): RawNode[] {
  return Array.isArray(doc.nodes) ? (doc.nodes as unknown[]).map((n) => (isObject(n) ? n : {})) : [];
}

export function edgesOf(doc: Doc): unknown[] {
  return Array.isArray(doc.edges) ? (doc.edges as unknown[]) : [];
}

const idOf = (n: RawNode) => (typeof n.id === 'string' ? n.id : '');

export function newDocument(): Doc {
  return { name: 'Untitled workflow', trigger: { type: 'manual' }, nodes: [], edges: [] };
}

/** A fresh node id from the step type: `transform`, `transform_2`, … */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z_]+/, '') || 'step';
  const short = stem.slice(0, 56);
  if (!taken.has(short)) return short;
  for (let i = 2; ; i++) {
    const id = `${short}_${i}`;
    if (!taken.has(id)) return id;
  }
}

export function idSet(doc: Doc): Set<string> {
  return new Set(nodesOf(doc).map(idOf));
}

export function addNode(doc: Doc, type: StepTypeInfo, position: { x: number; y: number }): { doc: Doc; id: string } {
  const id = freshId(type.type.split('.').at(-1) ?? type.type, idSet(doc));
  const node: RawNode = { id, type: type.type, params: structuredClone(type.defaults), position };
  return { doc: { ...doc, nodes: [...nodesOf(doc), node] }, id };
}

export function removeElements(doc: Doc, nodeIds: ReadonlySet<string>, edgeKeys: ReadonlySet<string>): Doc {
  const nodes = nodesOf(doc).filter((n) => !nodeIds.has(idOf(n)));
  const edges = edgesOf(doc).filter((e) => {
    if (!isObject(e)) return true;
    if (nodeIds.has(String(e.from)) || nodeIds.has(String(e.to))) return false;
    return !edgeKeys.has(edgeKeyOf(e));
  });
  return { ...doc, nodes, edges };
}

export function edgeKeyOf(e: Record<string, unknown>): string {
  return `${String(e.from)}>${typeof e.fromPort === 'string' ? e.fromPort : ''}>${String(e.to)}`;
}

/** Adds an edge; the port is written only when the source has more than one. Duplicates are ignored. */
export function connect(doc: Doc, edge: { from: string; fromPort: string; to: string }, portsOf: (id: string) => readonly string[]): Doc {
  const ports = portsOf(edge.from);
  const e: DocEdge = ports.length > 1 || !ports.includes(edge.fromPort) ? { from: edge.from, fromPort: edge.fromPort, to: edge.to } : { from: edge.from, to: edge.to };
  const key = edgeKeyOf(e as unknown as Record<string, unknown>);
  const edges = edgesOf(doc);
  if (edges.some((x) => isObject(x) && edgeKeyOf(x) === key)) return doc;
  return { ...doc, edges: [...edges, e] };
}

export function moveNodes(doc: Doc, moves: Record<string, { x: number; y: number }>): Doc {
  return { ...doc, nodes: nodesOf(doc).map((n) => (moves[idOf(n)] ? { ...n, position: moves[idOf(n)] } : n)) };
}

export function updateNode(doc: Doc, index: number, patch: (n: RawNode) => RawNode): Doc {
  const nodes = nodesOf(doc);
  const node = nodes[index];
  if (!node) return doc;
  const next = [...nodes];
  next[index] = patch(node);
  return { ...doc, nodes: next };
}

/** Why a new id cannot be used, or undefined when it can. */
export function idProblem(doc: Doc, index: number, id: string): string | undefined {
  if (!nodeIdPattern.test(id)) return 'must start with a letter or _ and use only letters, digits, _ and - (at most 64)';
  if (nodesOf(doc).some((n, i) => i !== index && idOf(n) === id)) return `“${id}” is already used by another step`;
  return undefined;
}

/** Renames a node and every edge that points at it. */
export function renameNode(doc: Doc, index: number, id: string): Doc {
  const old = idOf(nodesOf(doc)[index] ?? {});
  const next = updateNode(doc, index, (n) => ({ ...n, id }));
  return {
    ...next,
    edges: edgesOf(next).map((e) => (isObject(e) ? { ...e, ...(e.from === old ? { from: id } : {}), ...(e.to === old ? { to: id } : {}) } : e)),
  };
}

export interface Clip {
  nodes: RawNode[];
  edges: DocEdge[];
}

/** The selected nodes and the edges between them. */
export function copy(doc: Doc, ids: ReadonlySet<string>): Clip | undefined {
  const nodes = nodesOf(doc).filter((n) => ids.has(idOf(n)));
  if (nodes.length === 0) return undefined;
  const edges = edgesOf(doc).filter((e): e is Record<string, unknown> => isObject(e) && ids.has(String(e.from)) && ids.has(String(e.to))) as unknown as DocEdge[];
  return structuredClone({ nodes, edges });
}

/** Pastes with fresh ids (edges follow), offset so the copy does not hide the original. */
export function paste(doc: Doc, clip: Clip, offset: { x: number; y: number }): { doc: Doc; ids: string[] } {
  const taken = idSet(doc);
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = freshId(idOf(n) || 'step', taken);
    taken.add(id);
    rename.set(idOf(n), id);
    const p = isObject(n.position) && typeof n.position.x === 'number' && typeof n.position.y === 'number' ? n.position : { x: 0, y: 0 };
    return { ...structuredClone(n), id, position: { x: (p.x as number) + offset.x, y: (p.y as number) + offset.y } };
  });
  const edges = clip.edges.map((e) => ({ ...e, from: rename.get(e.from) ?? e.from, to: rename.get(e.to) ?? e.to }));
  return { doc: { ...doc, nodes: [...nodesOf(doc), ...nodes], edges: [...edgesOf(doc), ...edges] }, ids: nodes.map(idOf) };
}
