const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/**
 * The text of each element of a list answer's top-level `data` array, cut out of the answer as
 * sent: `{"object":"list","data":[{…},{…}],…}` gives the two objects' texts. An element with
 * whitespace outside its strings (an answer pretty-printed) is null, so the caller serialises
 * that one itself rather than store the padding. Null for text that is not such a list: the
 * caller then serialises every object.
 */
export function listItemTexts(text: string): Array<string | null> | null {
  let depth = 0;
  let i = 0;
  let inData = false; // inside the top-level `data` array (depth 2)
  let itemStart = -1;
  let itemCompact = true;
  let lastKeyWasData = false;
  const items: Array<string | null> = [];
  const end = text.length;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const close = stringEnd(text, i);
      if (close < 0 || (depth === 2 && inData)) return null; // a string in `data`: not a list of objects
      // a key of the top-level object is followed by a colon
      if (depth === 1) lastKeyWasData = close - i === 5 && text.startsWith('data', i + 1) && nextNonSpace(text, close + 1) === COLON;
      i = close + 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && c === OPEN_BRACKET && lastKeyWasData) inData = true;
      else if (depth === 3 && inData) {
        if (c !== OPEN_BRACE) return null;
        itemStart = i;
        itemCompact = true;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth < 0) return null;
      if (depth === 2 && inData) items.push(itemCompact ? text.slice(itemStart, i + 1) : null);
      else if (depth === 1 && inData) return items;
    } else if (isSpace(c)) {
      if (depth >= 3) itemCompact = false;
    } else if (depth === 2 && inData && c !== COMMA) {
      return null; // a number or literal in `data`: not a list of objects
    }
    i++;
  }
  return null;
}

/** The index of the quote that closes the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return -1;
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i < text.length ? text.charCodeAt(i) : -1;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
