import { describe, expect, it } from 'vitest';
import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import { FlowModel } from '../canvas/flow-model';
import { addNode, connect, copy, edgesOf, freshId, idProblem, nodesOf, paste, removeElements, renameNode, type Doc } from './doc-ops';
import { createEditorStore, isDirty } from './doc-store';
import { autoLayout } from './layout';
import { paletteGroups } from './palette-groups';
import { schemaFields } from '../../../components/schema-fields';
import { mapProblems, problemsByField, problemsByNode } from './problems';

const type = (t: Partial<StepTypeInfo> & { type: string }): StepTypeInfo => ({
  title: t.type,
  description: '',
  class: 'A',
  ports: ['out'],
  paramsSchema: { type: 'object', properties: {} },
  ui: {},
  defaults: {},
  ...t,
});
const transform = type({ type: 'transform', title: 'Transform', paramsSchema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] }, ui: { expression: { label: 'Expression', widget: 'expression' } } });
const condition = type({ type: 'condition', title: 'Condition', ports: ['true', 'false'] });
const http = type({
  type: 'http.request',
  title: 'HTTP request',
  class: 'B',
  description: 'Calls a URL',
  paramsSchema: {
    type: 'object',
    properties: { method: { type: 'string', enum: ['GET', 'POST'], default: 'GET' }, headers: { type: 'object', additionalProperties: { type: 'string' } }, timeoutMs: { type: 'integer' }, body: {} },
    required: ['url', 'method'],
  },
  ui: { url: { label: 'URL', widget: 'text' }, method: { label: 'Method', widget: 'select' } },
});

const doc = (nodes: unknown[], edges: unknown[] = []): Doc => ({ name: 'W', trigger: { type: 'manual' }, nodes, edges });

describe('document edits', () => {
  it('adds steps with fresh ids from the type and the type’s defaults', () => {
    let d = doc([]);
    const a = addNode(d, http, { x: 1, y: 2 });
    d = a.doc;
    const b = addNode(d, http, { x: 3, y: 4 });
    expect([a.id, b.id]).toEqual(['request', 'request_2']);
    expect(nodesOf(b.doc)[1]).toEqual({ id: 'request_2', type: 'http.request', params: {}, position: { x: 3, y: 4 } });
    expect(freshId('9lives', new Set())).toBe('lives');
  });

  it('writes the port only when the source has more than one, and ignores a duplicate edge', () => {
    const ports = (id: string) => (id === 'c' ? ['true', 'false'] : ['out']);
    let d = doc([{ id: 'a' }, { id: 'c' }, { id: 'b' }]);
    d = connect(d, { from: 'a', fromPort: 'out', to: 'c' }, ports);
    d = connect(d, { from: 'c', fromPort: 'false', to: 'b' }, ports);
    expect(connect(d, { from: 'a', fromPort: 'out', to: 'c' }, ports)).toBe(d);
    expect(edgesOf(d)).toEqual([{ from: 'a', to: 'c' }, { from: 'c', fromPort: 'false', to: 'b' }]);
  });

  it('renames a step and the edges that point at it; refuses a taken or malformed id', () => {
    const d = doc([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b' }]);
    expect(edgesOf(renameNode(d, 0, 'start'))).toEqual([{ from: 'start', to: 'b' }]);
    expect(idProblem(d, 0, 'b')).toMatch(/already used/);
    expect(idProblem(d, 0, '1x')).toMatch(/must start with a letter/);
    expect(idProblem(d, 0, 'ok_id')).toBeUndefined();
  });

  it('removes steps with their edges, and selected edges alone', () => {
    const d = doc([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }]);
    expect(edgesOf(removeElements(d, new Set(['c']), new Set()))).toEqual([{ from: 'a', to: 'b' }]);
    expect(edgesOf(removeElements(d, new Set(), new Set(['a>>b'])))).toEqual([{ from: 'b', to: 'c' }]);
  });

  it('copies the selected steps with the edges between them and pastes them with fresh ids', () => {
    const d = doc([{ id: 'a', position: { x: 0, y: 0 } }, { id: 'b', position: { x: 10, y: 0 } }, { id: 'c' }], [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }]);
    const clip = copy(d, new Set(['a', 'b']))!;
    expect(clip.edges).toEqual([{ from: 'a', to: 'b' }]);
    const out = paste(d, clip, { x: 40, y: 40 });
    expect(out.ids).toEqual(['a_2', 'b_2']);
    expect(nodesOf(out.doc).slice(3).map((n) => n.position)).toEqual([{ x: 40, y: 40 }, { x: 50, y: 40 }]);
    expect(edgesOf(out.doc).at(-1)).toEqual({ from: 'a_2', to: 'b_2' });
  });

  it('lays steps out left to right along the edges', () => {
    const d = autoLayout(doc([{ id: 'c' }, { id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }]));
    const x = Object.fromEntries(nodesOf(d).map((n) => [n.id, (n.position as { x: number }).x]));
    expect(x.a).toBeLessThan(x.b as number);
    expect(x.b).toBeLessThan(x.c as number);
  });
});

describe('undo history', () => {
  it('undoes and redoes edits; typing in one field is one step; undoing to the saved graph is clean', () => {
    const start = doc([]);
    const s = createEditorStore(start);
    s.getState().edit((d) => ({ ...d, name: 'W1' }), 'name');
    s.getState().edit((d) => ({ ...d, name: 'W12' }), 'name');
    s.getState().edit((d) => ({ ...d, nodes: [{ id: 'a' }] }));
    expect(s.getState().past).toHaveLength(2);
    expect(isDirty(s.getState())).toBe(true);
    s.getState().undo();
    expect(nodesOf(s.getState().doc)).toEqual([]);
    s.getState().undo();
    expect(s.getState().doc).toBe(start);
    expect(isDirty(s.getState())).toBe(false);
    s.getState().redo();
    s.getState().redo();
    expect(nodesOf(s.getState().doc)).toEqual([{ id: 'a' }]);
    s.getState().edit((d) => ({ ...d, name: 'X' }));
    expect(s.getState().future).toEqual([]);
  });
});

describe('problems on nodes', () => {
  it('maps each JSON path to its step, the trigger, or the edge’s source', () => {
    const d = doc([{ id: 'a' }, { id: 'b', type: 'nope' }], [{ from: 'a', to: 'zz' }]);
    const mapped = mapProblems(d, [
      { path: 'nodes[1].type', message: 'unknown step type "nope"' },
      { path: 'nodes[0].params.expression', message: 'is required' },
      { path: 'trigger.expr', message: 'is not a cron expression' },
      { path: 'edges[0].to', message: 'no step "zz"' },
      { path: 'name', message: 'is required' },
    ]);
    expect(mapped.map((p) => [p.nodeId, p.field])).toEqual([
      ['b', 'type'],
      ['a', 'params.expression'],
      ['__trigger__', 'expr'],
      ['a', undefined],
      [undefined, undefined],
    ]);
    expect(problemsByNode(mapped)).toEqual({ b: ['type: unknown step type "nope"'], a: ['params.expression: is required', 'no step "zz"'], __trigger__: ['expr: is not a cron expression'] });
    expect(problemsByField(mapped, 'a')).toEqual({ 'params.expression': ['is required'], '': ['no step "zz"'] });
  });
});

describe('palette and forms', () => {
  it('groups step types by class and searches title, type and description', () => {
    expect(paletteGroups([transform, condition, http], '').map((g) => [g.cls, g.items.map((i) => i.type)])).toEqual([
      ['A', ['condition', 'transform']],
      ['B', ['http.request']],
    ]);
    expect(paletteGroups([transform, condition, http], 'calls url').map((g) => g.items.map((i) => i.type))).toEqual([['http.request']]);
  });

  it('builds one field per param from the JSON Schema and the UI hints', () => {
    const fields = schemaFields(http.paramsSchema, http.ui);
    expect(fields.map((f) => [f.key, f.widget, f.required])).toEqual([
      ['url', 'text', true],
      ['method', 'select', false],
      ['headers', 'keyvalue', false],
      ['timeoutMs', 'number', false],
      ['body', 'json', false],
    ]);
    expect(fields[1]!.options).toEqual(['GET', 'POST']);
  });
});

describe('canvas model', () => {
  it('draws every node of an invalid document, unknown types included, and reuses unchanged nodes', () => {
    const types = new Map([[transform.type, transform], [condition.type, condition]]);
    const m = new FlowModel();
    const d = doc([{ id: 'a', type: 'transform', position: { x: 0, y: 0 } }, { id: 'b', type: 'mystery', position: { x: 300, y: 0 } }, 'junk'], [{ from: 'a', to: 'b' }, { from: 'b', fromPort: 'weird', to: 'a' }]);
    const input = { document: d, types, problemsByNode: { b: ['type: unknown'] }, nodeStatus: undefined, selected: new Set<string>(), readOnly: false };
    const nodes = m.nodes(input);
    expect(nodes.map((n) => n.id)).toEqual(['__trigger__', 'a', 'b', '#2']);
    const b = nodes[2]!;
    expect(b.type === 'step' && b.data).toMatchObject({ typeTitle: undefined, stepClass: undefined, problems: ['type: unknown'], ports: ['out', 'weird'], badPorts: ['weird'] });
    // a and b feed each other; only the unconnected '#2' is an entry fed by the trigger
    expect(m.edges(input, nodes).map((e) => [e.source, e.sourceHandle, e.target])).toEqual([
      ['__trigger__', 'out', '#2'],
      ['a', 'out', 'b'],
      ['b', 'weird', 'a'],
    ]);
    const again = m.nodes({ ...input, selected: new Set(['b']) });
    expect(again[1]).toBe(nodes[1]);
    expect(again[2]).not.toBe(nodes[2]);
    const edges = m.edges(input, nodes);
    expect(m.edges(input, again)[1]).toBe(edges[1]);
  });

  it('shows run states, pending for steps that have not run', () => {
    const m = new FlowModel();
    const nodes = m.nodes({ document: doc([{ id: 'a', type: 'transform' }, { id: 'b', type: 'transform' }]), types: new Map([[transform.type, transform]]), problemsByNode: undefined, nodeStatus: { a: 'succeeded' }, selected: new Set(), readOnly: true });
    expect(nodes.map((n) => n.data.state)).toEqual(['succeeded', 'succeeded', 'pending']);
  });
});
