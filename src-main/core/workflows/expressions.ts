import type jsonata from 'jsonata';
import { lazyPackage } from '../lazy-package';
import { nonRetriable } from './step';
import { compileSubset, jsonataDecides, walkPath, type SubsetFn } from './expression-subset';

/**
 * Expressions are JSONata (jsonata.org), never eval: `{{ steps.fetch.output.body.id }}` in a
 * param is evaluated against the run context. Compiled expressions are cached by their text.
 * Every evaluation runs under JSONata's own guardrails, so a runaway expression (deep
 * recursion, an endless loop, a huge sequence) ends in an error, not a crash or a hang.
 */
export const expressionLimits = {
  /** ms of evaluation before it is cut off */
  timeoutMs: 1000,
  /** evaluation stack depth */
  stack: 300,
  /** longest sequence an expression may build */
  sequence: 100_000,
  /** longest string result */
  maxStringLength: 1_000_000,
};

const loadJsonata = lazyPackage<typeof jsonata>('jsonata');

const cacheLimit = 2000;
const cache = new Map<string, jsonata.Expression>();
/** Expression text → its closure from expression-subset, or null when only JSONata can evaluate it. */
const subsets = new Map<string, SubsetFn | null>();

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number | undefined,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

/** Compiles (or fetches from the cache) an expression; throws ExpressionSyntaxError. */
export function compile(expression: string): jsonata.Expression {
  const hit = cache.get(expression);
  if (hit) return hit;
  let compiled: jsonata.Expression;
  try {
    compiled = loadJsonata()(expression, { timeout: expressionLimits.timeoutMs, stack: expressionLimits.stack, sequence: expressionLimits.sequence });
  } catch (err) {
    const e = err as { message?: string; position?: number };
    throw new ExpressionSyntaxError(e.message ?? 'is not a valid expression', e.position);
  }
  if (cache.size >= cacheLimit) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(expression, compiled);
  return compiled;
}

function subsetOf(expression: string, compiled: jsonata.Expression): SubsetFn | null {
  let fn = subsets.get(expression);
  if (fn === undefined) {
    fn = compileSubset(compiled.ast() as Parameters<typeof compileSubset>[0]);
    if (subsets.size >= cacheLimit) subsets.clear();
    subsets.set(expression, fn);
  }
  return fn;
}

/** A syntax error message for the validator, or undefined when the expression compiles. */
export function syntaxProblem(expression: string): string | undefined {
  try {
    compile(expression);
    return undefined;
  } catch (err) {
    return err instanceof ExpressionSyntaxError ? `expression "${clip(expression)}" does not parse: ${err.message}` : String(err);
  }
}

/** plainPathValue's answer when only JSONata can evaluate the expression. */
export const notPlainPath = Symbol('not a plain path');

const plainPathPattern = /^\s*[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\s*$/;
/** Words JSONata reads as literals or operators, not field names. */
const jsonataWords = new Set(['true', 'false', 'null', 'and', 'or', 'in', 'function']);
/** Expression text → its field names, or null when it is not a plain dotted path. */
const plainPaths = new Map<string, string[] | null>();

function plainPath(expression: string): string[] | null {
  let path = plainPaths.get(expression);
  if (path === undefined) {
    path = plainPathPattern.test(expression) ? expression.trim().split('.') : null;
    if (path?.some((name) => jsonataWords.has(name))) path = null;
    if (plainPaths.size >= cacheLimit) plainPaths.clear();
    plainPaths.set(expression, path);
  }
  return path;
}

/**
 * `steps.calc.output.n` without JSONata: the value JSONata would give, or notPlainPath
 * whenever JSONata could answer otherwise (see walkPath). expressions.property.test.ts holds
 * it to that.
 */
export function plainPathValue(expression: string, context: unknown): unknown {
  const path = plainPath(expression);
  if (path === null) return notPlainPath;
  const value = walkPath(path, context);
  return value === jsonataDecides ? notPlainPath : value;
}

/** A promise (or any thenable) rather than a value. */
export function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Evaluates an expression; any failure becomes a non-retriable EXPRESSION step error, always
 * as a rejected promise. The value comes back at once when JSONata is not needed (plain paths
 * and the compiled subset) and as a promise otherwise: `await` takes either, and a step that
 * answers at once needs no timeout timer in the runner.
 */
export function evaluate(expression: string, context: unknown): unknown {
  let now: unknown;
  try {
    now = evaluateNow(expression, context);
  } catch (err) {
    return Promise.reject(err);
  }
  return now === jsonataDecides ? viaJsonata(expression, context) : now;
}

/** The value without JSONata, or jsonataDecides; throws the EXPRESSION error of a bad expression. */
function evaluateNow(expression: string, context: unknown): unknown {
  const fast = plainPathValue(expression, context);
  if (fast !== notPlainPath) return bounded(expression, fast);
  const subset = subsetOf(expression, compiledOrError(expression));
  const quick = subset ? subset(context) : jsonataDecides;
  return quick === jsonataDecides ? quick : bounded(expression, quick);
}

function compiledOrError(expression: string): jsonata.Expression {
  try {
    return compile(expression);
  } catch (err) {
    throw nonRetriable('EXPRESSION', `expression "${clip(expression)}" does not parse: ${(err as Error).message}`);
  }
}

async function viaJsonata(expression: string, context: unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = await compiledOrError(expression).evaluate(context);
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'EXPRESSION') throw err;
    throw nonRetriable('EXPRESSION', `expression "${clip(expression)}" failed: ${e.message ?? String(err)}${e.code ? ` (${e.code})` : ''}`);
  }
  return normalise(bounded(expression, result));
}

function bounded(expression: string, value: unknown): unknown {
  if (typeof value === 'string' && value.length > expressionLimits.maxStringLength) {
    throw nonRetriable('EXPRESSION', `expression "${clip(expression)}" produced a string longer than ${expressionLimits.maxStringLength} characters`);
  }
  return value;
}

/** JSONata returns sequences (arrays with extra flags) and functions; keep plain JSON values. */
function normalise(value: unknown): unknown {
  if (typeof value === 'function') return undefined;
  if (Array.isArray(value)) return Array.from(value, normalise);
  return value;
}

const templatePattern = /\{\{([\s\S]*?)\}\}/g;
const wholeTemplate = /^\s*\{\{([\s\S]*?)\}\}\s*$/;

export function hasTemplate(text: string): boolean {
  return text.includes('{{');
}

/** `"{{ a.b }}"` → `"a.b"`; undefined when the text is not one whole template. */
export function wholeTemplateExpression(text: string): string | undefined {
  const m = wholeTemplate.exec(text);
  if (!m || (m[1] as string).includes('}}') || text.indexOf('{{') !== text.lastIndexOf('{{')) return undefined;
  return (m[1] as string).trim();
}

/** Every `{{ }}` expression in a string. */
export function templateExpressions(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(templatePattern)) out.push((m[1] as string).trim());
  return out;
}

/** A text's templates, split once: literal parts around the expressions (parts.length = exprs.length + 1). */
interface ParsedTemplate {
  /** Set when the text is exactly one `{{ expr }}`: the value keeps its JSON type. */
  whole: string | undefined;
  parts: string[];
  exprs: string[];
}
const parsedTemplates = new Map<string, ParsedTemplate>();

function parseTemplate(text: string): ParsedTemplate {
  let parsed = parsedTemplates.get(text);
  if (!parsed) {
    const parts: string[] = [];
    const exprs: string[] = [];
    let last = 0;
    for (const m of text.matchAll(templatePattern)) {
      parts.push(text.slice(last, m.index));
      exprs.push((m[1] as string).trim());
      last = (m.index ?? 0) + m[0].length;
    }
    parts.push(text.slice(last));
    parsed = { whole: wholeTemplateExpression(text), parts, exprs };
    if (parsedTemplates.size >= cacheLimit) parsedTemplates.clear();
    parsedTemplates.set(text, parsed);
  }
  return parsed;
}

function asText(v: unknown): string {
  return v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * A template whose expression has no value: `{{ input.order }}` when the input has no
 * `order`. It is an error rather than a blank, unless the template says its default with
 * JSONata's `??` (`{{ input.order ?? "n/a" }}`). `path` is where it sits in the param value,
 * filled in on the way out.
 */
class MissingValue extends Error {
  readonly path: PropertyKey[] = [];
  constructor(
    readonly expression: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** The value, or a MissingValue naming what is missing when the expression gave none. */
function present(value: unknown, expression: string, context: unknown): unknown {
  if (value !== undefined) return value;
  throw new MissingValue(expression, missingDetail(expression, context));
}

/** "input has no \"order\"" for a plain path; "has no value" for anything else. */
function missingDetail(expression: string, context: unknown): string {
  const path = plainPath(expression);
  if (path === null) return 'has no value';
  let value = context;
  for (let i = 0; i < path.length; i++) {
    const name = path[i] as string;
    const at = path.slice(0, i).join('.');
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, name)) {
      return at ? `is missing: ${at} has no "${name}"` : `is missing: there is no "${name}"`;
    }
    value = (value as Record<string, unknown>)[name];
  }
  return 'is missing';
}

/** Adds the key a value sat under to a MissingValue passing through. */
function within(err: unknown, key: PropertyKey): unknown {
  if (err instanceof MissingValue) err.path.unshift(key);
  return err;
}

/** A MissingValue as the step error it is: not retried, naming the param and the default syntax. */
function asStepError(err: unknown): unknown {
  if (!(err instanceof MissingValue)) return err;
  const where = err.path.length > 0 ? `params.${err.path.join('.')}: ` : '';
  return nonRetriable('MISSING_VALUE', `${where}{{ ${clip(err.expression)} }} ${err.detail} (give a default with {{ ${clip(err.expression)} ?? "…" }})`);
}

/**
 * Resolves templates in a param value: a string that is exactly one `{{ expr }}` becomes the
 * expression's value (any JSON type); templates inside longer text are interpolated as text
 * (objects as JSON, null as empty). Objects and arrays are walked; other values stay. An
 * expression with no value at all is a MISSING_VALUE error naming the param, unless the
 * template gives a default (`{{ a.b ?? "x" }}`).
 * At once when no expression needs JSONata, else a promise; failures are rejections.
 */
export function resolveTemplates(value: unknown, context: unknown, skipKeys?: ReadonlySet<string>): unknown {
  let now: unknown;
  try {
    now = resolveNow(value, context, skipKeys);
  } catch (err) {
    return Promise.reject(asStepError(err));
  }
  return now === jsonataDecides
    ? resolveLater(value, context, skipKeys).catch((err: unknown) => {
        throw asStepError(err);
      })
    : now;
}

function resolveNow(value: unknown, context: unknown, skipKeys?: ReadonlySet<string>): unknown {
  if (typeof value === 'string') {
    if (!hasTemplate(value)) return value;
    const t = parseTemplate(value);
    if (t.whole !== undefined) {
      const v = evaluateNow(t.whole, context);
      return v === jsonataDecides ? v : present(v, t.whole, context);
    }
    let out = t.parts[0] as string;
    for (let i = 0; i < t.exprs.length; i++) {
      const v = evaluateNow(t.exprs[i] as string, context);
      if (v === jsonataDecides) return v;
      out += asText(present(v, t.exprs[i] as string, context)) + (t.parts[i + 1] as string);
    }
    return out;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      let v: unknown;
      try {
        v = resolveNow(value[i], context);
      } catch (err) {
        throw within(err, i);
      }
      if (v === jsonataDecides) return v;
      out.push(v);
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) {
      let v: unknown;
      try {
        v = skipKeys?.has(k) ? item : resolveNow(item, context);
      } catch (err) {
        throw within(err, k);
      }
      if (v === jsonataDecides) return v;
      out[k] = v;
    }
    return out;
  }
  return value;
}

async function resolveLater(value: unknown, context: unknown, skipKeys?: ReadonlySet<string>): Promise<unknown> {
  if (typeof value === 'string') {
    if (!hasTemplate(value)) return value;
    const t = parseTemplate(value);
    if (t.whole !== undefined) return present(await evaluate(t.whole, context), t.whole, context);
    let out = t.parts[0] as string;
    for (let i = 0; i < t.exprs.length; i++) out += asText(present(await evaluate(t.exprs[i] as string, context), t.exprs[i] as string, context)) + (t.parts[i + 1] as string);
    return out;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      try {
        out.push(await resolveLater(value[i], context));
      } catch (err) {
        throw within(err, i);
      }
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      try {
        out[k] = skipKeys?.has(k) ? v : await resolveLater(v, context);
      } catch (err) {
        throw within(err, k);
      }
    }
    return out;
  }
  return value;
}

/** True when a value holds no template anywhere (then it needs no async resolution). */
export function isStatic(value: unknown): boolean {
  if (typeof value === 'string') return !hasTemplate(value);
  if (Array.isArray(value)) return value.every(isStatic);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isStatic);
  return true;
}

/** Expression params may be written bare (`a > 1`) or as one template (`{{ a > 1 }}`). */
export function bareExpression(text: string): string {
  return wholeTemplateExpression(text) ?? text.trim();
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
