import { describe, expect, it } from 'vitest';
import { isObject, readImport } from './read-import';

describe('readImport', () => {
  it('parses JSON', () => {
    expect(readImport('a.json', '{"name":"x"}')).toEqual({ ok: true, document: { name: 'x' } });
    expect(readImport('a.json', '[1]')).toEqual({ ok: true, document: [1] });
  });

  it('names the file and the reason when it is not JSON', () => {
    const out = readImport('broken.json', '{ nope');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/^broken\.json: not valid JSON \(.+\)$/);
    expect(readImport('e.json', '  ')).toEqual({ ok: false, message: 'e.json: the file is empty' });
  });

  it('only objects are workflow files', () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject('x')).toBe(false);
  });
});
