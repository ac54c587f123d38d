import { useSyncExternalStore } from 'react';
import { runByIdHref, runHref, workflowRunHref } from '../../routing/run-href';

/**
 * Sub-routes of the Workflows area. The app's router only looks at `#/workflows`; what
 * follows is parsed here:
 *
 *   #/workflows                       list
 *   #/workflows/runs                  every workflow's runs
 *   #/workflows/templates             the template gallery
 *   #/workflows/runs/<runId>          a run's view, found by its id alone (a CLI run of a file has no workflow)
 *   #/workflows/new[?import=1]        editor, new workflow (or the pending imported file)
 *   #/workflows/<id>                  editor of a stored workflow
 *   #/workflows/<id>/runs             run history
 *   #/workflows/<id>/runs/<runId>     live run view
 *   #/workflows/<id>/analytics        analytics
 */
export type WorkflowsRoute =
  | { page: 'list' }
  | { page: 'editor'; workflowId?: string; fromImport: boolean }
  | { page: 'history'; workflowId: string }
  | { page: 'all-runs' }
  | { page: 'templates' }
  | { page: 'run'; workflowId: string | undefined; runId: string }
  | { page: 'analytics'; workflowId: string }
  | { page: 'unknown'; path: string };

function decode(segment: string): string | undefined {
  try {
    const value = decodeURIComponent(segment);
    return value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function parseWorkflowsRoute(hash: string): WorkflowsRoute {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter((p) => p.length > 0);
  if (parts[0] !== 'workflows') return { page: 'unknown', path };
  const rest = parts.slice(1).map(decode);
  if (rest.some((p) => p === undefined)) return { page: 'unknown', path };
  const [id, sub, runId, extra] = rest as string[];
  if (id === undefined) return { page: 'list' };
  // workflow ids are UUIDs: "runs" and "templates", like "new", are never one
  if (id === 'runs') return sub === undefined ? { page: 'all-runs' } : runId === undefined ? { page: 'run', workflowId: undefined, runId: sub } : { page: 'unknown', path };
  if (id === 'templates') return sub === undefined ? { page: 'templates' } : { page: 'unknown', path };
  if (id === 'new' && sub === undefined) return { page: 'editor', fromImport: query.get('import') === '1' };
  if (sub === undefined) return { page: 'editor', workflowId: id, fromImport: false };
  if (sub === 'runs' && runId === undefined) return { page: 'history', workflowId: id };
  if (sub === 'runs' && runId !== undefined && extra === undefined) return { page: 'run', workflowId: id, runId };
  if (sub === 'analytics' && runId === undefined) return { page: 'analytics', workflowId: id };
  return { page: 'unknown', path };
}

const enc = encodeURIComponent;

/** Links inside the area; every page builds its hashes here. */
export const workflowsHref = {
  list: () => '#/workflows',
  create: () => '#/workflows/new',
  importDraft: () => '#/workflows/new?import=1',
  editor: (id: string) => `#/workflows/${enc(id)}`,
  history: (id: string) => `#/workflows/${enc(id)}/runs`,
  run: workflowRunHref,
  allRuns: () => '#/workflows/runs',
  templates: () => '#/workflows/templates',
  /** A run found by its id alone: for a run whose workflow is not stored (a file run from the CLI). */
  runById: runByIdHref,
  analytics: (id: string) => `#/workflows/${enc(id)}/analytics`,
};

export { runHref };

export function navigate(hash: string): void {
  window.location.hash = hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current sub-route; re-renders on back/forward and link clicks. */
export function useWorkflowsRoute(): WorkflowsRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseWorkflowsRoute(hash);
}
