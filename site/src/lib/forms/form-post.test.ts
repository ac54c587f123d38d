import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { formBodyLimitBytes, leadFormSchema } from '../../../../shared/site-forms';
import { handleFormPost } from './form-post';
import { insertLead } from './form-rows';

const savedUrl = process.env.DATABASE_URL;
afterEach(() => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

let address = 0;
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  handleFormPost(new Request('http://site.test/api/forms/lead', { method: 'POST', body, headers: { 'x-forwarded-for': `198.51.100.${++address}`, ...headers }, duplex: 'half' } as RequestInit), leadFormSchema, insertLead, 'a lead');

/** A port nothing listens on: a database that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const lead = JSON.stringify({ email: 'ada@example.com', consent: true, locale: 'en' });

describe('a form post on the server', () => {
  it('a database that does not answer: "could not be sent" (503), and without DATABASE_URL the same', async () => {
    process.env.DATABASE_URL = `postgres://postgres:pw@127.0.0.1:${await closedPort()}/postgres`;
    const down = await post(lead);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, errors: [{ field: 'form', code: 'unavailable' }] });
    delete process.env.DATABASE_URL;
    expect((await post(lead)).status).toBe(503);
  });

  it('a body over 10 KB is refused even when it does not say its length, and exactly 10 KB is read', async () => {
    const over = new TextEncoder().encode('x'.repeat(formBodyLimitBytes + 1));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < over.length; i += 1024) controller.enqueue(over.slice(i, i + 1024));
        controller.close();
      },
    });
    const refused = await post(stream);
    expect(refused.status).toBe(413);
    // at the limit the body is read (and refused only as not JSON)
    const atLimit = await post('x'.repeat(formBodyLimitBytes));
    expect(await atLimit.json()).toEqual({ ok: false, errors: [{ field: 'form', code: 'invalid' }] });
  });
});
