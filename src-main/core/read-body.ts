/**
 * A response body as UTF-8 text, read until it ends or passes `limit` bytes. Past the limit
 * the rest is not downloaded and `cut` is true; the text then holds the chunks read so far.
 */
export async function readBodyUpTo(res: Response, limit: number): Promise<{ text: string; cut: boolean }> {
  if (!res.body) return { text: '', cut: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      cut = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), cut };
}
