/**
 * JSONata's most common shapes — literals, dotted paths, arithmetic, comparisons, and/or,
 * `&`, `? :`, parentheses and object constructors with literal keys — compiled from JSONata's own syntax
 * tree into plain closures, so `{ 'n': input.n * 2 }` costs no async evaluation. A closure
 * answers exactly what JSONata would, or `jsonataDecides` whenever JSONata's answer could
 * differ (an array, a non-finite number, a type error, a value it casts by its own rules):
 * then JSONata evaluates the expression. expression-subset.property.test.ts holds it to that.
 */
export const jsonataDecides = Symbol('JSONata decides');

export type SubsetFn = (context: unknown) => unknown;

interface Node {
  type: string;
  value?: unknown;
  position?: number;
  lhs?: unknown;
  rhs?: Node;
  steps?: Node[];
  expression?: Node;
  condition?: Node;
  expressions?: Node[];
  then?: Node;
  else?: Node;
}

/** Keys a node may carry and still be compiled; anything else (predicates, stages, groups, flags) is JSONata's. */
const allowedKeys: Record<string, ReadonlySet<string>> = {
  string: new Set(['type', 'value', 'position']),
  number: new Set(['type', 'value', 'position']),
  value: new Set(['type', 'value', 'position']),
  name: new Set(['type', 'value', 'position']),
  path: new Set(['type', 'steps']),
  binary: new Set(['type', 'value', 'position', 'lhs', 'rhs']),
  unary: new Set(['type', 'value', 'position', 'lhs', 'expression']),
  condition: new Set(['type', 'position', 'condition', 'then', 'else']),
  block: new Set(['type', 'position', 'expressions']),
};

function onlyAllowedKeys(node: Node): boolean {
  const allowed = allowedKeys[node.type];
  return allowed !== undefined && Object.keys(node).every((k) => allowed.has(k));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** JSONata's effective boolean for the values handled here; jsonataDecides for the rest. */
function truth(v: unknown): boolean | typeof jsonataDecides {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > 0;
  if (isFiniteNumber(v)) return v !== 0;
  return jsonataDecides;
}

const isPrimitive = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || isFiniteNumber(v);

/** The compiled closure, or null when the tree uses anything outside the subset. */
export function compileSubset(node: Node): SubsetFn | null {
  if (node === null || typeof node !== 'object' || !onlyAllowedKeys(node)) return null;
  switch (node.type) {
    case 'string':
    case 'number':
    case 'value': {
      const v = node.value;
      if (typeof v === 'number' && !Number.isFinite(v)) return null;
      return () => v;
    }
    case 'path':
      return path(node);
    case 'binary':
      return binary(node);
    case 'unary':
      return node.value === '-' ? negate(node) : node.value === '{' ? objectConstructor(node) : null;
    case 'condition':
      return condition(node);
    case 'block':
      // parentheses around one expression: a scope for variables, which the subset has none of
      return node.expressions?.length === 1 ? compileSubset(node.expressions[0] as Node) : null;
    default:
      return null;
  }
}

function path(node: Node): SubsetFn | null {
  const steps = node.steps;
  if (!Array.isArray(steps) || steps.length === 0) return null;
  const names: string[] = [];
  for (const step of steps) {
    if (step.type !== 'name' || !onlyAllowedKeys(step) || typeof step.value !== 'string') return null;
    names.push(step.value);
  }
  return (context) => walkPath(names, context);
}

/**
 * A dotted path over plain objects, as JSONata reads it (own properties only), or
 * jsonataDecides when anything but a plain object is met along it or at its end: JSONata maps
 * over arrays and has its own rules for other objects.
 */
export function walkPath(names: readonly string[], context: unknown): unknown {
  let value = context;
  for (const name of names) {
    if (!isPlainObject(value)) return jsonataDecides;
    if (!Object.prototype.hasOwnProperty.call(value, name)) return undefined;
    value = value[name];
    if (value === undefined) return undefined;
  }
  if (value !== null && typeof value === 'object' && !isPlainObject(value)) return jsonataDecides;
  if (typeof value === 'function') return jsonataDecides;
  return value;
}

function negate(node: Node): SubsetFn | null {
  const inner = node.expression ? compileSubset(node.expression) : null;
  if (!inner) return null;
  return (context) => {
    const v = inner(context);
    if (v === undefined) return undefined;
    return isFiniteNumber(v) ? -v : jsonataDecides;
  };
}

function arithmetic(op: string, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    default:
      return l % r;
  }
}

/** Both operands, left first; JSONata decides as soon as either side does. */
function bothSides(lhs: SubsetFn, rhs: SubsetFn, combine: (l: unknown, r: unknown) => unknown): SubsetFn {
  return (context) => {
    const l = lhs(context);
    if (l === jsonataDecides) return l;
    const r = rhs(context);
    return r === jsonataDecides ? r : combine(l, r);
  };
}

function numeric(op: string) {
  return (l: unknown, r: unknown) => {
    // a type error, or a non-finite operand, is JSONata's to report
    if ((l !== undefined && !isFiniteNumber(l)) || (r !== undefined && !isFiniteNumber(r))) return jsonataDecides;
    if (l === undefined || r === undefined) return undefined;
    const out = arithmetic(op, l as number, r as number);
    return Number.isFinite(out) ? out : jsonataDecides;
  };
}

function equality(op: string) {
  return (l: unknown, r: unknown) => {
    if (l === undefined || r === undefined) return false;
    if (!isPrimitive(l) || !isPrimitive(r)) return jsonataDecides;
    return op === '=' ? l === r : l !== r;
  };
}

function comparison(op: string) {
  return (l: unknown, r: unknown) => {
    const lt = typeof l;
    const rt = typeof r;
    if ((lt !== 'undefined' && lt !== 'string' && !isFiniteNumber(l)) || (rt !== 'undefined' && rt !== 'string' && !isFiniteNumber(r))) return jsonataDecides;
    if (l === undefined || r === undefined) return undefined;
    if (lt !== rt) return jsonataDecides;
    const a = l as number | string;
    const b = r as number | string;
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  };
}

function concatenation(l: unknown, r: unknown): unknown {
  // JSONata's $string has its own number and object formatting
  if ((l !== undefined && typeof l !== 'string') || (r !== undefined && typeof r !== 'string')) return jsonataDecides;
  return ((l as string | undefined) ?? '') + ((r as string | undefined) ?? '');
}

function binary(node: Node): SubsetFn | null {
  const op = node.value as string;
  const lhs = compileSubset(node.lhs as Node);
  const rhs = node.rhs ? compileSubset(node.rhs) : null;
  if (!lhs || !rhs) return null;
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return bothSides(lhs, rhs, numeric(op));
    case '=':
    case '!=':
      return bothSides(lhs, rhs, equality(op));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return bothSides(lhs, rhs, comparison(op));
    case '&':
      return bothSides(lhs, rhs, concatenation);
    case 'and':
    case 'or':
      // the right side only when the left does not decide
      return (context) => {
        const l = lhs(context);
        if (l === jsonataDecides) return l;
        const lt = truth(l);
        if (lt === jsonataDecides) return lt;
        if (op === 'and' ? !lt : lt) return lt;
        const r = rhs(context);
        return r === jsonataDecides ? r : truth(r);
      };
    default:
      return null;
  }
}

function condition(node: Node): SubsetFn | null {
  const test = node.condition ? compileSubset(node.condition) : null;
  const then = node.then ? compileSubset(node.then) : null;
  const otherwise = node.else === undefined ? undefined : compileSubset(node.else);
  if (!test || !then || otherwise === null) return null;
  return (context) => {
    const c = test(context);
    if (c === jsonataDecides) return c;
    const t = truth(c);
    if (t === jsonataDecides) return t;
    return t ? then(context) : otherwise ? otherwise(context) : undefined;
  };
}

function objectConstructor(node: Node): SubsetFn | null {
  const pairs = node.lhs;
  if (!Array.isArray(pairs)) return null;
  const keys: string[] = [];
  const values: SubsetFn[] = [];
  for (const pair of pairs as [Node, Node][]) {
    const [key, value] = pair;
    // computed, repeated or reserved keys are JSONata's (it groups, or reports an error)
    if (key?.type !== 'string' || !onlyAllowedKeys(key) || typeof key.value !== 'string') return null;
    if (keys.includes(key.value) || key.value === '_jsonata_lambda' || key.value === '_jsonata_function') return null;
    const fn = compileSubset(value);
    if (!fn) return null;
    keys.push(key.value);
    values.push(fn);
  }
  return (context) => {
    // over an array JSONata groups its items
    if (Array.isArray(context)) return jsonataDecides;
    // as JSONata builds it: no prototype, so any key is just a key
    const out = Object.create(null) as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const v = (values[i] as SubsetFn)(context);
      if (v === jsonataDecides) return v;
      if (v !== undefined) out[keys[i] as string] = v;
    }
    return out;
  };
}
