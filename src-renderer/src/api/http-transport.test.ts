import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LevqorError } from '../../../shared/contract';
import { createHttpTransport } from './http-transport';

/** A tiny server speaking the `levqor serve` wire format (POST /api/<name>, JSON in and out). */
let server: Server;
let base: string;
const seen: { url: string; type: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', type: req.headers['content-type'], body });
      const reply = (status: number, value: unknown, raw?: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(raw ?? JSON.stringify(value));
      };
      if (req.url === '/api/app.info') return reply(200, { version: '1' });
      if (req.url === '/api/settings.set') return reply(400, { error: { code: 'BAD_INPUT', message: 'value: bad', field: 'value' } });
      if (req.url === '/api/stage.get') return reply(401, undefined, 'Unauthorized');
      return reply(500, undefined, '<html>oops</html>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('http transport', () => {
  it('POSTs the input as JSON to /api/<procedure> and returns the body', async () => {
    await expect(createHttpTransport(base).call('app.info', {})).resolves.toEqual({ version: '1' });
    expect(seen.at(-1)).toEqual({ url: '/api/app.info', type: 'application/json', body: '{}' });
  });

  it('throws the contract error with its field', async () => {
    const err = await createHttpTransport(base).call('settings.set', { key: 'logLevel', value: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LevqorError);
    expect((err as LevqorError).toJSON()).toEqual({ code: 'BAD_INPUT', message: 'value: bad', field: 'value' });
  });

  it('maps a bare 401 to UNAUTHORIZED and a non-JSON 500 to INTERNAL', async () => {
    await expect(createHttpTransport(base).call('stage.get', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(createHttpTransport(base).call('secrets.status', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('reports an unreachable server as UNAVAILABLE', async () => {
    await expect(createHttpTransport('http://127.0.0.1:1/api').call('app.info', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
