import { areas } from '../../shared/areas';
import { expect, keepScreenshot, openApp, test } from './fixtures';

test('the app opens on Guardian and every sidebar area shows its page', async ({ page, server }) => {
  await openApp(page, server);
  const nav = page.getByRole('navigation', { name: 'Areas' });
  const main = page.getByRole('main');

  // home
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Guardian');
  await expect(nav.getByRole('link', { name: /^Guardian/ })).toHaveAttribute('aria-current', 'page');

  // the sidebar lists every area, in order
  const links = nav.getByRole('link');
  await expect(links).toHaveCount(areas.length);
  for (const [i, area] of areas.entries()) await expect(links.nth(i)).toContainText(area.title);

  for (const area of areas) {
    await nav.getByRole('link', { name: new RegExp(`^${area.title}`) }).click();
    await expect(page).toHaveURL(new RegExp(`#/${area.id}$`));
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(area.title);
    await expect(main).toContainText(area.summary);
    await expect(nav.getByRole('link', { name: new RegExp(`^${area.title}`) })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('banner').getByTestId('stage-badge')).toHaveText(/Pre-launch/);
    if (area.built) {
      await expect(main).not.toContainText('Not built yet');
    } else {
      await expect(main.getByRole('heading', { name: 'Not built yet' })).toBeVisible();
      await expect(main).toContainText('no data is shown');
    }
  }
  await keepScreenshot(page, 'settings-from-nav');

  await page.goto(`${server.baseUrl}#/compliance`);
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Compliance');
  await keepScreenshot(page, 'compliance-by-address');

  // back goes to the previous area (hash routing)
  await nav.getByRole('link', { name: /^Revenue/ }).click();
  await page.goBack();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Compliance');
});

test('an unknown route leads home', async ({ page, server }) => {
  await openApp(page, server);
  await page.goto(`${server.baseUrl}#/nowhere`);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Guardian');
});
