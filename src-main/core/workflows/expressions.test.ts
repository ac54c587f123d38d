import { describe, expect, it } from 'vitest';
import { StepError } from './step';
import { compile, evaluate, isStatic, resolveTemplates, syntaxProblem, templateExpressions, wholeTemplateExpression } from './expressions';

const ctx = { steps: { fetch: { output: { body: { id: 42, items: [1, 2, 3], name: 'Ada' } } } }, input: { n: 2 } };

describe('expressions', () => {
  it('evaluates JSONata against the run context, never eval', async () => {
    expect(await evaluate('steps.fetch.output.body.id', ctx)).toBe(42);
    expect(await evaluate('$sum(steps.fetch.output.body.items) * input.n', ctx)).toBe(12);
    await expect(evaluate('$eval("1+1")', ctx)).resolves.toBe(2); // JSONata's own $eval, not JavaScript's
    await expect(evaluate('process.exit(1)', ctx)).resolves.toBeUndefined();
  });

  it('resolves a whole template to its value and interpolates embedded ones as text', async () => {
    expect(await resolveTemplates('{{ steps.fetch.output.body.id }}', ctx)).toBe(42);
    expect(await resolveTemplates('{{ steps.fetch.output.body.items }}', ctx)).toEqual([1, 2, 3]);
    expect(await resolveTemplates('id={{ steps.fetch.output.body.id }}, name={{steps.fetch.output.body.name}}', ctx)).toBe('id=42, name=Ada');
    expect(await resolveTemplates('items: {{ steps.fetch.output.body.items }} missing: [{{ nope ?? "" }}]', ctx)).toBe('items: [1,2,3] missing: []');
    expect(await resolveTemplates({ a: ['{{ input.n }}', 'x'], b: 3, raw: '{{ nope' }, ctx)).toEqual({ a: [2, 'x'], b: 3, raw: '{{ nope' });
    expect(await resolveTemplates({ expression: '{{ input.n }}' }, ctx, new Set(['expression']))).toEqual({ expression: '{{ input.n }}' });
  });

  it('a template with no value is a MISSING_VALUE error naming the param and what is missing, unless it gives a default', async () => {
    const missing = (value: unknown) => Promise.resolve(resolveTemplates(value, ctx)).then(() => undefined, (e: { code: string; message: string; retriable: boolean }) => e);
    expect(await missing({ body: { order: '{{ input.order }}' } })).toMatchObject({
      code: 'MISSING_VALUE',
      retriable: false,
      message: 'params.body.order: {{ input.order }} is missing: input has no "order" (give a default with {{ input.order ?? "…" }})',
    });
    expect((await missing({ message: 'Refund order {{ input.order }} for ${{ input.n }}?' }))?.message).toMatch(/^params\.message: \{\{ input\.order \}\} is missing: input has no "order"/);
    expect((await missing({ list: ['x', '{{ steps.fetch.output.body.id.deep }}'] }))?.message).toMatch(/^params\.list\.1: \{\{ steps\.fetch\.output\.body\.id\.deep \}\} is missing: steps\.fetch\.output\.body\.id has no "deep"/);
    expect((await missing({ t: '{{ $uppercase(input.name) }}' }))?.message).toMatch(/^params\.t: \{\{ \$uppercase\(input\.name\) \}\} has no value/);
    expect((await missing('{{ nope }}'))?.message).toMatch(/^\{\{ nope \}\} is missing: there is no "nope"/);
    // JSONata's ?? gives the default; null is a value (shown empty), not a missing one
    expect(await resolveTemplates({ order: '{{ input.order ?? "n/a" }}', text: 'order {{ input.order ?? "n/a" }}' }, ctx)).toEqual({ order: 'n/a', text: 'order n/a' });
    expect(await resolveTemplates('[{{ input.none }}]', { input: { none: null } })).toBe('[]');
  });

  it('finds templates for the validator', () => {
    expect(wholeTemplateExpression(' {{ a.b }} ')).toBe('a.b');
    expect(wholeTemplateExpression('{{ a }} and {{ b }}')).toBeUndefined();
    expect(templateExpressions('x {{ a }} y {{b}}')).toEqual(['a', 'b']);
    expect(isStatic({ a: ['x', 1], b: { c: 'y' } })).toBe(true);
    expect(isStatic({ a: ['{{ x }}'] })).toBe(false);
    expect(syntaxProblem('a.b')).toBeUndefined();
    expect(syntaxProblem('a.(')).toMatch(/does not parse/);
  });

  it('caches compiled expressions by text', () => {
    expect(compile('a + 1')).toBe(compile('a + 1'));
  });

  it('cuts off runaway expressions with an error instead of crashing or hanging', async () => {
    const deep = evaluate('($f := function($n) { $n <= 0 ? 0 : 1 + $f($n - 1) }; $f(100000))', {});
    await expect(deep).rejects.toBeInstanceOf(StepError);
    await expect(deep).rejects.toMatchObject({ code: 'EXPRESSION', retriable: false });
    const started = Date.now();
    await expect(evaluate('($f := function($n) { $f($n + 1) }; $f(0))', {})).rejects.toMatchObject({ code: 'EXPRESSION' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(evaluate('[1..100000000]', {})).rejects.toMatchObject({ code: 'EXPRESSION' });
    await expect(evaluate('$pad("x", 5000000)', {})).rejects.toMatchObject({ code: 'EXPRESSION', message: expect.stringContaining('longer than') });
  });

  it('reports runtime errors as non-retriable step errors', async () => {
    await expect(evaluate('$number("x")', {})).rejects.toMatchObject({ code: 'EXPRESSION', retriable: false });
    await expect(evaluate('a.(', {})).rejects.toMatchObject({ code: 'EXPRESSION', message: expect.stringContaining('does not parse') });
  });
});
