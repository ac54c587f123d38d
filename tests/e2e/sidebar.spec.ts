import { areas } from '../../shared/areas';
import { expect, keepScreenshot, openApp, test } from './fixtures';

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`areas that are not built yet are marked in the sidebar, visibly and for screen readers (${size.width}×${size.height})`, async ({ page, server }) => {
    await page.setViewportSize(size);
    await openApp(page, server);
    const nav = page.getByRole('navigation', { name: 'Areas' });
    // every area may be built: then no link carries the mark
    for (const area of areas) {
      const link = nav.getByRole('link', { name: new RegExp(`^${area.title}`) });
      const mark = link.getByTestId('not-built-badge');
      if (area.built) {
        await expect(mark).toHaveCount(0);
        continue;
      }
      await expect(mark).toBeVisible();
      await expect(mark).toHaveText('Not built yet');
      await expect(link).toHaveAccessibleName(new RegExp(`^${area.title}\\W+Not built yet$`));
      // the mark sits beside the name, which stays whole
      const label = link.locator('.sidebar__label');
      const [labelBox, markBox] = [await label.boundingBox(), await mark.boundingBox()];
      expect(labelBox!.x + labelBox!.width).toBeLessThanOrEqual(markBox!.x);
      expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await keepScreenshot(page, `sidebar-not-built-${size.width}`);
  });
}
