/**
 * A size as every surface writes it (the Launches page, the approval of an upload, the CLI), so
 * one archive never reads as both "209.7 MB" and "210 MB": decimal units as file managers
 * use them, one decimal below 100 of a unit, whole above. 512 → "512 B", 1234567 → "1.2 MB",
 * 209_700_000 → "210 MB".
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 99.95 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}
