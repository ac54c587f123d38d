import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type NodeTypes,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import { FlowModel, type FlowNode } from './flow-model';
import { TRIGGER_NODE_ID, type NodeRunState } from './node-state';
import { StepNode } from './StepNode';
import { TriggerNode } from './TriggerNode';
import { useViewFit } from './use-view-fit';
import './canvas.css';

export { TRIGGER_NODE_ID, type NodeRunState };

/** The mime type the editor's palette puts on a drag: the step type to add. */
export const PALETTE_MIME = 'application/x-levqor-step-type';

export interface FlowCanvasProps {
  /** The workflow document, possibly invalid (a draft or an imported file). */
  document: unknown;
  stepTypes: StepTypeInfo[];
  readOnly?: boolean;
  /** Run view: each node's state; nodes not listed show as pending. */
  nodeStatus?: Record<string, NodeRunState>;
  /** Validation problems per node id (the trigger's under `__trigger__`). */
  problemsByNode?: Record<string, string[]>;
  onNodeClick?: (nodeId: string) => void;
  selectedNodeId?: string;
  /**
   * Editor: select these nodes when seq changes (after a paste, a click in the problem list).
   * Otherwise React Flow owns the selection and reports it through onSelectionChange; feeding
   * it back as props would let the two chase each other.
   */
  selectRequest?: { ids: readonly string[]; seq: number };
  onSelectionChange?: (nodeIds: string[], edgeIds: string[]) => void;
  /** Editor: nodes were dragged to new positions (once, when the drag ends). */
  onMoveNodes?: (moves: Record<string, { x: number; y: number }>) => void;
  onConnect?: (edge: { from: string; fromPort: string; to: string }) => void;
  /** Editor: a palette item was dropped at this canvas position. */
  onDropStep?: (type: string, position: { x: number; y: number }) => void;
  /** Changes whenever the view should fit the graph again (after an auto-layout, say). */
  fitKey?: number | string;
  /** Lets the page read the React Flow viewport helpers (paste at the centre, say). */
  onReady?: (api: { centre(): { x: number; y: number } }) => void;
}

const nodeTypes: NodeTypes = { step: StepNode, trigger: TriggerNode };
const noSelection: ReadonlySet<string> = new Set();
const multiKeys = ['Shift', 'Meta', 'Control'];
const defaultViewport = { x: 320, y: 80, zoom: 1 };
const minimapSize = { width: 180, height: 120 };
/** Whether the founder hid the minimap (remembered across pages and sessions). */
const MINIMAP_KEY = 'levqor.canvas.minimap';

/** The workflow graph: the editor's canvas, and (read-only) the live run view's. */
export function FlowCanvas(props: FlowCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}

function CanvasInner(props: FlowCanvasProps) {
  const { document, stepTypes, readOnly = false, nodeStatus, problemsByNode, onNodeClick, selectedNodeId, onSelectionChange, onMoveNodes, onConnect, onDropStep, fitKey, onReady } = props;
  const flow = useReactFlow();
  const model = useRef(new FlowModel()).current;
  const types = useMemo(() => new Map(stepTypes.map((t) => [t.type, t])), [stepTypes]);
  // only the run view controls the selection (selectedNodeId); the editor leaves it to React Flow
  const controlled = selectedNodeId !== undefined;
  const selected = useMemo(() => (selectedNodeId ? new Set([selectedNodeId]) : noSelection), [selectedNodeId]);
  const { selectRequest } = props;

  const derived = useMemo(() => {
    const input = { document, types, problemsByNode, nodeStatus, selected, readOnly };
    const nodes = model.nodes(input);
    return { nodes, edges: model.edges(input, nodes) };
  }, [model, document, types, problemsByNode, nodeStatus, selected, readOnly]);

  // React Flow owns transient state (positions mid-drag, measured sizes, a click's selection);
  // the document owns the rest. A new derivation is merged in during render, not in an
  // effect: a one-commit lag would let React Flow report a stale selection back to the page,
  // which would answer with the other one, forever.
  const sourceOf = useRef(new WeakMap<object, object>());
  const [local, setLocal] = useState(() => ({ from: derived, nodes: derived.nodes, edges: derived.edges, seq: selectRequest?.seq }));
  let { nodes, edges } = local;
  if (local.from !== derived || local.seq !== selectRequest?.seq) {
    if (local.from.nodes !== derived.nodes) nodes = mergeNodes(local.nodes, derived.nodes, sourceOf.current, !controlled);
    if (local.from.edges !== derived.edges) edges = keepEdgeSelection(local.edges, derived.edges, !controlled);
    if (selectRequest && local.seq !== selectRequest.seq) {
      const ids = new Set(selectRequest.ids);
      nodes = nodes.map((n) => (Boolean(n.selected) === ids.has(n.id) ? n : relink({ ...n, selected: ids.has(n.id) } as FlowNode, n, sourceOf.current)));
      edges = edges.map((e) => (e.selected ? { ...e, selected: false } : e));
    }
    setLocal({ from: derived, nodes, edges, seq: selectRequest?.seq });
  }

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const allowed = readOnly ? changes.filter((c) => c.type === 'dimensions' || c.type === 'select') : changes.filter((c) => c.type !== 'remove');
      if (allowed.length === 0) return;
      setLocal((l) => {
        const prev = l.nodes;
        const next = applyNodeChanges(allowed, prev);
        const links = sourceOf.current;
        const before = new Map(prev.map((n) => [n.id, n]));
        for (const n of next) {
          const old = before.get(n.id);
          if (old && old !== n) {
            const src = links.get(old);
            if (src) links.set(n, src);
          }
        }
        return { ...l, nodes: next };
      });
    },
    [readOnly],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const allowed = changes.filter((c) => c.type === 'select');
    if (allowed.length) setLocal((l) => ({ ...l, edges: applyEdgeChanges(allowed, l.edges) }));
  }, []);

  const handleSelection = useCallback(
    ({ nodes: ns, edges: es }: OnSelectionChangeParams) => {
      onSelectionChange?.(
        ns.map((n) => n.id),
        es.map((e) => e.id),
      );
    },
    [onSelectionChange],
  );

  const handleNodeClick = useMemo(() => (onNodeClick ? (_: unknown, n: FlowNode) => onNodeClick(n.id) : undefined), [onNodeClick]);

  const handleDragStop = useCallback(
    (_: unknown, _node: unknown, dragged: FlowNode[]) => {
      if (!onMoveNodes) return;
      const moves: Record<string, { x: number; y: number }> = {};
      for (const n of dragged) if (n.id !== TRIGGER_NODE_ID) moves[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
      if (Object.keys(moves).length) onMoveNodes(moves);
    },
    [onMoveNodes],
  );

  const handleConnect = useCallback(
    (c: Connection) => {
      if (!onConnect || c.source === TRIGGER_NODE_ID || c.source === c.target) return;
      onConnect({ from: c.source, fromPort: c.sourceHandle ?? 'out', to: c.target });
    },
    [onConnect],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!type || !onDropStep) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      onDropStep(type, { x: Math.round(p.x - 100), y: Math.round(p.y - 30) });
    },
    [flow, onDropStep],
  );

  // every fit keeps the graph clear of the minimap's corner (use-view-fit.ts): on open, when the
  // key changes (after a layout), and from the fit button; a step selected from outside the
  // canvas (added, pasted, picked in the problem list) is brought into view
  const element = useRef<HTMLDivElement>(null);
  const view = useViewFit(element, nodes);
  const latest = useRef(view);
  latest.current = view;
  const firstFitKey = useRef(fitKey);
  // an empty graph is not fitted (that would zoom onto the trigger and move steps as they are dropped)
  const fitOnOpen = useRef(derived.nodes.length > 1).current;
  useEffect(() => {
    if (!fitOnOpen) return;
    // now, and again once React Flow has measured what it drew
    const frame = requestAnimationFrame(() => latest.current.fit());
    const again = setTimeout(() => latest.current.fit(), 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(again);
    };
  }, [fitOnOpen]);
  useEffect(() => {
    if (fitKey === undefined || fitKey === firstFitKey.current) return;
    const id = requestAnimationFrame(() => latest.current.fit(200));
    return () => cancelAnimationFrame(id);
  }, [fitKey]);
  const firstRequest = useRef(selectRequest?.seq);
  useEffect(() => {
    if (!selectRequest || selectRequest.seq === firstRequest.current || selectRequest.ids.length === 0) return;
    const id = requestAnimationFrame(() => latest.current.reveal(selectRequest.ids));
    return () => cancelAnimationFrame(id);
  }, [selectRequest]);

  const [minimap, setMinimap] = useState(() => readMinimapShown());
  const toggleMinimap = useCallback(() => {
    setMinimap((shown) => {
      writeMinimapShown(!shown);
      return !shown;
    });
  }, []);

  useEffect(() => {
    onReady?.({
      centre: () => {
        const el = window.document.querySelector('.fc-canvas');
        const r = el?.getBoundingClientRect();
        return r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
      },
    });
  }, [flow, onReady]);

  return (
    <div ref={element} className={`fc-canvas${readOnly ? ' fc-canvas--readonly' : ''}${minimap ? ' fc-canvas--minimap' : ''}`} onDragOver={onDragOver} onDrop={onDrop} data-testid="flow-canvas">
      <ReactFlow<FlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={handleSelection}
        onNodeDragStop={handleDragStop}
        onConnect={handleConnect}
        onNodeClick={handleNodeClick}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiKeys}
        onlyRenderVisibleElements
        defaultViewport={defaultViewport}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        colorMode="system"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        {minimap ? <MiniMap pannable zoomable nodeColor={miniColor} className="fc-minimap" style={minimapSize} ariaLabel="Minimap" /> : null}
        <Controls showInteractive={false} showFitView={false} position="bottom-right" orientation="horizontal" className="fc-controls">
          <ControlButton onClick={() => view.fit(200)} title="Fit the graph in view" aria-label="Fit view" data-testid="fit-view">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
          </ControlButton>
          <ControlButton onClick={toggleMinimap} title={minimap ? 'Hide the minimap' : 'Show the minimap'} aria-label={minimap ? 'Hide the minimap' : 'Show the minimap'} aria-pressed={minimap} data-testid="minimap-toggle">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
              <rect x="8" y="8" width="5" height="4" fill={minimap ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1" />
            </svg>
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}

function readMinimapShown(): boolean {
  try {
    return localStorage.getItem(MINIMAP_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

function writeMinimapShown(shown: boolean): void {
  try {
    if (shown) localStorage.removeItem(MINIMAP_KEY);
    else localStorage.setItem(MINIMAP_KEY, 'hidden');
  } catch {
    // storage refused (a private window): the choice lasts for this page only
  }
}

/** A node's colour on the minimap: canvas.css sets one per kind (--fc-mini-<kind>), muted for any other. */
function miniColor(n: FlowNode): string {
  const kind = n.type === 'trigger' ? 'trigger' : n.data.problems.length ? 'invalid' : (n.data.state ?? n.data.stepClass ?? 'unknown');
  return `var(--fc-mini-${kind}, var(--ui-text-muted))`;
}

/**
 * Keeps the local node (and what React Flow measured) where its document node is unchanged;
 * a changed one keeps its measured size and, unless the selection is controlled, its selection.
 */
function mergeNodes(prev: FlowNode[], next: FlowNode[], links: WeakMap<object, object>, keepSelected: boolean): FlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  return next.map((d) => {
    const p = before.get(d.id);
    if (p && links.get(p) === d) return p;
    const carry = keepSelected && p?.selected;
    const merged = (p?.measured || carry ? { ...d, ...(p?.measured ? { measured: p.measured } : {}), ...(carry ? { selected: true } : {}) } : d) as FlowNode;
    links.set(merged, d);
    return merged;
  });
}

function relink(n: FlowNode, old: FlowNode, links: WeakMap<object, object>): FlowNode {
  const src = links.get(old);
  if (src) links.set(n, src);
  return n;
}

function keepEdgeSelection(prev: Edge[], next: Edge[], keep: boolean): Edge[] {
  if (!keep) return next;
  const selected = new Set(prev.filter((e) => e.selected).map((e) => e.id));
  return selected.size ? next.map((e) => (selected.has(e.id) ? { ...e, selected: true } : e)) : next;
}
