import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { formBodyLimitBytes, privacyTextVersion } from '../../../shared/site-forms';
import { expect, test } from './built-site';

// each test posts from its own address, so the per-IP limit counts only that test's posts
let address = 0;
test.beforeEach(async ({ context }) => {
  address += 1;
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${address}` });
});

const byEmail = (rows: Record<string, unknown>[], email: string) => rows.filter((r) => r.email === email);

async function sendLead(page: Page, email: string, consent = true): Promise<Locator> {
  const form = page.getByTestId('lead-form');
  await form.locator('input[type="email"]').fill(email);
  if (consent) await form.getByRole('checkbox').check();
  await form.getByRole('button').click();
  return form;
}

test.describe('companion site: the three forms, into the shared Postgres', () => {
  test('a lead from the home page and one from a product page land in sales_leads with the consent version and the UTM source', async ({ page, formsSite }) => {
    await page.goto(`${formsSite.baseUrl}/en?utm_source=newsletter&utm_medium=email&utm_campaign=launch`);
    const home = await sendLead(page, 'ada@example.com');
    await expect(home.getByTestId('form-sent')).toHaveText('Thank you. You are on the list.');
    await page.goto(`${formsSite.baseUrl}/en/products/${formsSite.withImages}`);
    const product = await sendLead(page, 'grace@example.com');
    await expect(product.getByTestId('form-sent')).toBeVisible();

    const rows = await formsSite.rows('sales_leads');
    const [fromHome] = byEmail(rows, 'ada@example.com');
    expect(fromHome).toMatchObject({ source: 'newsletter', product_slug: null, status: 'new', utm: { source: 'newsletter', medium: 'email', campaign: 'launch' } });
    expect(fromHome?.meta).toMatchObject({ consent: { version: privacyTextVersion }, locale: 'en', page: '/en' });
    const [fromProduct] = byEmail(rows, 'grace@example.com');
    expect(fromProduct).toMatchObject({ source: 'site', product_slug: formsSite.withImages, utm: null });
    expect(fromProduct?.meta).toMatchObject({ consent: { version: privacyTextVersion } });
  });

  test('a DFY request lands in dfy_requests with its budget, consent version and UTM', async ({ page, formsSite }) => {
    await page.goto(`${formsSite.baseUrl}/en/dfy?utm_source=linkedin&utm_medium=social`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request a done-for-you project');
    const form = page.getByTestId('dfy-form');
    const answers = { Name: 'Ada Lovelace', Email: 'ada@engines.example', 'Company (optional)': 'Analytical Engines', 'Budget in US dollars (optional)': '2500', 'What do you need?': 'A launch page and an email sequence.' };
    for (const [label, value] of Object.entries(answers)) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(form.getByTestId('form-sent')).toHaveText('Thank you. We received your request and will reply by email.');

    const [row] = byEmail(await formsSite.rows('dfy_requests'), 'ada@engines.example');
    expect(row).toMatchObject({ name: 'Ada Lovelace', company: 'Analytical Engines', package_slug: null, brief: 'A launch page and an email sequence.', budget_cents: '250000', currency: 'USD', source: 'linkedin', utm: { source: 'linkedin', medium: 'social' }, status: 'new' });
    expect(row?.meta).toMatchObject({ consent: { version: privacyTextVersion }, locale: 'en' });
  });

  test('"download or delete my data" files a subject request, only once confirmed', async ({ page, formsSite }) => {
    await page.goto(`${formsSite.baseUrl}/en/privacy`);
    const form = page.getByTestId('data-request-form');
    await form.getByLabel('Email', { exact: true }).fill('erase-me@example.com');
    await form.getByLabel('What would you like?').selectOption('erase');
    await form.getByLabel('Under which law?').selectOption('ccpa');
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(form.getByText('Tick the box to confirm before sending.')).toBeVisible();
    expect(byEmail(await formsSite.rows('subject_requests'), 'erase-me@example.com')).toHaveLength(0);
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(form.getByTestId('form-sent')).toBeVisible();
    expect(byEmail(await formsSite.rows('subject_requests'), 'erase-me@example.com')).toMatchObject([{ kind: 'erase', law: 'ccpa', status: 'new' }]);
  });

  test('bad input stores nothing: invalid email, missing consent, a filled honeypot, a body over 10 KB', async ({ page, formsSite }) => {
    await page.goto(`${formsSite.baseUrl}/en`);
    const form = await sendLead(page, 'not-an-email');
    await expect(form.getByText('Enter a valid email address, such as name@example.com.')).toBeVisible();
    await expect(form.locator('input[type="email"]')).toHaveAttribute('aria-invalid', 'true');
    await page.reload();
    const noConsent = await sendLead(page, 'no-consent@example.com', false);
    await expect(noConsent.getByText('Tick the box to agree before sending.')).toBeVisible();

    // the server refuses the same input on its own, whatever the browser did
    const post = (body: unknown) => page.request.post(`${formsSite.baseUrl}/api/forms/lead`, { data: body });
    const badEmail = await post({ email: 'nope', consent: true, locale: 'en' });
    expect(badEmail.status()).toBe(400);
    expect(await badEmail.json()).toEqual({ ok: false, errors: [{ field: 'email', code: 'email' }] });
    const withoutConsent = await post({ email: 'no-consent@example.com', consent: false, locale: 'en' });
    expect(await withoutConsent.json()).toEqual({ ok: false, errors: [{ field: 'consent', code: 'consent' }] });
    const honeypot = await post({ email: 'bot@example.com', consent: true, locale: 'en', website: 'http://spam.example' });
    expect(honeypot.status()).toBe(200);
    expect(await honeypot.json()).toEqual({ ok: true });
    const oversize = await page.request.post(`${formsSite.baseUrl}/api/forms/dfy`, {
      data: { name: 'Big', email: 'big@example.com', message: 'x'.repeat(formBodyLimitBytes), consent: true, locale: 'en' },
    });
    expect(oversize.status()).toBe(413);
    expect(await oversize.json()).toEqual({ ok: false, errors: [{ field: 'form', code: 'tooLarge' }] });

    const leads = await formsSite.rows('sales_leads');
    for (const email of ['not-an-email', 'nope', 'no-consent@example.com', 'bot@example.com']) expect(byEmail(leads, email)).toHaveLength(0);
    expect(byEmail(await formsSite.rows('dfy_requests'), 'big@example.com')).toHaveLength(0);
  });

  test('the sixth post in a minute from one address is refused, and the form says so', async ({ page, formsSite }) => {
    await page.goto(`${formsSite.baseUrl}/en`);
    for (let i = 0; i < 5; i++) {
      const r = await page.request.post(`${formsSite.baseUrl}/api/forms/lead`, { data: { email: `fast${i}@example.com`, consent: true, locale: 'en', website: 'bot' } });
      expect(r.status()).toBe(200);
    }
    const form = await sendLead(page, 'sixth@example.com');
    await expect(form.getByText('Too many sends from your connection. Wait a minute and try again.')).toBeVisible();
    expect(byEmail(await formsSite.rows('sales_leads'), 'sixth@example.com')).toHaveLength(0);
  });

  test('Arabic: the errors in Arabic, beside their fields, right to left', async ({ page, formsSite }) => {
    await page.goto(`${formsSite.baseUrl}/ar`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const form = await sendLead(page, 'ada@', false);
    await expect(form.locator('[data-error="email"]')).toHaveText('أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.com.');
    await expect(form.locator('[data-error="consent"]')).toHaveText('ضع علامة في المربع للموافقة قبل الإرسال.');
    // the errors stay readable and tied to their fields
    await expect(form.locator('input[type="email"]')).toHaveAttribute('aria-describedby', await form.locator('[data-error="email"]').getAttribute('id') ?? '');
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="lead-form"]').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});

test('without DATABASE_URL a form says, in the visitor’s language, that it could not be sent', async ({ page, site }) => {
  await page.goto(`${site.baseUrl}/de`);
  const form = await sendLead(page, 'ada@example.com');
  await expect(form.locator('[data-error="unavailable"]')).toHaveText('Das konnte gerade nicht gesendet werden. Bitte versuchen Sie es später erneut.');
});
