import { inspect, isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsonata from 'jsonata';
import { compileSubset, jsonataDecides } from './expression-subset';
import { evaluate } from './expressions';

const names = ['a', 'b', 'n', 'input', '__proto__', 'toString'];

/** Run-context-like data: JSON values, null-prototype objects, arrays, and a Date JSON never makes. */
const valueArb = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(0, -0, 1, 2.5, -7, 1e308, '', 'x', '10', true, false, null, undefined),
    fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 4 }).map((o) => JSON.parse(JSON.stringify(o, (_k, v: unknown) => (v === undefined ? null : v))) as unknown),
    fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 4 }).map((o) => Object.assign(Object.create(null) as object, o)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.constant(new Date(0)),
  ),
})).value;

const literalArb = fc.constantFrom('0', '1', '2.5', '1e308', '"x"', "''", '"10"', 'true', 'false', 'null');
const pathArb = fc.array(fc.constantFrom(...names, '`a b`'), { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const keyArb = fc.constantFrom("'k'", '"n"', "'1'", "'__proto__'", '"a"');

/** Expressions mostly inside the subset, with some that leave it (functions, filters, variables). */
const exprArb: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literalArb,
    pathArb,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '=', '!=', '<', '<=', '>', '>=', 'and', 'or', '&'), tie('e')).map(([l, op, r]) => `(${l}) ${op} (${r})`),
    tie('e').map((e) => `-(${e})`),
    fc.tuple(tie('e'), tie('e'), fc.option(tie('e'))).map(([c, t, f]) => (f === null ? `(${c}) ? (${t})` : `(${c}) ? (${t}) : (${f})`)),
    fc.array(fc.tuple(keyArb, tie('e')), { maxLength: 3 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    fc.constantFrom('$string(a)', 'a[0]', '$x', 'a.b[n > 1]', '[a, b]', 'a.(b)'),
  ),
})).e;

/** JSONata's answer as expressions.evaluate hands it on, or the error it throws. */
async function viaJsonata(expression: string, context: unknown): Promise<{ value: unknown } | { error: string }> {
  try {
    const value = (await jsonata(expression).evaluate(context)) as unknown;
    return { value: Array.isArray(value) ? Array.from(value) : typeof value === 'function' ? undefined : value };
  } catch (err) {
    return { error: (err as { code?: string }).code ?? String(err) };
  }
}

describe('the JSONata subset compiled to closures', () => {
  it('answers exactly as JSONata does, or leaves the expression to it', async () => {
    let answered = 0;
    let compiled = 0;
    await fc.assert(
      fc.asyncProperty(exprArb, valueArb, async (expression, context) => {
        const fn = compileSubset(jsonata(expression).ast() as Parameters<typeof compileSubset>[0]);
        if (!fn) return;
        compiled++;
        const quick = fn(context);
        if (quick === jsonataDecides) return;
        answered++;
        const slow = await viaJsonata(expression, context);
        const same = 'value' in slow && (typeof quick === 'number' ? Object.is(quick, slow.value) || (quick === 0 && slow.value === 0) : isDeepStrictEqual(quick, slow.value));
        if (!same) throw new Error(`${expression} on ${inspect(context)}: subset ${inspect(quick)}, JSONata ${inspect(slow)}`);
      }),
      { numRuns: 6000 },
    );
    // the property must not hold vacuously
    expect(compiled).toBeGreaterThan(3000);
    expect(answered).toBeGreaterThan(1000);
  });

  it('compiles the common shapes and leaves the rest to JSONata', () => {
    const compiles = (e: string) => compileSubset(jsonata(e).ast() as Parameters<typeof compileSubset>[0]) !== null;
    for (const e of ["{ 'n': input.n * 2 }", 'a.b > 3 and c', 'status = "paid" ? total : 0', "first & ' ' & last", '-a.b']) expect(compiles(e), e).toBe(true);
    for (const e of ['$sum(a)', 'a[0]', 'a.(b)', '$x', '[a, b]', "{ 'k': 1, 'k': 2 }", '{ a: 1 }', 'a.b{ c: d }']) expect(compiles(e), e).toBe(false);
  });

  it('agrees with JSONata on every operator over equal, unequal and missing operands', async () => {
    const operands = ['1', '2', '"a"', '"b"', 'true', 'null', 'missing', '0'];
    const ops = ['+', '-', '*', '/', '%', '=', '!=', '<', '<=', '>', '>=', 'and', 'or', '&'];
    let answered = 0;
    for (const op of ops) {
      for (const l of operands) {
        for (const r of operands) {
          const expression = `${l} ${op} ${r}`;
          const fn = compileSubset(jsonata(expression).ast() as Parameters<typeof compileSubset>[0]);
          const quick = fn ? fn({}) : jsonataDecides;
          if (quick === jsonataDecides) continue;
          answered++;
          expect({ expression, value: quick }).toEqual({ expression, value: ((await viaJsonata(expression, {})) as { value: unknown }).value });
        }
      }
    }
    expect(answered).toBeGreaterThan(300);
  });

  it('keeps the value evaluate gives for a compiled expression', async () => {
    const ctx = { input: { n: 21, name: 'Ada' }, steps: { s: { output: { items: [1, 2] } } } };
    expect(await evaluate("{ 'n': input.n * 2, 'who': 'Dr ' & input.name }", ctx)).toEqual({ n: 42, who: 'Dr Ada' });
    // an array on the path: JSONata evaluates it
    expect(await evaluate("{ 'items': steps.s.output.items }", ctx)).toEqual({ items: [1, 2] });
    // a type error is still JSONata's error
    await expect(evaluate('input.name * 2', ctx)).rejects.toMatchObject({ code: 'EXPRESSION' });
  });
});
