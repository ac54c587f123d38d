import { accessSync, constants } from 'node:fs';

export const defaultChromiumPath = '/usr/bin/chromium';

/** The Chromium the suite drives: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumCandidate(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLAYWRIGHT_CHROMIUM_PATH || defaultChromiumPath;
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The executable path if it exists, else undefined. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidate = chromiumCandidate(env);
  return isExecutable(candidate) ? candidate : undefined;
}
