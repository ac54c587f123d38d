import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsonata from 'jsonata';
import { evaluate, notPlainPath, plainPathValue } from './expressions';

/** Names that occur in the data, plus JSONata words and names objects inherit. */
const names = ['a', 'b', 'n', 'steps', 'output', 'true', 'null', 'and', 'constructor', 'toString', '__proto__'];

class Box {
  constructor(readonly a: unknown) {}
}

/** Run-context-like data: JSON values, some null-prototype objects, some values no JSON parse makes. */
const valueArb = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(0, -0, 1, 2.5, -7, '', 'x', 'a.b', true, false, null, undefined),
    fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 4 }).map((o) => JSON.parse(JSON.stringify(o, (_k, v: unknown) => (v === undefined ? null : v))) as unknown),
    fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 4 }).map((o) => Object.assign(Object.create(null) as object, o)),
    fc.array(tie('value'), { maxLength: 3 }),
    tie('value').map((a) => new Box(a)),
    fc.constant(new Date(0)),
  ),
})).value;

const pathArb = fc
  .tuple(fc.array(fc.constantFrom(...names, 'x1', '$a', 'a b', '1a'), { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', '\n'))
  .map(([parts, pad]) => `${pad}${parts.join('.')}${pad}`);

/** JSONata's own answer, as expressions.evaluate hands it on. */
async function viaJsonata(expression: string, context: unknown): Promise<unknown> {
  const value = (await jsonata(expression).evaluate(context)) as unknown;
  return Array.isArray(value) ? Array.from(value) : typeof value === 'function' ? undefined : value;
}

describe('plain dotted paths without JSONata', () => {
  it('answers exactly as JSONata does, or leaves the expression to it', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(valueArb, pathArb, async (context, expression) => {
        const fast = plainPathValue(expression, context);
        if (fast === notPlainPath) return;
        answered++;
        const slow = await viaJsonata(expression, context);
        // the very value JSONata returns (same object, -0 kept), not merely an equal one
        if (!Object.is(fast, slow)) throw new Error(`${JSON.stringify(expression)} on ${inspect(context)}: fast ${inspect(fast)}, JSONata ${inspect(slow)}`);
      }),
      { numRuns: 5000 },
    );
    // the property above must not hold vacuously
    expect(answered).toBeGreaterThan(300);
  });

  it('takes the fast path for a step output and JSONata for everything else', async () => {
    const ctx = { steps: { calc: { output: { n: 4, list: [1, 2] } } }, input: { n: 2 } };
    expect(plainPathValue('steps.calc.output.n', ctx)).toBe(4);
    expect(plainPathValue(' input.missing.deeper ', ctx)).toBeUndefined();
    expect(plainPathValue('steps.calc.output.list', ctx)).toBe(notPlainPath);
    expect(plainPathValue('input.n * 2', ctx)).toBe(notPlainPath);
    expect(plainPathValue('steps.true', ctx)).toBe(notPlainPath);
    // either way, evaluate answers the same
    expect(await evaluate('steps.calc.output.list', ctx)).toEqual([1, 2]);
    expect(await evaluate('steps.calc.output.n', ctx)).toBe(4);
  });
});
