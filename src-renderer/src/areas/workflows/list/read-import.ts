/** What the Import button does with a chosen file, before asking the API anything. */
export type ImportRead = { ok: true; document: unknown } | { ok: false; message: string };

/** Parses the file's text; a file that is not JSON gets the parser's reason and the file name. */
export function readImport(fileName: string, text: string): ImportRead {
  if (text.trim() === '') return { ok: false, message: `${fileName}: the file is empty` };
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, message: `${fileName}: not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** A workflow file is a JSON object; anything else goes to the editor to be shown with its problems. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
