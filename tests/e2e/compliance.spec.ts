import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, openApp, test } from './fixtures';
import { repoRoot } from './server-process';

/** A migrated data dir with one lead from ada@example.com, as the pipeline's pull stores it. */
function seedLead(dataDir: string): void {
  const out = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', dataDir, 'status'], { cwd: repoRoot, encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  const db = new Database(join(dataDir, 'levqor.db'));
  db.prepare("INSERT INTO pipeline_items (kind, id, created_at, remote_updated_at, email, name, stage, stage_times, pulled_at) VALUES ('lead', 'lead-ada', 1, 1, 'ada@example.com', 'Ada', 'new', '{}', 1)").run();
  db.close();
}

test('a subject request is filed, exported, erased through the approval inbox with its proof; the data map covers every table', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  seedLead(levqor.dataDir);
  const server = await levqor.start();
  await openApp(page, server, 'compliance');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Compliance');
  await expect(main).not.toContainText('Not built yet');
  await expect(page.getByTestId('compliance-coverage')).toContainText('The map covers every table');
  await expect(page.getByTestId('compliance-data-map').locator('[data-table-name="local:pipeline_items"]')).toContainText('email');
  await expect(page.getByTestId('compliance-data-map').locator('[data-table-name="local:stripe_invoices"]')).toContainText('kept for a legal duty, anonymised');

  // bad input names the field and files nothing
  await page.getByTestId('compliance-email').fill('not-an-email');
  await page.getByTestId('compliance-submit').click();
  await expect(page.locator('#compliance-email-error')).toContainText('must be an email address');
  await expect(page.getByTestId('compliance-request')).toHaveCount(0);

  await page.getByTestId('compliance-email').fill('ada@example.com');
  await page.getByTestId('compliance-submit').click();
  const exportRow = page.locator('[data-testid="compliance-request"][data-kind="export"]');
  await expect(exportRow).toContainText('ada@example.com');
  await expect(exportRow).toContainText('due');
  await exportRow.getByTestId('compliance-answer-export').click();
  await expect(exportRow.getByTestId('compliance-export')).toContainText('Exported: local 1 row(s)');
  await expect(exportRow).toHaveAttribute('data-status', 'answered');

  await page.getByTestId('compliance-email').fill('ada@example.com');
  await page.getByTestId('compliance-kind').selectOption('erase');
  await page.getByTestId('compliance-submit').click();
  const eraseRow = page.locator('[data-testid="compliance-request"][data-kind="erase"]');
  await expect(eraseRow).toHaveAttribute('data-status', 'waiting');
  await eraseRow.getByRole('link', { name: 'Decide it in the Approvals inbox' }).click();

  const item = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
  await expect(item).toContainText('Erase everything about ada@example.com');
  await expect(item.getByTestId('approval-class')).toHaveText('Class C');
  await item.getByRole('button', { name: 'Approve' }).click();
  await item.getByRole('textbox', { name: 'Reason' }).fill('asked by email');
  await item.getByRole('button', { name: 'Confirm approve' }).click();
  await expect(page.getByTestId('approvals-decided').locator('[data-status="approved"]')).toContainText('erased:');

  await page.goto(`${server.baseUrl}#/compliance`);
  const erased = page.locator('[data-testid="compliance-request"][data-kind="erase"]');
  await expect(erased).toHaveAttribute('data-status', 'answered');
  await expect(erased.getByTestId('compliance-proof')).toContainText('row(s) deleted');
  await expect(erased.getByTestId('compliance-proof')).toContainText('proof: 0 rows');
  // the person is gone from every request too: only the hash is left
  await expect(page.getByTestId('compliance-requests')).not.toContainText('ada@example.com');
});
