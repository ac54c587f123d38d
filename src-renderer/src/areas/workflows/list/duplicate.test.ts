import { describe, expect, it } from 'vitest';
import { copyDocument } from './duplicate';

describe('copyDocument', () => {
  it('names the copy and leaves everything else as it was', () => {
    const doc = { name: 'Nightly', trigger: { type: 'cron', expr: '0 2 * * *', timezone: 'UTC' }, nodes: [{ id: 'a', type: 'log', params: {} }], edges: [] };
    const copy = copyDocument(doc);
    expect(copy).toEqual({ ...doc, name: 'Nightly (copy)' });
    expect(doc.name).toBe('Nightly');
  });

  it('gives a webhook copy a fresh path, a new one on each attempt', () => {
    const doc = { name: 'Orders', trigger: { type: 'webhook', path: 'new-order', respond: 'onFinish' }, nodes: [], edges: [] };
    expect(copyDocument(doc).trigger).toEqual({ type: 'webhook', path: 'new-order-copy', respond: 'onFinish' });
    expect(copyDocument(doc, 1).trigger).toEqual({ type: 'webhook', path: 'new-order-copy-2', respond: 'onFinish' });
    expect(doc.trigger.path).toBe('new-order');
  });

  it('a draft without a name still gets one', () => {
    expect(copyDocument({ nodes: [] }).name).toBe('Untitled workflow (copy)');
  });
});
