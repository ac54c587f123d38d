import { startFakeOpenAi } from '../helpers/ai/openai-server';
import { startFakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/keys';
import { monthlySubscription } from '../helpers/stripe/monthly-subscription';
import { api } from './api';
import { expect, keepScreenshot, openApp, test } from './fixtures';

test('insight cards show the finding, its evidence and impact, ranked; the action button acts', async ({ page, server }) => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await api(server, 'products.create', { slug: 'ascend', name: 'Ascend', price: 17, description: 'A launch checklist.', tags: ['launch'], launchDate: tomorrow });
  await openApp(page, server, 'insights');

  const card = page.getByTestId('insight-card');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-rule', 'omega-slots');
  await expect(card).toContainText('#1 · growth');
  await expect(card).toContainText('"Ascend" launches within a day with 0 of 70 Omega slots filled');
  await expect(card.getByTestId('insight-evidence')).toContainText('Omega slots filled: 0 of 70 (products.checklist)');
  await expect(card).toContainText('Impact: the launch ships without its cover and gallery images');
  // no model here: the rules rank the "this week" list, and the missing narrative is said plainly
  const thisWeek = page.getByTestId('this-week');
  await expect(thisWeek).toHaveAttribute('data-source', 'rules');
  await expect(thisWeek.getByTestId('brief-source')).toContainText('Ranked by the rules No AI key: set the secret openai.apiKey');
  await expect(thisWeek.getByTestId('this-week-item')).toHaveText(['"Ascend" launches within a day with 0 of 70 Omega slots filled critical · growththe launch ships without its cover and gallery images']);
  await expect(page.getByTestId('brief-narrative')).toHaveCount(0);
  await keepScreenshot(page, 'insights-cards');

  await card.getByRole('button', { name: 'Open Launches' }).click();
  await expect(page).toHaveURL(/#\/launches$/);
});

test('with nothing flagged the area says so', async ({ page, server }) => {
  await openApp(page, server, 'insights');
  await expect(page.getByText('Nothing the rules flag right now.')).toBeVisible();
});

test('a churned customer makes an MRR churn card whose button saves a disabled win-back draft', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const now = Math.floor(Date.now() / 1000);
  const stripe = await startFakeStripe({ now });
  try {
    const start = now - 60 * 86_400;
    const sub = (status: string, ended: number | null) => monthlySubscription({ id: 'sub_d', customer: 'cus_d', start, unitAmount: 2000, status, ended });
    stripe.put({ id: 'cus_d', object: 'customer', email: 'dee@example.com', name: 'dee', created: start, livemode: false, currency: 'usd', metadata: {} }, sub('active', null));
    const server = await levqor.start({ env: { STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url } });
    await api(server, 'revenue.sync', {});
    // the customer cancels: Stripe's event, picked up by the next sync
    await new Promise((r) => setTimeout(r, 1100));
    const cancelled = Math.floor(Date.now() / 1000);
    stripe.setNow(cancelled);
    stripe.emit('customer.subscription.deleted', sub('canceled', cancelled), cancelled);
    await new Promise((r) => setTimeout(r, 1100));
    await api(server, 'revenue.sync', {});

    await openApp(page, server, 'insights');
    const card = page.getByTestId('insight-card').and(page.locator('[data-rule="mrr-churn"]'));
    await expect(card).toContainText('1 customer churned: dee@example.com');
    await expect(card.getByTestId('insight-evidence')).toContainText('churned: dee@example.com: 20.00 USD (revenue.customers)');
    await card.getByRole('button', { name: 'Draft a win-back workflow' }).click();
    await expect(card.getByTestId('insight-done')).toContainText('as a disabled draft');
    const { workflows } = await api<{ workflows: Array<{ name: string; enabled: boolean }> }>(server, 'workflows.list', {});
    expect(workflows).toEqual([expect.objectContaining({ name: expect.stringMatching(/^Win back customers churned in \d{4}-\d{2}$/), enabled: false })]);
    // the history shows what was done, and its filter by what was done finds it
    const history = page.getByTestId('insight-history');
    await page.getByTestId('insight-history-acted').selectOption('workflow-draft');
    await expect(history.getByTestId('insight-history-item')).toHaveCount(1);
    const done = history.getByTestId('insight-history-item').first();
    await expect(done).toHaveAttribute('data-rule', 'mrr-churn');
    await expect(done).toContainText('Workflow draft saved');
    await page.getByTestId('insight-history-acted').selectOption('healing');
    await expect(page.getByText('No past insights match.')).toBeVisible();
    await page.getByTestId('insight-history-acted').selectOption('workflow-draft');
    await keepScreenshot(page, 'insights-history');
    await done.getByRole('link', { name: 'open the draft' }).click();
    await expect(page).toHaveURL(/#\/workflows\/[^/]+$/);
    // the draft opens in the editor, valid as saved
    await expect(page.getByText('Saved · v1')).toBeVisible();
    await expect(page.getByText('No problems')).toBeVisible();
  } finally {
    await stripe.close();
  }
});

test('with a model the this-week list is its ranking, with its narrative, labelled as the model’s', async ({ page, levqor }) => {
  const model = await startFakeOpenAi();
  try {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const server = await levqor.start({ env: { LEVQOR_AI_BASE_URL: model.url, OPENAI_API_KEY: 'sk-test-e2e-fake-key-0123456789' } });
    for (const [slug, name] of [['ascend', 'Ascend'], ['beacon', 'Beacon']]) {
      await api(server, 'products.create', { slug, name, price: 17, description: 'A launch checklist.', tags: ['launch'], launchDate: tomorrow });
    }
    const narrative = 'Both launches are a day away with 0 of 70 Omega slots filled: fill Beacon first.';
    model.reply({ kind: 'json', value: { ranking: [{ id: 'omega-slots:beacon', why: 'It is the bigger launch.' }, { id: 'omega-slots:ascend', why: 'Same gap.' }], narrative } });
    await openApp(page, server, 'insights');
    const thisWeek = page.getByTestId('this-week');
    await expect(thisWeek).toHaveAttribute('data-source', 'model');
    await expect(thisWeek.getByTestId('brief-source')).toHaveText('Ranked by the model');
    await expect(page.getByTestId('brief-narrative')).toHaveText(narrative);
    await expect(thisWeek.getByTestId('this-week-item').first()).toContainText('"Beacon" launches within a day with 0 of 70 Omega slots filled');
    await expect(thisWeek.getByTestId('this-week-item').first()).toContainText('It is the bigger launch.');
    await expect(page.getByTestId('insight-card')).toHaveCount(2);
    await keepScreenshot(page, 'insights-brief-model');

    // dismissing a card takes it out of the list; the history keeps it under "Dismissed"
    const beacon = page.getByTestId('insight-card').and(page.locator('[id="insight-omega-slots:beacon"]'));
    await beacon.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('insight-dismissed')).toContainText('Dismissed “"Beacon" launches within a day');
    await page.getByTestId('insight-history-acted').selectOption('dismissed');
    await expect(page.getByTestId('insight-history-item')).toHaveCount(1);
    await expect(page.getByTestId('insight-history-item')).toHaveAttribute('data-acted', 'dismissed');
    const { insights } = await api<{ insights: Array<{ id: string }> }>(server, 'insights.list', {});
    expect(insights.map((i) => i.id)).toEqual(['omega-slots:ascend']);
  } finally {
    await model.stop();
  }
});
