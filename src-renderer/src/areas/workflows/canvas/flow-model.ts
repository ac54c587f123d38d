import type { Edge, Node } from '@xyflow/react';
import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import { classRank, type StepClass } from '../../../../../shared/workflow';
import { floorClassOf, stepClassOf } from '../../../../../shared/step-class';
import { classWhenSentOf } from '../../../../../shared/sent-output';
import { eventTriggerType } from '../../../../../shared/triggers';
import { TRIGGER_NODE_ID, type NodeRunState } from './node-state';
import { approvalNote, type ApprovalNote } from './approval-note';

/**
 * Document → React Flow. The document may be invalid (a draft, an imported file): every node
 * it lists is drawn, unknown step types included, so nothing is dropped or silently fixed.
 * Node objects are cached per document node so an edit to one node re-renders only that one.
 */

export interface StepNodeData extends Record<string, unknown> {
  nodeId: string;
  index: number;
  title: string;
  type: string;
  typeTitle: string | undefined;
  stepClass: StepClass | undefined;
  raisedClass: boolean;
  ports: string[];
  badPorts: string[];
  problems: readonly string[];
  state: NodeRunState | undefined;
  readOnly: boolean;
  /** The editor's word on what pre-launch makes a Class B step do (approval-note.ts). */
  approvalNote: ApprovalNote | undefined;
}

export interface TriggerNodeData extends Record<string, unknown> {
  triggerType: string;
  summary: string;
  problems: readonly string[];
  state: NodeRunState | undefined;
}

export type StepFlowNode = Node<StepNodeData, 'step'>;
export type TriggerFlowNode = Node<TriggerNodeData, 'trigger'>;
export type FlowNode = StepFlowNode | TriggerFlowNode;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const noProblems: readonly string[] = Object.freeze([]);

export interface RawNode {
  id: string;
  index: number;
  raw: Raw;
}

/** The document's nodes as drawn: a node without a usable id gets `#<index>`. */
export function rawNodes(document: unknown): RawNode[] {
  const list = isObject(document) && Array.isArray(document.nodes) ? document.nodes : [];
  return list.map((n, index) => {
    const raw = isObject(n) ? n : {};
    const id = typeof raw.id === 'string' && raw.id ? raw.id : `#${index}`;
    return { id, index, raw };
  });
}

export interface RawEdge {
  id: string;
  from: string;
  to: string;
  fromPort: string | undefined;
}

export function rawEdges(document: unknown): RawEdge[] {
  const list = isObject(document) && Array.isArray(document.edges) ? document.edges : [];
  const seen = new Map<string, number>();
  const out: RawEdge[] = [];
  for (const e of list) {
    if (!isObject(e) || typeof e.from !== 'string' || typeof e.to !== 'string') continue;
    const fromPort = typeof e.fromPort === 'string' && e.fromPort ? e.fromPort : undefined;
    const base = edgeKey(e.from, fromPort, e.to);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({ id: n === 0 ? base : `${base}#${n}`, from: e.from, to: e.to, fromPort });
  }
  return out;
}

export function edgeKey(from: string, fromPort: string | undefined, to: string): string {
  return `${from}>${fromPort ?? ''}>${to}`;
}

/** The port an edge leaves from: its own, or the source's only port. */
export function sourcePort(fromPort: string | undefined, ports: readonly string[]): string {
  return fromPort ?? (ports.length === 1 ? (ports[0] as string) : 'out');
}

export function triggerSummary(trigger: unknown): { type: string; summary: string } {
  if (!isObject(trigger)) return { type: 'missing', summary: 'No trigger' };
  const type = typeof trigger.type === 'string' ? trigger.type : 'unknown';
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (type) {
    case 'manual':
      return { type, summary: 'Run by hand' };
    case 'cron':
      return { type, summary: `${str(trigger.expr) || '(no expression)'} · ${str(trigger.timezone) || 'UTC'}` };
    case 'event':
      return { type, summary: str(trigger.event) || '(no event)' };
    case 'webhook':
      return { type, summary: `/hooks/${str(trigger.path) || '…'}` };
    default: {
      const named = eventTriggerType(type);
      return { type, summary: named ? named.title : `Unknown trigger type "${type}"` };
    }
  }
}

const GRID_X = 260;
const GRID_Y = 120;

/** Where a node is drawn: its own position, or a place on a grid by its index when it has none. */
export function nodePosition(raw: Raw, index: number): { x: number; y: number } {
  return isObject(raw.position) && typeof raw.position.x === 'number' && typeof raw.position.y === 'number'
    ? { x: raw.position.x, y: raw.position.y }
    : { x: GRID_X * (1 + (index % 6)), y: GRID_Y * Math.floor(index / 6) };
}

export interface DeriveInput {
  document: unknown;
  types: ReadonlyMap<string, StepTypeInfo>;
  problemsByNode: Record<string, string[]> | undefined;
  nodeStatus: Record<string, NodeRunState> | undefined;
  selected: ReadonlySet<string>;
  readOnly: boolean;
}

interface CacheEntry {
  raw: Raw;
  index: number;
  problems: readonly string[];
  state: NodeRunState | undefined;
  selected: boolean;
  ports: string;
  typeInfo: StepTypeInfo | undefined;
  note: string | undefined;
  node: StepFlowNode;
}

/** Keeps one React Flow node object per unchanged document node between derivations. */
export class FlowModel {
  private cache = new Map<string, CacheEntry>();
  private trigger: { key: string; node: TriggerFlowNode } | undefined;
  private edgeCache = new Map<string, { key: string; edge: Edge }>();

  nodes(input: DeriveInput): FlowNode[] {
    const list = rawNodes(input.document);
    const edges = rawEdges(input.document);
    const usedPorts = new Map<string, Set<string>>();
    const sources = new Map<string, string[]>();
    for (const e of edges) sources.set(e.to, [...(sources.get(e.to) ?? []), e.from]);
    const typeOf = new Map(list.map((n) => [n.id, typeof n.raw.type === 'string' ? n.raw.type : undefined]));
    const rawDocNodes = list.map((n) => n.raw);
    for (const e of edges) {
      if (e.fromPort === undefined) continue;
      const set = usedPorts.get(e.from) ?? new Set<string>();
      set.add(e.fromPort);
      usedPorts.set(e.from, set);
    }
    const next = new Map<string, CacheEntry>();
    const out: FlowNode[] = [this.triggerNode(input, list)];
    for (const item of list) {
      const raw = item.raw;
      const typeName = typeof raw.type === 'string' ? raw.type : '';
      const typeInfo = input.types.get(typeName);
      const problems = input.problemsByNode?.[item.id] ?? noProblems;
      const state = input.nodeStatus ? (input.nodeStatus[item.id] ?? 'pending') : undefined;
      const selected = input.selected.has(item.id);
      const ports = typeInfo ? typeInfo.ports : ['out'];
      const extra = [...(usedPorts.get(item.id) ?? [])].filter((p) => !ports.includes(p));
      const portsKey = extra.join('|');
      const override = raw.class === 'A' || raw.class === 'B' || raw.class === 'C' ? (raw.class as StepClass) : undefined;
      const stepClass = typeInfo ? classWhenSentOf(stepClassOf(typeInfo, raw.params, override), typeInfo, item.id, rawDocNodes, (t) => input.types.get(t)) : undefined;
      // the run view shows what happened; the editor what pre-launch will do
      const note = input.readOnly ? undefined : approvalNote(stepClass, sources.get(item.id) ?? [], (id) => typeOf.get(id));
      const prev = this.cache.get(item.id);
      if (prev && prev.raw === raw && prev.index === item.index && sameList(prev.problems, problems) && prev.state === state && prev.selected === selected && prev.ports === portsKey && prev.typeInfo === typeInfo && prev.note === note?.text && prev.node.data.stepClass === stepClass) {
        next.set(item.id, prev);
        out.push(prev.node);
        continue;
      }
      const position = nodePosition(raw, item.index);
      const floor = typeInfo ? floorClassOf(typeInfo, raw.params) : undefined;
      const node: StepFlowNode = {
        id: item.id,
        type: 'step',
        position,
        selected,
        deletable: !input.readOnly,
        draggable: !input.readOnly,
        connectable: !input.readOnly,
        data: {
          nodeId: item.id,
          index: item.index,
          title: typeof raw.name === 'string' && raw.name ? raw.name : (typeInfo?.title ?? (typeName || 'Step')),
          type: typeName || '(no type)',
          typeTitle: typeInfo?.title,
          stepClass,
          raisedClass: Boolean(override && floor && classRank(override) > classRank(floor)),
          ports: [...ports, ...extra],
          badPorts: extra,
          problems,
          state,
          readOnly: input.readOnly,
          approvalNote: note,
        },
      };
      const entry: CacheEntry = { raw, index: item.index, problems, state, selected, ports: portsKey, typeInfo, note: note?.text, node };
      next.set(item.id, entry);
      out.push(node);
    }
    this.cache = next;
    return out;
  }

  private triggerNode(input: DeriveInput, list: RawNode[]): TriggerFlowNode {
    const doc = isObject(input.document) ? input.document : {};
    const { type, summary } = triggerSummary(doc.trigger);
    const problems = input.problemsByNode?.[TRIGGER_NODE_ID] ?? noProblems;
    const state = input.nodeStatus ? (input.nodeStatus[TRIGGER_NODE_ID] ?? 'succeeded') : undefined;
    const selected = input.selected.has(TRIGGER_NODE_ID);
    const first = list[0];
    const minX = list.reduce((m, n) => (isObject(n.raw.position) && typeof n.raw.position.x === 'number' ? Math.min(m, n.raw.position.x) : m), Infinity);
    const firstY = first && isObject(first.raw.position) && typeof first.raw.position.y === 'number' ? first.raw.position.y : 0;
    const x = Number.isFinite(minX) ? minX - GRID_X : 0;
    const key = [type, summary, problems.join('\n'), state, selected, x, firstY].join('|');
    if (this.trigger?.key === key) return this.trigger.node;
    const node: TriggerFlowNode = {
      id: TRIGGER_NODE_ID,
      type: 'trigger',
      position: { x, y: firstY },
      selected,
      deletable: false,
      draggable: false,
      connectable: false,
      data: { triggerType: type, summary, problems, state },
    };
    this.trigger = { key, node };
    return node;
  }

  /** Edge objects are reused while nothing about them changed, like nodes. */
  edges(input: DeriveInput, nodes: FlowNode[]): Edge[] {
    const next = new Map<string, { key: string; edge: Edge }>();
    const out = this.buildEdges(input, nodes).map((edge) => {
      const key = `${edge.source}|${edge.sourceHandle}|${edge.target}|${String(edge.selected)}|${String(edge.label)}|${edge.className ?? ''}|${String(edge.deletable)}`;
      const prev = this.edgeCache.get(edge.id);
      const kept = prev && prev.key === key ? prev.edge : edge;
      next.set(edge.id, { key, edge: kept });
      return kept;
    });
    this.edgeCache = next;
    return out;
  }

  private buildEdges(input: DeriveInput, nodes: FlowNode[]): Edge[] {
    const ids = new Set(nodes.map((n) => n.id));
    const portsOf = new Map(nodes.flatMap((n) => (n.type === 'step' ? [[n.id, n.data.ports] as const] : [])));
    const edges = rawEdges(input.document);
    const hasIncoming = new Set(edges.map((e) => e.to));
    const out: Edge[] = [];
    for (const n of nodes) {
      if (n.type !== 'step' || hasIncoming.has(n.id)) continue;
      // the engine feeds every entry node (no incoming edge) from the trigger
      out.push({ id: `trigger>${n.id}`, source: TRIGGER_NODE_ID, target: n.id, sourceHandle: 'out', targetHandle: 'in', deletable: false, selectable: false, className: 'fc-edge--trigger' });
    }
    for (const e of edges) {
      if (!ids.has(e.from) || !ids.has(e.to)) continue;
      const ports = portsOf.get(e.from) ?? ['out'];
      const handle = sourcePort(e.fromPort, ports);
      const status = input.nodeStatus?.[e.to];
      out.push({
        id: e.id,
        source: e.from,
        target: e.to,
        sourceHandle: handle,
        targetHandle: 'in',
        deletable: !input.readOnly,
        selected: input.selected.has(e.id),
        ...(ports.length > 1 ? { label: handle } : {}),
        className: status && status !== 'pending' ? `fc-edge--${status}` : undefined,
      });
    }
    return out;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((v, i) => v === b[i]);
}
