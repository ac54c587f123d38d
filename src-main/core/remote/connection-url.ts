/**
 * The remote's connection URL (secret database.url) and the one rule for what of it may be
 * said: nothing. Driver and server messages quote its pieces (user, database, host, the
 * `options` parameter...), so every such message passes through `scrubConnectionUrl` before
 * it becomes an error, a status, an event or a log line.
 */

export function parsePostgresUrl(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:' ? parsed : undefined;
}

type Piece = 'database.url' | 'user' | 'database' | 'host' | 'port' | 'option' | 'password';

/** Everyone's port is no fingerprint. */
const defaultPort = '5432';
/** Nor is a piece this short, and hiding it would shred the sentence around it; the password is hidden whatever its length. */
const minLength = 3;

function decoded(text: string, plusIsSpace = false): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}

/** Each piece as written and as decoded; a parameter value also word by word (`-c name=value`). */
function pieces(url: URL): Array<[Piece, string]> {
  const out: Array<[Piece, string]> = [];
  const add = (piece: Piece, raw: string, plusIsSpace = false) => out.push([piece, raw], [piece, decoded(raw, plusIsSpace)]);
  add('user', url.username);
  add('database', url.pathname.slice(1));
  add('host', url.hostname);
  add('host', url.hostname.replace(/^\[|\]$/g, ''));
  if (url.port !== defaultPort) add('port', url.port);
  for (const pair of url.search.slice(1).split('&')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const raw = pair.slice(at + 1);
    add('option', raw, true);
    for (const word of decoded(raw, true).split(/[\s=,'"]+/)) out.push(['option', word]);
  }
  add('password', url.password);
  return out.filter(([piece, value]) => value.length >= (piece === 'password' ? 1 : minLength));
}

/**
 * `text` with every piece of `url` in it replaced by the piece's name ("[user]", "[database]"...),
 * case-insensitively, in one pass. A piece that is also another (user = database) takes the first name.
 */
export function scrubConnectionUrl(text: string, url: string | undefined): string {
  if (!url) return text;
  const parsed = parsePostgresUrl(url);
  const named = new Map<string, Piece>([[url.toLowerCase(), 'database.url']]);
  for (const [piece, value] of parsed ? pieces(parsed) : []) if (!named.has(value.toLowerCase())) named.set(value.toLowerCase(), piece);
  const longestFirst = [...named.keys()].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(longestFirst.join('|'), 'gi'), (match) => `[${named.get(match.toLowerCase()) ?? 'database.url'}]`);
}
