/**
 * A browser's user-agent string as a founder recognises it: "Chrome 156 on Linux". Only the
 * common families are named; anything else is shown as sent, shortened.
 */
export function describeBrowser(userAgent: string): string {
  const os = /Windows/.test(userAgent) ? 'Windows' : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Linux/.test(userAgent) ? 'Linux' : undefined;
  const family = [
    ['Edge', /Edg\/(\d+)/],
    ['Firefox', /Firefox\/(\d+)/],
    ['Chrome', /(?:Headless)?Chrome\/(\d+)/],
    ['Safari', /Version\/(\d+)[^ ]* Safari\//],
  ] as const;
  for (const [name, pattern] of family) {
    const m = pattern.exec(userAgent);
    if (m) return `${name} ${m[1]}${os ? ` on ${os}` : ''}${/Headless/.test(userAgent) ? ' (headless)' : ''}`;
  }
  return userAgent.length > 60 ? `${userAgent.slice(0, 57)}…` : userAgent || 'unknown browser';
}
