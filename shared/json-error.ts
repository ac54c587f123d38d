/**
 * Why text did not parse as JSON, without quoting it. V8's own messages quote the start of
 * the text, and the text may be any file on the machine (a key file, /etc/shadow): an error
 * that reaches the founder, a log or the API names the place, never the content.
 */
export function jsonSyntaxReason(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return `is not valid JSON (line ${lineColumn[1]}, column ${lineColumn[2]})`;
  const position = /at position (\d+)/.exec(message);
  if (position) return `is not valid JSON (at character ${Number(position[1]) + 1})`;
  return /end of JSON input/i.test(message) ? 'is not valid JSON (it ends too early)' : 'is not valid JSON';
}
