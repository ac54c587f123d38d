import type { Locator } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { api, startTarget } from './api';
import { chain } from '../helpers/workflows/documents';
import { startTargets } from './guardian-data';

/** One sentence per class, the same wherever a class badge is shown. */
const meaning = {
  A: /^Class A runs: .*never wait/,
  B: /^Class B runs after your approval in pre-launch/,
  C: /^Class C always asks/,
} as const;

async function expectExplained(badge: Locator, cls: keyof typeof meaning): Promise<void> {
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAccessibleName(`Class ${cls}`);
  await expect(badge).toHaveAccessibleDescription(meaning[cls]);
  await expect(badge).toHaveAttribute('title', meaning[cls]);
}

test('a class badge explains its class on hover and to screen readers: canvas, palette, run view, approvals inbox, healing plan', async ({ page, server }) => {
  test.setTimeout(60_000);
  const target = await startTarget();
  const targets = await startTargets();
  try {
    const steps = [
      { id: 'fetch', type: 'http.request', params: { url: `${target.url}/stock` } },
      { id: 'tell', type: 'http.request', params: { method: 'POST', url: `${target.url}/hook`, body: '{ "ok": true }' } },
    ];
    const wf = await api<{ id: string }>(server, 'workflows.import', { workflow: chain(steps, { name: 'Explained' }) });
    // pre-launch: the POST waits for an approval
    const run = await api<{ runId: string }>(server, 'workflows.run', { id: wf.id, wait: true });
    const down = await api<{ id: string }>(server, 'guardian.addMonitor', { type: 'http', name: 'Shop', url: targets.url('/down'), intervalSeconds: 3600 });
    await api(server, 'guardian.check', { id: down.id });

    await openApp(page, server);
    // the editor: the canvas nodes and the palette
    await page.goto(`${server.baseUrl}#/workflows/${wf.id}`);
    await expectExplained(page.getByTestId('node-fetch').getByRole('img', { name: /^Class/ }), 'A');
    await expectExplained(page.getByTestId('node-tell').getByRole('img', { name: /^Class/ }), 'B');
    await expectExplained(page.getByTestId('palette-class-approval'), 'C');

    // the run view: the node and the step's detail
    await page.goto(`${server.baseUrl}#/workflows/${wf.id}/runs/${run.runId}`);
    await expectExplained(page.getByTestId('run-approval-class'), 'B');
    await page.getByTestId('step-fetch').click();
    await expectExplained(page.getByTestId('node-detail-class'), 'A');

    // the approvals inbox
    await page.goto(`${server.baseUrl}#/approvals`);
    await expectExplained(page.getByTestId('approval-class').first(), 'B');

    // the healing plan of the DOWN monitor: a re-check is Class A
    await page.goto(`${server.baseUrl}#/guardian`);
    await expectExplained(page.getByTestId('healing-class').first(), 'A');
  } finally {
    await target.close();
    await targets.close();
  }
});
