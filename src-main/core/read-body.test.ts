import { describe, expect, it } from 'vitest';
import { readBodyUpTo } from './read-body';

/** A response whose body arrives in these chunks; `pulled` counts the chunks read from it. */
function chunked(chunks: string[]) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[state.pulled++];
      if (next === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(next));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { res: new Response(body), state };
}

describe('readBodyUpTo', () => {
  it('reads a body up to the limit whole', async () => {
    const { res, state } = chunked(['héllo ', 'world']);
    expect(await readBodyUpTo(res, 12)).toEqual({ text: 'héllo world', cut: false });
    expect(state.cancelled).toBe(false);
  });

  it('stops at the first chunk past the limit, cancels the rest and says so', async () => {
    const { res, state } = chunked(['aaaa', 'bbbb', 'cccc', 'dddd']);
    expect(await readBodyUpTo(res, 6)).toEqual({ text: 'aaaabbbb', cut: true });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(4);
  });

  it('reads no body as empty text', async () => {
    expect(await readBodyUpTo(new Response(null), 10)).toEqual({ text: '', cut: false });
  });
});
