import { expect, keepScreenshot, openApp, test } from './fixtures';

test('the Costs area: add a recurring cost, set a budget, see the month’s figures and the chart', async ({ page, server }) => {
  await openApp(page, server, 'costs');
  const month = new Date().toISOString().slice(0, 7);
  await expect(page.getByTestId('costs-empty')).toContainText('No recurring costs yet');
  // no Stripe key: the page says why revenue reads 0
  await expect(page.getByTestId('revenue-note')).toContainText('No Stripe key is set');

  const form = page.getByRole('form', { name: 'New cost' });
  await form.getByLabel('Name').fill('Hetzner VPS');
  await form.getByLabel('Amount').fill('thirty');
  await form.getByRole('button', { name: 'Add cost' }).click();
  // checked before anything is sent: the rule next to the field, nothing saved
  await expect(form.getByRole('alert')).toContainText('amountMinor: must be an amount such as 4.90');
  await expect(page.getByTestId('costs-empty')).toBeVisible();

  await form.getByLabel('Amount').fill('30');
  await form.getByLabel('Category').selectOption('hosting');
  await form.getByLabel('First day').fill(`${month}-01`);
  await form.getByRole('button', { name: 'Add cost' }).click();
  const row = page.getByTestId('recurring-cost');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Hetzner VPS');
  await expect(row).toContainText('$30.00');

  const hosting = page.getByTestId('budget-hosting');
  const setHostingBudget = async (typed: string) => {
    await hosting.getByRole('textbox', { name: 'Hosting budget' }).fill(typed);
    await hosting.getByRole('button', { name: 'Set' }).click();
  };
  await setHostingBudget('-5');
  await expect(hosting.getByRole('alert')).toContainText('a budget must not be below zero');
  await setHostingBudget('40');
  await expect(hosting.getByTestId('used')).toHaveText('75%');
  await expect(hosting.getByTestId('spent')).toHaveText('$30.00');

  // the month's tiles: costs, revenue (none without Stripe), margin
  for (const [tile, figure] of [['cs-costs', '$30.00'], ['cs-revenue', '$0.00'], ['cs-margin', '-$30.00']] as const) await expect(page.getByTestId(tile)).toContainText(figure);
  const chart = page.getByTestId('cost-chart');
  await expect(chart).toContainText('Costs, revenue and margin over 12 months');
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeAttached();

  // edited to $50: over the budget
  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit Hetzner VPS' });
  await edit.getByLabel('Amount').fill('50');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(hosting.getByTestId('used')).toHaveText('125%');
  await keepScreenshot(page, 'costs');

  await page.getByTestId('recurring-cost').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('costs-empty')).toBeVisible();
  await expect(page.getByTestId('cs-costs')).toContainText('$0.00');
});
