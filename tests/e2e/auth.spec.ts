import { expect, keepScreenshot, openApp, test } from './fixtures';

test('an API call without the token is answered 401', async ({ server }) => {
  const res = await fetch(`${server.baseUrl}api/app.info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(401);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('UNAUTHORIZED');

  const events = await fetch(`${server.baseUrl}api/events`);
  expect(events.status).toBe(401);
  await events.body?.cancel();
});

test('a browser without the access link sees the locked screen', async ({ browser, server }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Access link needed' })).toBeVisible();
    await expect(main).toContainText('This Levqor X server needs its access link.');
    await expect(main).toContainText('levqor serve');
    await expect(main).toContainText('?token=');
    await expect(page.getByRole('navigation', { name: 'Areas' })).toHaveCount(0);
    await keepScreenshot(page, 'locked');
  } finally {
    await context.close();
  }
});

test('a wrong token does not log the browser in', async ({ browser, server }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}?token=wrong`);
    await expect(page.getByRole('heading', { name: 'Access link needed' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('token is not this server');
    // the wrong token is gone from the address bar too
    await expect(page).not.toHaveURL(/token=/);
    expect(await page.evaluate(() => localStorage.getItem('levqor.session'))).toBeNull();
    await page.goto(server.baseUrl);
    await expect(page.getByRole('heading', { name: 'Access link needed' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('Settings lists the signed-in browsers; one is revoked from another, and Sign out ends this one', async ({ browser, page, server }) => {
  await openApp(page, server, 'settings');
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await openApp(second, server);

    const sessions = page.getByRole('region', { name: 'Browser sessions' });
    await page.reload();
    await expect(sessions.getByTestId('session-row')).toHaveCount(2);
    await expect(sessions.getByTestId('session-row').filter({ hasText: '(this browser)' })).toHaveCount(1);
    await keepScreenshot(page, 'settings-browser-sessions');

    // revoke the other browser: its next call finds the door shut
    await sessions.getByTestId('session-row').filter({ hasNotText: '(this browser)' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(sessions.getByTestId('session-row')).toHaveCount(1);
    await second.reload();
    await expect(second.getByRole('heading', { name: 'Access link needed' })).toBeVisible();

    // signing out this browser forgets its session too
    await sessions.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Access link needed' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('levqor.session'))).toBeNull();
  } finally {
    await other.close();
  }
});
