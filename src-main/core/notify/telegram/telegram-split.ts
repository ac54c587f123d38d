/** Telegram's longest message text (Bot API sendMessage: 1-4096 characters). */
export const telegramMaxMessageLength = 4096;

interface Atom {
  text: string;
  /** An opening tag's name; the closing tag's name after a slash. */
  tag?: { name: string; closing: boolean };
}

interface Cut {
  /** Atoms taken into the part (the newline it cuts at is dropped). */
  end: number;
  /** Where the next part starts. */
  next: number;
  /** The tags open at the cut, outermost first. */
  open: Atom[];
}

/**
 * Splits Telegram HTML into messages of at most `limit` characters (UTF-16 units, as Telegram
 * counts; measured on the HTML itself, which is never shorter than the text Telegram counts),
 * preferring line ends. A part never ends inside a tag, an entity or a surrogate pair; a tag
 * still open where a part ends is closed there and opened again at the start of the next, so
 * each part parses on its own.
 */
export function splitTelegramHtml(html: string, limit = telegramMaxMessageLength): string[] {
  const atoms = atomize(html);
  const parts: string[] = [];
  let start = 0;
  let open: Atom[] = [];
  while (start < atoms.length) {
    const cut = nextCut(atoms, start, open, limit);
    const body = atoms.slice(start, cut.end).map((a) => a.text).join('');
    const part = open.map((a) => a.text).join('') + body + closers(cut.open);
    if (body.trim() !== '') parts.push(part);
    start = cut.next;
    open = cut.open;
  }
  return parts.length > 0 ? parts : [html];
}

function nextCut(atoms: Atom[], start: number, reopened: Atom[], limit: number): Cut {
  let open = [...reopened];
  let length = open.reduce((n, a) => n + a.text.length, 0);
  let lastLineEnd: Cut | undefined;
  for (let i = start; i < atoms.length; i++) {
    const atom = atoms[i]!;
    const after = withTag(open, atom);
    const fits = length + atom.text.length + closers(after).length <= limit;
    if (!fits && i > start) return lastLineEnd ?? { end: i, next: i, open };
    if (atom.text === '\n' && i > start) lastLineEnd = { end: i, next: i + 1, open };
    length += atom.text.length;
    open = after;
  }
  return { end: atoms.length, next: atoms.length, open };
}

function withTag(open: Atom[], atom: Atom): Atom[] {
  if (!atom.tag) return open;
  if (!atom.tag.closing) return [...open, atom];
  const at = open.map((a) => a.tag?.name).lastIndexOf(atom.tag.name);
  return at < 0 ? open : open.slice(0, at);
}

function closers(open: Atom[]): string {
  return open
    .map((a) => `</${a.tag!.name}>`)
    .reverse()
    .join('');
}

/** Tags, entities and single characters (a surrogate pair stays whole): the places a part may not be cut inside. */
function atomize(html: string): Atom[] {
  const atoms: Atom[] = [];
  const pattern = /<(\/?)([a-z-]+)[^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|[\s\S]/giu;
  for (const m of html.matchAll(pattern)) {
    atoms.push(m[2] ? { text: m[0], tag: { name: m[2].toLowerCase(), closing: m[1] === '/' } } : { text: m[0] });
  }
  return atoms;
}
