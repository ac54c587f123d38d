/**
 * Groups repeated messages as Sentry does: the variable parts (UUIDs, hex, quoted strings,
 * ids, numbers) are replaced by placeholders, and the level plus that template is hashed.
 * `GET /items/42 took 13 ms` and `GET /items/7 took 250 ms` share a fingerprint.
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexLetter(c: number): boolean {
  return (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A word (run of letters, digits, _ and -) as its placeholder, or with its digit runs as <n>. */
function word(token: string): string {
  const n = token.length;
  if (n === 36 && uuidPattern.test(token)) return '<uuid>';
  let digits = 0;
  let letters = 0;
  let hexOnly = true;
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (isLetter(c)) {
      letters++;
      if (!isHexLetter(c)) hexOnly = false;
    } else hexOnly = false;
  }
  if (digits === 0) return token;
  if (letters === 0 && digits === n) return '<n>';
  if (n > 2 && token.charCodeAt(0) === 48 && (token.charCodeAt(1) | 32) === 120 && /^0x[0-9a-f]+$/i.test(token)) return '<hex>';
  if (n >= 8 && hexOnly && letters > 0) return '<hex>';
  if (n >= 8 && letters > 0 && token.charCodeAt(0) !== 45) return '<id>';
  return token.replace(/\d+/g, '<n>');
}

/** Receives a template as it is scanned: ranges copied from the message, and placeholders. */
interface TemplateSink {
  /** Characters of template received so far. */
  length: number;
  range(message: string, from: number, to: number): void;
  text(s: string): void;
}

const maxTemplate = 500;

/**
 * The scanner behind templates and fingerprints: one pass, no backtracking. Text that stays
 * as it is (words without digits, punctuation, single spaces) goes to the sink as ranges of the
 * message, so a fingerprint is hashed without building the template string.
 */
function scanTemplate(message: string, sink: TemplateSink): void {
  // message[runStart, runEnd) is owed to the sink, sent as one range when something replaced follows
  let runStart = 0;
  let runEnd = 0;
  let space = false;
  const n = message.length;
  let i = 0;
  while (i < n && sink.length + (runEnd - runStart) < maxTemplate) {
    const c = message.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      space = sink.length + (runEnd - runStart) > 0;
      i++;
      continue;
    }
    if (space) {
      space = false;
      // one plain space after copied text is copied with it; anything else collapses to ' '
      if (runEnd === i - 1 && message.charCodeAt(i - 1) === 32) runEnd = i;
      else {
        if (runEnd > runStart) sink.range(message, runStart, runEnd);
        sink.text(' ');
        runStart = runEnd = i;
      }
    }
    let replaced: string | undefined;
    let j = i + 1;
    if (c === 34 || c === 39 || c === 96) {
      // a quoted string up to its closing quote on the same line
      let k = i + 1;
      while (k < n) {
        const d = message.charCodeAt(k);
        if (d === 92 && c !== 96) k += 2;
        else if (d === c || d === 10) break;
        else k++;
      }
      if (k < n && message.charCodeAt(k) === c) {
        replaced = '<str>';
        j = k + 1;
      }
    } else if (isWordChar(c)) {
      let digits = isDigit(c);
      let allDigits = digits;
      while (j < n) {
        const d = message.charCodeAt(j);
        if (!isWordChar(d)) break;
        if (isDigit(d)) digits = true;
        else allDigits = false;
        j++;
      }
      if (digits) {
        let token: string | undefined;
        // 13.5: a decimal number is one number
        if (j + 1 < n && message.charCodeAt(j) === 46 && isDigit(message.charCodeAt(j + 1)) && isDigit(message.charCodeAt(j - 1))) {
          let k = j + 1;
          while (k < n && isDigit(message.charCodeAt(k))) k++;
          if (k >= n || !isWordChar(message.charCodeAt(k))) {
            if (!allDigits) token = message.slice(i, j).replace(/\d+$/, '0');
            j = k;
          }
        }
        // digits alone (the common case) need no closer look
        replaced = allDigits ? '<n>' : word(token ?? message.slice(i, j));
      }
    }
    if (replaced !== undefined) {
      if (runEnd > runStart) sink.range(message, runStart, runEnd);
      sink.text(replaced);
      runStart = runEnd = j;
    } else if (runEnd === i) runEnd = j;
    else {
      if (runEnd > runStart) sink.range(message, runStart, runEnd);
      runStart = i;
      runEnd = j;
    }
    i = j;
  }
  if (runEnd > runStart) sink.range(message, runStart, runEnd);
}

class StringSink implements TemplateSink {
  out = '';
  length = 0;
  range(message: string, from: number, to: number): void {
    this.out += message.slice(from, to);
    this.length += to - from;
  }
  text(s: string): void {
    this.out += s;
    this.length += s.length;
  }
}

/**
 * The message with its variable parts replaced (UUIDs, quoted strings, hex, ids, numbers),
 * whitespace collapsed, at most 500 chars.
 */
export function messageTemplate(message: string): string {
  const sink = new StringSink();
  scanTemplate(message, sink);
  return sink.out.length > maxTemplate ? sink.out.slice(0, maxTemplate) : sink.out;
}

/** 64-bit hash (two 32-bit lanes, cyrb53-style mixing) as 16 hex characters. */
export function hash64(text: string): string {
  const h = new HashSink();
  for (let i = 0; i < text.length; i++) h.add(text.charCodeAt(i));
  return h.hex();
}

/** hash64 of `level \0 template`, fed as the template is scanned (its first 500 chars only). */
class HashSink implements TemplateSink {
  length = 0;
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  start(level: string): void {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
    this.length = 0;
    for (let i = 0; i < level.length; i++) this.add(level.charCodeAt(i));
    this.add(0);
  }

  add(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 2654435761);
    this.h2 = Math.imul(this.h2 ^ c, 1597334677);
  }

  // the lanes in locals while a run of characters is hashed: a field write per character costs more
  range(message: string, from: number, to: number): void {
    const end = Math.min(to, from + maxTemplate - this.length);
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = from; i < end; i++) {
      const c = message.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.length += to - from;
  }

  text(s: string): void {
    this.range(s, 0, s.length);
  }

  /** The final mix; the lanes as two numbers, then as hex. */
  finish(): [number, number] {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return [h1 >>> 0, h2 >>> 0];
  }

  hex(): string {
    const [h1, h2] = this.finish();
    return toHex(h1, h2);
  }
}

function toHex(h1: number, h2: number): string {
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}

/** Templates repeat far more than messages do: the hex of a hash seen before is reused. */
const hexCache = new Map<number, { h2: number; hex: string }>();
const cacheLimit = 20_000;
const sink = new HashSink();

export function fingerprintOf(level: string, message: string): string {
  sink.start(level);
  scanTemplate(message, sink);
  const [h1, h2] = sink.finish();
  const hit = hexCache.get(h1);
  if (hit !== undefined && hit.h2 === h2) return hit.hex;
  const hex = toHex(h1, h2);
  if (hexCache.size >= cacheLimit) hexCache.clear();
  hexCache.set(h1, { h2, hex });
  return hex;
}
