/**
 * How deep JSON may nest when it enters the app. Parsers, validators and stores walk values
 * recursively; a document nested thousands of levels deep would exhaust their stacks. Real
 * inputs (workflows, telemetry meta, webhook bodies) stay far below this.
 */
export const maxJsonDepth = 64;

/**
 * Whether JSON text nests deeper than `max` arrays/objects. Counts brackets outside strings in
 * one pass over the characters, before anything parses it.
 */
export function jsonTextTooDeep(text: string, max = maxJsonDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/** The same rule for a value that arrived already parsed (IPC's structured clone). */
export function jsonValueTooDeep(value: unknown, max = maxJsonDepth): boolean {
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== 'object') return false;
    if (depth >= max) return true;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const child of children) if (walk(child, depth + 1)) return true;
    return false;
  };
  return walk(value, 0);
}

export const tooDeepMessage = (field: string): string => `${field}: nests deeper than ${maxJsonDepth} levels of arrays and objects`;
