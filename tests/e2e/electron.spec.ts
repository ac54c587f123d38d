import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { RendererApi } from '../../shared/contract';
import { repoRoot } from './server-process';
import { electronBinary } from '../../scripts/electron-binary.js';

/**
 * The real desktop app, where an Electron binary is installed. Without one (CI, this dev
 * container: ELECTRON_SKIP_BINARY_DOWNLOAD) the file registers no test at all, so the run
 * shows neither a pass nor a skip for it.
 */

const electronPath = electronBinary(repoRoot);

if (electronPath) {
  test('the desktop window exposes window.levqor, answers app.info and has no Node', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'levqor-electron-'));
    const app = await electron.launch({
      executablePath: electronPath,
      args: [repoRoot],
      cwd: repoRoot,
      env: { ...process.env, LEVQOR_DATA_DIR: dataDir } as Record<string, string>,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.evaluate(() => typeof (window as unknown as { levqor?: unknown }).levqor)).toBe('object');

      const info = await page.evaluate(() => (window as unknown as { levqor: RendererApi }).levqor.app.info());
      expect(info.dataDir).toBe(resolve(dataDir));
      expect(info.stage).toBe('pre-launch');

      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

      // a failure reaches the page as an Error carrying the API's message and code
      const failure = await page.evaluate(async () => {
        const api = (window as unknown as { levqor: RendererApi }).levqor;
        try {
          await api.settings.set({ key: 'no.such.setting', value: 1 });
          return undefined;
        } catch (err) {
          const e = err as Error & { code?: string; field?: string };
          return { isError: e instanceof Error, message: e.message, code: e.code, field: e.field };
        }
      });
      expect(failure).toMatchObject({ isError: true, code: 'BAD_INPUT', field: 'key' });
      expect(failure?.message).toContain('unknown setting');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
