/**
 * The document of a workflow's copy: named "<name> (copy)", and, for a webhook, a fresh path
 * (two workflows never share /hooks/<path>). `attempt` counts CONFLICT answers so far: the
 * path gets -copy, then -copy-2, -copy-3…
 */
export function copyDocument(document: Record<string, unknown>, attempt = 0): Record<string, unknown> {
  const name = typeof document.name === 'string' && document.name.trim() ? document.name : 'Untitled workflow';
  const copy: Record<string, unknown> = { ...document, name: `${name} (copy)`.slice(0, 200) };
  const trigger = document.trigger;
  if (trigger && typeof trigger === 'object' && (trigger as { type?: unknown }).type === 'webhook') {
    const path = (trigger as { path?: unknown }).path;
    const base = typeof path === 'string' && path ? path : 'hook';
    copy.trigger = { ...trigger, path: `${base}-copy${attempt > 0 ? `-${attempt + 1}` : ''}` };
  }
  return copy;
}

/** How many times duplicate tries a fresh webhook path before giving up with the server's error. */
export const maxCopyAttempts = 20;
