import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { startPostgres, type StartedPostgres } from '../helpers/postgres-server';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { repoRoot } from './server-process';

/**
 * The Revenue area's leads and DFY boards against a real shared Postgres: the site's rows are
 * inserted there, pulled by "Sync now", moved by dragging, and written back.
 */
let pg: StartedPostgres;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  pg = await startPostgres();
});

test.afterAll(async () => {
  await pg?.stop();
});

const card = (page: Page, kind: 'lead' | 'dfy', email: string) => page.getByTestId(`board-${kind}`).getByTestId('pipeline-card').filter({ hasText: email });
const column = (page: Page, kind: 'lead' | 'dfy', stage: string) => page.getByTestId(`board-${kind}`).locator(`[data-testid="board-column"][data-stage="${stage}"]`);

test('the leads and DFY boards pull from the shared Postgres, move cards by drag and by menu, and refuse a move with its rule', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const url = await pg.createDatabase('revenue_e2e');
  const env = { LEVQOR_DATABASE_URL: url };
  // the CLI applies the shared schema (the site's tables) and makes the first, empty pull
  const first = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', levqor.dataDir, 'revenue', 'pipeline', 'sync'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(first.status, first.stderr).toBe(0);
  // what the companion site writes
  await pg.query(
    `INSERT INTO dfy_requests (email, name, company, package_slug, brief, budget_cents, currency, value_cents, value_currency, status, source, utm) VALUES
       ('quoted@example.com', 'Quinn', 'Quoteco', 'launch-kit', 'a launch page', 150000, 'usd', 120000, 'usd', 'quoted', 'site', '{"utm_source": "newsletter", "utm_campaign": "spring"}'),
       ('fresh@example.com', 'Fay', 'Freshco', 'seo-audit', 'an audit', 50000, 'gbp', NULL, NULL, 'new', 'site', '{}')`,
    [],
    'revenue_e2e',
  );
  await pg.query("INSERT INTO sales_leads (email, name, company, product_slug, value_cents, currency) VALUES ('lead@example.com', 'Lee', 'Leadco', 'crm-kit', 99000, 'eur')", [], 'revenue_e2e');

  const server = await levqor.start({ env });
  await openApp(page, server, 'revenue');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Revenue');
  // no Stripe key: the money part says so and shows no figures
  await expect(page.getByTestId('stripe-sync')).toContainText('No Stripe secret key is stored');
  await expect(page.getByTestId('money-empty')).toBeVisible();

  // Sync now pulls what the site wrote
  const sync = page.getByTestId('pipeline-sync');
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await expect(sync).toContainText('Last pulled');
  await expect(column(page, 'dfy', 'quoted').getByTestId('pipeline-card')).toHaveCount(1);
  await expect(card(page, 'dfy', 'fresh@example.com')).toHaveAttribute('data-stage', 'new');
  await expect(card(page, 'lead', 'lead@example.com')).toHaveAttribute('data-stage', 'new');

  // the detail panel: value formatted for its currency, source and UTM, stage times, notes saved
  await card(page, 'dfy', 'quoted@example.com').getByRole('button', { name: /details/ }).click();
  const detail = page.getByTestId('item-detail');
  await expect(detail.getByTestId('item-value')).toHaveText('$1,200.00');
  await expect(detail.getByTestId('item-facts')).toContainText('source: newsletter · campaign: spring');
  await detail.getByRole('textbox', { name: 'Notes' }).fill('call back on Monday');
  await detail.getByRole('textbox', { name: 'Value' }).fill('1350.50');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByTestId('item-value')).toHaveText('$1,350.50');
  await detail.getByRole('button', { name: 'Close' }).click();

  // drag the quoted request to paid
  await card(page, 'dfy', 'quoted@example.com').dragTo(column(page, 'dfy', 'paid'));
  await expect(column(page, 'dfy', 'paid').getByTestId('pipeline-card').filter({ hasText: 'quoted@example.com' })).toBeVisible();

  // a refused move: a new request cannot skip paid; the card goes back and shows the rule
  const fresh = card(page, 'dfy', 'fresh@example.com');
  await fresh.dragTo(column(page, 'dfy', 'delivered'));
  await expect(fresh.getByTestId('card-refusal')).toContainText('must be marked paid before it moves to delivered');
  await expect(fresh).toHaveAttribute('data-stage', 'new');
  await expect(column(page, 'dfy', 'new').getByTestId('pipeline-card')).toHaveCount(1);

  // the keyboard's way: Move to… on the card; a move back asks for its note
  await card(page, 'lead', 'lead@example.com').getByRole('combobox', { name: /^Move .* to$/ }).selectOption('qualified');
  await expect(card(page, 'lead', 'lead@example.com')).toHaveAttribute('data-stage', 'qualified');
  await card(page, 'lead', 'lead@example.com').getByRole('combobox', { name: /^Move .* to$/ }).selectOption('contacted');
  const dialog = page.getByTestId('move-back-dialog');
  await expect(dialog.getByRole('button', { name: 'Move back' })).toBeDisabled();
  await dialog.getByRole('textbox').fill('budget moved to Q3');
  await dialog.getByRole('button', { name: 'Move back' }).click();
  await expect(card(page, 'lead', 'lead@example.com')).toHaveAttribute('data-stage', 'contacted');

  // the stats follow the moves
  await expect(page.getByTestId('board-dfy').locator('..').getByTestId('stage-stats')).toContainText('2 in all');
  await keepScreenshot(page, 'revenue-boards');

  // after a reload the moves are still there, and they reached the shared Postgres
  await page.reload();
  await expect(card(page, 'dfy', 'quoted@example.com')).toHaveAttribute('data-stage', 'paid');
  await expect(card(page, 'lead', 'lead@example.com')).toHaveAttribute('data-stage', 'contacted');
  await expect
    .poll(async () => pg.query("SELECT email, status, notes, value_cents::int AS v FROM dfy_requests ORDER BY email", [], 'revenue_e2e'))
    .toEqual([
      { email: 'fresh@example.com', status: 'new', notes: null, v: null },
      { email: 'quoted@example.com', status: 'paid', notes: 'call back on Monday', v: 135050 },
    ]);
});
