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

/**
 * The message with its variable parts replaced (UUIDs, quoted strings, hex, ids, numbers),
 * whitespace collapsed, at most 500 chars. A hand-written scanner: one pass, no backtracking.
 */
export function messageTemplate(message: string): string {
  let out = '';
  let space = false;
  const n = message.length;
  let i = 0;
  while (i < n && out.length < 500) {
    const c = message.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      space = out.length > 0;
      i++;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    if (c === 34 || c === 39 || c === 96) {
      // a quoted string up to its closing quote on the same line
      let j = i + 1;
      while (j < n) {
        const d = message.charCodeAt(j);
        if (d === 92 && c !== 96) j += 2;
        else if (d === c || d === 10) break;
        else j++;
      }
      if (j < n && message.charCodeAt(j) === c) {
        out += '<str>';
        i = j + 1;
        continue;
      }
      out += message[i];
      i++;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(message.charCodeAt(j))) j++;
      let token = message.slice(i, j);
      // 13.5: a decimal number is one number
      if (j + 1 < n && message.charCodeAt(j) === 46 && isDigit(message.charCodeAt(j + 1)) && isDigit(token.charCodeAt(token.length - 1))) {
        let k = j + 1;
        while (k < n && isDigit(message.charCodeAt(k))) k++;
        if (k >= n || !isWordChar(message.charCodeAt(k))) {
          token = token.replace(/\d+$/, '0');
          j = k;
        }
      }
      out += word(token);
      i = j;
      continue;
    }
    out += message[i];
    i++;
  }
  return out.slice(0, 500);
}

/** 64-bit hash (two 32-bit lanes, cyrb53-style mixing) as 16 hex characters. */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** Templates repeat far more than messages do: hashing is skipped for a template seen before. */
const cache = new Map<string, string>();
const cacheLimit = 20_000;

export function fingerprintOf(level: string, message: string): string {
  const key = level + '\u0000' + messageTemplate(message);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const fp = hash64(key);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, fp);
  return fp;
}
