import type { Page } from '@playwright/test';
import { callAsPage, expect, openApp, test } from './fixtures';
import type { LevqorServer } from './server-process';

async function call(page: Page, server: LevqorServer, procedure: string, data: unknown) {
  const res = await callAsPage(page, server, procedure, data);
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
  return res.json();
}

const flow = (name: string) => ({ workflow: { name, trigger: { type: 'manual' }, nodes: [{ id: 't', type: 'transform', params: { expression: '{"ok": true}' } }], edges: [] } });

test('restoring the app\u2019s data from a snapshot in the Backups area: asked, approved in the inbox, the app restarts on the old data', async ({ page, server }) => {
  test.setTimeout(90_000);
  await openApp(page, server, 'backups');
  await call(page, server, 'backup.pageAddPlan', { name: 'business', repository: { kind: 'appData' }, password: 'long-enough-restore' });
  await call(page, server, 'workflows.save', flow('Kept from the snapshot'));
  const backup = await call(page, server, 'backup.run', { plan: 'business', wait: true });
  expect(backup.status).toBe('succeeded');
  await call(page, server, 'workflows.save', flow('Made after the snapshot'));

  await page.reload();
  await page.getByTestId('snapshot-browse').first().click();
  await page.getByTestId('snapshot-restore-app').click();
  const dialog = page.getByTestId('restore-app-dialog');
  await expect(dialog).toContainText('levqor-pre-restore');
  await dialog.getByTestId('restore-app-submit').click();
  await expect(dialog.getByTestId('restore-app-asked')).toContainText('Approval requested (Class C)');
  await dialog.getByRole('link', { name: 'Approvals inbox' }).click();

  const item = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
  await expect(item).toContainText(`Restore the app\u2019s data from snapshot ${backup.snapshotId}`);
  await expect(item.getByTestId('approval-class')).toHaveText('Class C');
  await item.getByRole('button', { name: 'Approve' }).click();
  await item.getByRole('button', { name: 'Confirm approve' }).click();

  // the core restarts under the page; once it is back, the approval says what happened
  await expect
    .poll(
      async () => {
        const res = await callAsPage(page, server, 'approvals.list', { kind: 'backup.restoreApp' }).catch(() => undefined);
        return res?.ok() ? ((await res.json()).approvals[0]?.outcome?.message ?? '') : '';
      },
      { timeout: 45_000, intervals: [500] },
    )
    .toMatch(new RegExp(`^restored snapshot ${backup.snapshotId} of business`));
  await page.goto(`${server.baseUrl}#/workflows`);
  await expect(page.getByRole('main')).toContainText('Kept from the snapshot');
  await expect(page.getByRole('main')).not.toContainText('Made after the snapshot');
  await page.goto(`${server.baseUrl}#/backups`);
  await expect(page.getByTestId('snapshot-list')).toContainText('levqor-pre-restore');
});
