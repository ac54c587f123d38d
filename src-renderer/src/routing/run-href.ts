/**
 * Where a workflow run is shown (the Workflows area's run view), for every page that links
 * to one: under its workflow when it has one, else by its id alone (a file run from the CLI).
 */
const enc = encodeURIComponent;

export function workflowRunHref(workflowId: string, runId: string): string {
  return `#/workflows/${enc(workflowId)}/runs/${enc(runId)}`;
}

export function runByIdHref(runId: string): string {
  return `#/workflows/runs/${enc(runId)}`;
}

export function runHref(run: { id: string; workflowId: string | null }): string {
  return run.workflowId !== null ? workflowRunHref(run.workflowId, run.id) : runByIdHref(run.id);
}
