/** The oldest restic the app drives: the one Debian stable ships (its --json output is what the parsers read). */
export const minimumResticVersion = '0.14.0';

export const installHint = 'install it with `apt install restic` (Debian, Ubuntu), `brew install restic` (macOS), or download it from https://restic.net (https://github.com/restic/restic/releases), then set backup.resticPath if it is not on PATH';

/** `restic 0.14.0 compiled with go1.19.8 on linux/amd64` → `0.14.0`; undefined when it is not restic's answer. */
export function parseResticVersion(output: string): string | undefined {
  return /^restic (\d+\.\d+\.\d+)/m.exec(output)?.[1];
}

/** Whether `version` (x.y.z) is at least `minimum`. */
export function isAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
