import { describe, expect, it } from 'vitest';
import { listItemTexts } from './list-item-texts';

const list = (data: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ object: 'list', data, has_more: false, url: '/v1/customers', ...extra });

describe('each object of a list answer cut out of its text', () => {
  it('gives each element of the top-level data array exactly as sent, nested objects and lists whole', () => {
    const items = [
      { id: 'in_1', object: 'invoice', lines: { object: 'list', data: [{ id: 'il_1', period: { start: 1, end: 2 }, tax: [[1, 2], []] }], has_more: false }, metadata: {} },
      { id: 'in_2', object: 'invoice', discounts: [], total: -0.5, paid: true, note: null, amounts: [1e21, 3] },
    ];
    const texts = listItemTexts(list(items));
    expect(texts).toEqual(items.map((i) => JSON.stringify(i)));
    expect(texts!.map((t) => JSON.parse(t!))).toEqual(items);
  });

  it('keeps strings whole whatever they hold: escaped quotes and backslashes, brackets, unicode and escapes of it', () => {
    const items = [
      { id: 'cus_1', name: 'Zoë "the one" \\', description: 'ends in a backslash \\\\', memo: '{[not a bracket]}', emoji: '😀 ✓ 中文', sep: '\u2028\u2029' },
      { id: 'cus_2', name: '\\"', data: '"data":[', quoted: '\\\\"', control: 'tab\there\nnewline' },
    ];
    const sent = list(items);
    const texts = listItemTexts(sent)!;
    expect(texts.map((t) => JSON.parse(t!))).toEqual(items);
    // \u escapes stay as Stripe wrote them: the text is the answer's own, not a re-serialisation
    const escaped = '{"object":"list","data":[{"id":"cus_3","name":"Zo\\u00eb \\ud83d\\ude00 \\/"}],"has_more":false}';
    expect(listItemTexts(escaped)).toEqual(['{"id":"cus_3","name":"Zo\\u00eb \\ud83d\\ude00 \\/"}']);
    expect(JSON.parse(listItemTexts(escaped)![0]!)).toEqual({ id: 'cus_3', name: 'Zoë 😀 /' });
  });

  it('finds the top-level data wherever its key stands, never a nested data or a string that says "data"', () => {
    const text = '{"object":"list","url":"/v1/x?data=[1]","meta":{"data":[{"id":"no"}]},"data":[{"id":"a","data":[{"id":"b"}]},{"id":"c"}],"has_more":true}';
    expect(listItemTexts(text)).toEqual(['{"id":"a","data":[{"id":"b"}]}', '{"id":"c"}']);
    expect(listItemTexts(list([]))).toEqual([]);
  });

  it('gives null for an element with whitespace outside its strings (a pretty-printed answer), so its object is serialised instead', () => {
    const items = [{ id: 'cus_1', name: 'two  spaces inside a string' }, { id: 'cus_2' }];
    expect(listItemTexts(JSON.stringify({ object: 'list', data: items }, null, 2))).toEqual([null, null]);
    expect(listItemTexts('{"object":"list", "data": [{"id":"cus_1","name":"two  spaces"}, {"id": "cus_2"}]}')).toEqual(['{"id":"cus_1","name":"two  spaces"}', null]);
  });

  it('gives null for text that is not a list of objects, or is cut short, so every object is serialised instead', () => {
    for (const text of ['', 'null', '[]', '{"object":"customer","id":"cus_1"}', '{"data":{"id":"x"}}', '{"data":[1,2]}', '{"data":["a"]}', '{"data":[{"id":"a"}', '{"data":[{"id":"a}]}']) {
      expect(listItemTexts(text), text).toBeNull();
    }
  });
});
