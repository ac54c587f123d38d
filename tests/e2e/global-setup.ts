import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumCandidate, findChromium } from './chromium';
import { repoRoot } from './server-process';

/**
 * Runs once before the suite. No Chromium: under CI=true the run fails; on a developer
 * machine it says the suite is skipped and ends the run successfully. The app must be built.
 */
export default async function globalSetup(): Promise<void> {
  if (!findChromium()) {
    const why = `Chromium was not found at ${chromiumCandidate()} (install chromium, or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium executable)`;
    if (process.env.CI === 'true') {
      throw new Error(`The end-to-end suite cannot run on CI: ${why}.`);
    }
    // Playwright has no "skip the run" result: say why, then end the run successfully
    const note = `\nThe end-to-end suite is skipped because Chromium is missing: ${why}.\n\n`;
    await new Promise<never>(() => process.stdout.write(note, () => process.exit(0)));
  }
  for (const built of [join('out', 'main', 'cli.js'), join('out', 'renderer', 'index.html')]) {
    if (!existsSync(join(repoRoot, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` before the end-to-end suite (npm test does).`);
    }
  }
}
