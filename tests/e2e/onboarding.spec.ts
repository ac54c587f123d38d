import { startFakeOpenAi } from '../helpers/ai/openai-server';
import { api } from './api';
import { expect, keepScreenshot, openApp, test } from './fixtures';

// server-process.ts marks the guide done for every other spec; here it starts as on a real first launch
const firstLaunch = { LEVQOR_ONBOARDING_DONE: '' };

interface Counts {
  monitors: number;
  products: number;
  workflows: number;
}

async function counts(server: Parameters<typeof api>[0]): Promise<Counts> {
  const [g, p, w] = await Promise.all([
    api<{ monitors: unknown[] }>(server, 'guardian.monitors', {}),
    api<{ products: unknown[] }>(server, 'products.list', {}),
    api<{ workflows: unknown[] }>(server, 'workflows.list', {}),
  ]);
  return { monitors: g.monitors.length, products: p.products.length, workflows: w.workflows.length };
}

test('on an empty data dir the guide opens; its answers become three drafts, each confirmed, then seen in its area', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const server = await levqor.start({ env: firstLaunch });
  await openApp(page, server);
  await expect(page).toHaveURL(/#\/onboarding$/);
  // no model set up: said plainly, and the form does the work
  await expect(page.getByTestId('onb-no-ai')).toContainText('No AI key: set the secret openai.apiKey');

  await page.getByTestId('onb-sells').selectOption('both');
  await page.getByTestId('onb-site').fill('https://example.com');
  await page.getByTestId('onb-product').fill('Notion Launch Pack');
  await page.getByTestId('onb-price').fill('47');
  await page.getByTestId('onb-currency').fill('GBP');
  await page.getByTestId('onb-propose').click();
  for (const item of ['monitor', 'product', 'workflow']) await expect(page.getByTestId(`onb-draft-${item}`)).toBeVisible();
  await expect(page.getByTestId('onb-preview-product-fields')).toContainText('notion-launch-pack');
  await keepScreenshot(page, 'onboarding-drafts');
  expect(await counts(server)).toEqual({ monitors: 0, products: 0, workflows: 0 });

  await page.getByTestId('onb-confirm-monitor').click();
  await expect(page.getByTestId('onb-created-monitor')).toContainText('Created “example.com”');
  expect(await counts(server)).toEqual({ monitors: 1, products: 0, workflows: 0 });
  await page.getByTestId('onb-confirm-product').click();
  await expect(page.getByTestId('onb-created-product')).toContainText('Created “Notion Launch Pack”');
  await page.getByTestId('onb-confirm-workflow').click();
  await expect(page.getByTestId('onb-created-workflow')).toContainText('Created “Daily check of example.com”');
  expect(await counts(server)).toEqual({ monitors: 1, products: 1, workflows: 1 });
  await page.getByTestId('onb-finish').click();
  await expect(page.getByTestId('onb-done')).toBeVisible();

  await page.getByTestId('onb-created-workflow').getByRole('link', { name: 'See it in Workflows' }).click();
  await expect(page.getByRole('main')).toContainText('Daily check of example.com');
  await page.goto(`${server.baseUrl}#/launches`);
  await expect(page.getByRole('main')).toContainText('Notion Launch Pack');
  await page.goto(`${server.baseUrl}#/guardian`);
  await expect(page.getByRole('main')).toContainText('example.com');

  // finished: the next launch opens on the home page
  await page.goto(server.baseUrl);
  await expect(page.getByTestId('stage-badge')).toBeVisible();
  await expect(page).not.toHaveURL(/#\/onboarding/);
});

test('bad answers are refused naming the field, and nothing is created; Dismiss stops the guide opening', async ({ page, levqor }) => {
  const server = await levqor.start({ env: firstLaunch });
  await openApp(page, server, 'onboarding');
  await page.getByTestId('onb-site').fill('example');
  await page.getByTestId('onb-product').fill('Audit');
  await page.getByTestId('onb-price').fill('99');
  await page.getByTestId('onb-propose').click();
  await expect(page.getByTestId('onb-error')).toContainText('answers.siteUrl: must be the address of your site starting with https://');
  await expect(page.getByTestId('onb-draft-monitor')).toHaveCount(0);
  expect(await counts(server)).toEqual({ monitors: 0, products: 0, workflows: 0 });

  await page.getByTestId('onb-finish').click();
  await expect(page.getByTestId('onb-done')).toBeVisible();
  await page.goto(server.baseUrl);
  await expect(page.getByTestId('stage-badge')).toBeVisible();
  await expect(page).not.toHaveURL(/#\/onboarding/);
});

test('with a model, a sentence is read into the form and proposes the drafts', async ({ page, levqor }) => {
  const model = await startFakeOpenAi();
  try {
    model.reply({ kind: 'json', value: { sells: 'digital', siteUrl: 'example.com', productName: 'Notion pack', price: 47, currency: 'GBP', alerts: 'telegram' } });
    const server = await levqor.start({ env: { ...firstLaunch, LEVQOR_AI_BASE_URL: model.url, OPENAI_API_KEY: 'sk-test-onboarding-e2e-000111' } });
    await openApp(page, server);
    await expect(page).toHaveURL(/#\/onboarding$/);
    await page.getByTestId('onb-text').fill('I sell a £47 Notion pack at example.com, tell me on Telegram');
    await page.getByTestId('onb-read').click();
    await expect(page.getByTestId('onb-draft-product')).toContainText('Notion pack');
    await expect(page.getByTestId('onb-site')).toHaveValue('https://example.com');
    await expect(page.getByTestId('onb-alerts')).toHaveValue('telegram');
    await expect(page.getByTestId('onb-draft-workflow')).toContainText('Telegram');
    expect(model.requests).toHaveLength(1);
    expect(await counts(server)).toEqual({ monitors: 0, products: 0, workflows: 0 });
  } finally {
    await model.stop();
  }
});
