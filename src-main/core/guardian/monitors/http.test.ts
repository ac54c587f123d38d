import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { selfSignedCertificate, startHttpsTarget } from '../../../../tests/helpers/https-target';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { createCore } from '../..';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const certificate = selfSignedCertificate(5);
afterAll(() => rmSync(certificate.dir, { recursive: true, force: true }));

function core(trusted?: string[]) {
  const c = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'c'.repeat(64), LEVQOR_DATABASE_URL: '' }, logToFile: false, ...(trusted ? { monitorTrustedCertificates: trusted } : {}) });
  cleanups.push(() => c.close());
  return c;
}

describe('an HTTPS monitor\u2019s certificate (openssl makes a self-signed one)', () => {
  it('is read from the server on each check: valid to, issuer and subject', async () => {
    const target = await startHttpsTarget(certificate);
    cleanups.push(() => target.close());
    const c = core([certificate.cert]);
    const m = c.guardian.add({ type: 'http', url: target.url, name: 'shop' });
    expect(m.certificate).toBeNull();
    const checked = await c.guardian.checkOne(m.id);
    expect(checked).toMatchObject({ state: 'UP', lastMessage: 'HTTP 200', certificate: { issuer: 'Levqor Test', subject: 'localhost' } });
    const daysLeft = (checked.certificate!.validTo - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(4);
    expect(daysLeft).toBeLessThanOrEqual(5);
  });

  it('is not trusted unless the test says so: by default a self-signed server is DOWN and nothing is read', async () => {
    const target = await startHttpsTarget(certificate);
    cleanups.push(() => target.close());
    const c = core();
    const checked = await c.guardian.checkOne(c.guardian.add({ type: 'http', url: target.url }).id);
    expect(checked.state).toBe('DOWN');
    expect(checked.lastMessage).toMatch(/self[- ]signed/);
    expect(checked.certificate).toBeNull();
  });
});

describe('http monitors over plain HTTP', () => {
  it('follow redirects, and have no certificate', async () => {
    const server: Server = createServer((req, res) => {
      if (req.url === '/old') return void res.writeHead(301, { location: '/new' }).end();
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      res.writeHead(200).end('moved here');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const c = core();
    expect(await c.guardian.checkOne(c.guardian.add({ type: 'http', url: `${base}/old`, keyword: 'moved here' }).id)).toMatchObject({ state: 'UP', lastMessage: 'HTTP 200, keyword found', certificate: null });
    expect(await c.guardian.checkOne(c.guardian.add({ type: 'http', url: `${base}/loop` }).id)).toMatchObject({ state: 'DOWN', lastMessage: 'more than 10 redirects' });
    expect(await c.guardian.checkOne(c.guardian.add({ type: 'http', url: 'http://127.0.0.1:9/' }).id)).toMatchObject({ state: 'DOWN', lastMessage: expect.stringContaining('ECONNREFUSED') });
  });
});
