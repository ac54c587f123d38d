/** Text typed on the command line or a page is read as JSON; anything else is checked as it is. */
export function jsonFromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
