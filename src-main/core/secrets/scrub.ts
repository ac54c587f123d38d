/** Pieces shorter than this are ordinary words ("type", "https"), and hiding them would shred the sentence. */
const minPiece = 8;

/**
 * `text` with nothing of the secret `value` in it: the whole value, and each run of letters,
 * digits and `-_.+/=` in it of 8 or more characters (a token, a key line, a password, a host),
 * replaced by "[secret]". For what a service says back about a value: an error that quotes a
 * token or a URL must not carry it to the page.
 */
export function scrubSecret(text: string, value: string): string {
  const pieces = new Set([value, ...(value.match(/[A-Za-z0-9\-_.+/=]+/g) ?? [])].filter((p) => p.length >= minPiece));
  const longestFirst = [...pieces].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return longestFirst.length === 0 ? text : text.replace(new RegExp(longestFirst.join('|'), 'g'), '[secret]');
}
