/**
 * The browser's session with `levqor serve`. The printed link carries the access token once;
 * the page trades it for a session value, keeps that in this origin's localStorage and drops
 * the token from the address bar. Not a cookie: a browser sends a host's cookies to every
 * port of that host, so any other local server would receive it.
 */
const storageKey = 'levqor.session';
export const sessionHeader = 'x-levqor-session';

export function storedSession(): string | undefined {
  try {
    return localStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetSession(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // storage off (private mode with a quota of 0): nothing was kept
  }
}

/** Trades `?token=` for a session when the page was opened from the printed link. */
export async function openSessionFromLink(location: Location = window.location): Promise<'opened' | 'wrong-link' | 'no-link'> {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token === null) return 'no-link';
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  let res: Response;
  try {
    res = await fetch('/auth/session', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
      credentials: 'omit',
    });
  } catch {
    return 'wrong-link';
  }
  if (!res.ok) return 'wrong-link';
  const body = (await res.json()) as { session?: unknown };
  if (typeof body.session !== 'string') return 'wrong-link';
  try {
    localStorage.setItem(storageKey, body.session);
  } catch {
    return 'wrong-link';
  }
  return 'opened';
}

export function sessionHeaders(): Record<string, string> {
  const session = storedSession();
  return session ? { [sessionHeader]: session } : {};
}
