import { describe, expect, it } from 'vitest';
import { unparsedJson } from '../../../shared/workflow';
import { StepRegistry } from './registry';
import { jsonPath, validateWorkflow } from './validate';

const registry = new StepRegistry();
const check = (doc: unknown) => validateWorkflow(doc, registry);
const paths = (doc: unknown) => {
  const r = check(doc);
  return r.valid ? [] : r.errors.map((e) => e.path);
};

const base = () => ({
  name: 'Orders',
  trigger: { type: 'manual' },
  nodes: [
    { id: 'fetch', type: 'http.request', params: { url: 'https://api.example.com/orders' } },
    { id: 'check', type: 'condition', params: { expression: 'steps.fetch.output.status = 200' } },
    { id: 'ok', type: 'log', params: { message: 'got {{ steps.fetch.output.body.id }}' } },
  ],
  edges: [
    { from: 'fetch', to: 'check' },
    { from: 'check', fromPort: 'true', to: 'ok' },
  ],
});

describe('validateWorkflow', () => {
  it('accepts a valid workflow and fills defaults', () => {
    const r = check(base());
    expect(r.valid).toBe(true);
    if (r.valid) expect(r.workflow.edges).toHaveLength(2);
  });

  it('formats JSON paths', () => {
    expect(jsonPath(['nodes', 2, 'params', 'url'])).toBe('nodes[2].params.url');
    expect(jsonPath(['edges', 0, 'to'])).toBe('edges[0].to');
    expect(jsonPath(['params', 'a-b'])).toBe('params["a-b"]');
    expect(jsonPath([])).toBe('$');
  });

  it('names an unknown step type', () => {
    const doc = base();
    (doc.nodes[2] as { type: string }).type = 'fax.send';
    const r = check(doc);
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.errors).toContainEqual({ path: 'nodes[2].type', message: expect.stringContaining('unknown step type "fax.send"') });
  });

  it('names params that fail the step schema, but leaves templated values to run time', () => {
    const doc = base();
    doc.nodes[0] = { id: 'fetch', type: 'http.request', params: { url: 'ftp://nope', method: 'FETCH' } as never };
    expect(paths(doc)).toEqual(expect.arrayContaining(['nodes[0].params.url', 'nodes[0].params.method']));
    doc.nodes[0] = { id: 'fetch', type: 'http.request', params: { url: '{{ input.url }}', timeoutMs: '{{ input.t }}' } as never };
    expect(check(doc).valid).toBe(true);
  });

  it('says a number param holding text must be a number, quoting the text', () => {
    const doc = base();
    doc.nodes[0] = { id: 'fetch', type: 'http.request', params: { url: 'https://api.example.com/orders', timeoutMs: '5,5' } as never };
    const r = check(doc);
    expect(r.valid ? [] : r.errors).toEqual([{ path: 'nodes[0].params.timeoutMs', message: 'must be a number; "5,5" is not one' }]);
  });

  it('names expression syntax errors in templates and expression params', () => {
    const doc = base();
    doc.nodes[1] = { id: 'check', type: 'condition', params: { expression: 'steps.fetch.output.status = ' } };
    doc.nodes[2] = { id: 'ok', type: 'log', params: { message: 'x {{ steps.( }}' } };
    expect(paths(doc)).toEqual(expect.arrayContaining(['nodes[1].params.expression', 'nodes[2].params.message']));
  });

  it('names duplicate ids', () => {
    const doc = base();
    doc.nodes.push({ id: 'ok', type: 'log', params: { message: 'again' } });
    const r = check(doc);
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.errors).toContainEqual({ path: 'nodes[3].id', message: 'duplicate id "ok" (also nodes[2])' });
  });

  it('names edges to missing nodes and ports, and a missing port on a branching step', () => {
    const doc = base();
    doc.edges.push({ from: 'ok', to: 'ghost' }, { from: 'phantom', to: 'ok' }, { from: 'check', fromPort: 'maybe', to: 'ok' }, { from: 'check', to: 'ok' });
    expect(paths(doc)).toEqual(expect.arrayContaining(['edges[2].to', 'edges[3].from', 'edges[4].fromPort', 'edges[5].fromPort']));
  });

  it('names cycles and nodes unreachable from the trigger', () => {
    const doc = base();
    doc.nodes.push({ id: 'a', type: 'log', params: { message: 'a' } }, { id: 'b', type: 'log', params: { message: 'b' } });
    doc.edges.push({ from: 'a', to: 'b' }, { from: 'b', to: 'a' });
    const r = check(doc);
    expect(r.valid).toBe(false);
    if (r.valid) return;
    expect(r.errors).toContainEqual({ path: 'edges[3]', message: 'creates a cycle: a → b → a' });
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['nodes[3]', 'nodes[4]']));
    // a self-loop is a cycle too
    const self = base();
    self.edges.push({ from: 'ok', to: 'ok' });
    expect(paths(self)).toContain('edges[2]');
  });

  it('reports a workflow with no entry node', () => {
    const doc = { name: 'x', trigger: { type: 'manual' }, nodes: [{ id: 'a', type: 'log', params: { message: 'a' } }], edges: [{ from: 'a', to: 'a' }] };
    expect(paths(doc)).toEqual(expect.arrayContaining(['nodes', 'edges[0]', 'nodes[0]']));
  });

  it('refuses a class lower than the step type’s own, and accepts a raised one', () => {
    const doc = base();
    doc.nodes[0] = { id: 'fetch', type: 'http.request', params: { url: 'https://x.test', method: 'POST' }, class: 'A' } as never;
    const r = check(doc);
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.errors).toContainEqual({ path: 'nodes[0].class', message: expect.stringContaining('lower than class B') });
    doc.nodes[0] = { id: 'fetch', type: 'http.request', params: { url: 'https://x.test' }, class: 'A' } as never; // GET is A
    expect(check(doc).valid).toBe(true);
    doc.nodes[2] = { id: 'ok', type: 'log', params: { message: 'x' }, class: 'C' } as never;
    expect(check(doc).valid).toBe(true);
    doc.nodes.push({ id: 'gate', type: 'approval', params: { message: 'ok?' }, class: 'B' } as never);
    expect(paths(doc)).toContain('nodes[3].class');
  });

  it('refuses approval policies that would auto-approve or do not apply', () => {
    const doc = base();
    doc.nodes.push({ id: 'gate', type: 'approval', params: { message: 'ok?' }, approval: { timeout: '1h', onTimeout: 'approve' } } as never);
    expect(paths(doc)).toContain('nodes[3].approval.onTimeout');
    doc.nodes[3] = { id: 'gate', type: 'approval', params: { message: 'ok?' }, approval: { timeout: '1h', onTimeout: 'dry-run' } } as never;
    expect(paths(doc)).toContain('nodes[3].approval.onTimeout');
  });

  it('names an invalid cron expression, timezone and catch-up window', () => {
    const doc = { ...base(), trigger: { type: 'cron', expr: '61 * * * *', timezone: 'Mars/Olympus', catchUpWindow: 'soon' } };
    const r = check(doc);
    expect(r.valid).toBe(false);
    if (r.valid) return;
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['trigger.expr', 'trigger.timezone', 'trigger.catchUpWindow']));
    expect(check({ ...base(), trigger: { type: 'cron', expr: '0 9 * * 1-5', timezone: 'Europe/London' } }).valid).toBe(true);
  });

  it('names every bad cron field with what was typed, never croner\u2019s rewrite of it', () => {
    const r = check({ ...base(), trigger: { type: 'cron', expr: '61 9 * * mon-fry', timezone: 'UTC' } });
    expect(r.valid ? [] : r.errors).toEqual([
      { path: 'trigger.expr', message: expect.stringMatching(/^"61 9 \* \* mon-fry" is not a valid cron expression: minute: `61` is out of range \(0–59\); day of week: `mon-fry` — `fry` is not a day name/) },
    ]);
    expect(JSON.stringify(r)).not.toContain('1-fry');
  });

  it('says an event trigger with no event chosen yet needs one, without listing every event', () => {
    const r = check({ ...base(), trigger: { type: 'event', event: '' } });
    expect(r.valid ? [] : r.errors).toEqual([{ path: 'trigger.event', message: 'is required' }]);
    const missing = check({ ...base(), trigger: { type: 'event' } });
    expect(missing.valid ? [] : missing.errors).toEqual([{ path: 'trigger.event', message: 'is required' }]);
  });

  it('reports a JSON field kept as typed because it does not parse, once, by its path', () => {
    const doc = base();
    (doc.nodes[0] as { params: Record<string, unknown> }).params = { url: 'https://api.example.com/orders', method: 'POST', body: unparsedJson('{ "order": 1, amount: 12') };
    const event = { ...doc, trigger: { type: 'event', event: 'run.finished', filter: unparsedJson('{ "status": ') } };
    const r = check(event);
    expect(r.valid ? [] : r.errors).toEqual([
      { path: 'trigger.filter', message: 'is not valid JSON (it ends too early)' },
      { path: 'nodes[0].params.body', message: expect.stringMatching(/^is not valid JSON \((line 1, column 15|at character 15)\)$/) },
    ]);
    // where the schema wants another type (headers are a map of text), only the JSON is named
    (doc.nodes[0] as { params: Record<string, unknown> }).params = { url: 'https://api.example.com/orders', headers: unparsedJson('{ "a": ') };
    const h = check(doc);
    expect(h.valid ? [] : h.errors.map((e) => e.path)).toEqual(['nodes[0].params.headers']);
  });

  it('names an unknown event for an event trigger and a bad webhook path', () => {
    expect(paths({ ...base(), trigger: { type: 'event', event: 'nope.happened' } })).toContain('trigger.event');
    expect(paths({ ...base(), trigger: { type: 'webhook', path: 'New Order!' } })).toContain('trigger.path');
    expect(check({ ...base(), trigger: { type: 'event', event: 'run.finished', filter: { status: 'failed' } } }).valid).toBe(true);
  });

  it('reports structural problems and semantic ones together', () => {
    const r = check({ name: '', trigger: { type: 'manual' }, nodes: [{ id: '1bad', type: 'nope' }], edges: [{ from: 'x' }] });
    expect(r.valid).toBe(false);
    if (r.valid) return;
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['name', 'nodes[0].id', 'nodes[0].type', 'edges[0].to', 'edges[0].from']));
  });

  it('rejects non-objects and empty workflows', () => {
    expect(paths('nope')).toEqual(['$']);
    expect(paths({ name: 'x', trigger: { type: 'manual' }, nodes: [] })).toContain('nodes');
  });
});
